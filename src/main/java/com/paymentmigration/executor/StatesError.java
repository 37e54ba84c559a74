package com.paymentmigration.executor;

/**
 * An error a state raises, by the name {@code Retry} and {@code Catch} match on ({@code States.Timeout}, a task's own
 * error, a Fail state's Error, ...) and its cause. Internal to the executor: handlers throw {@link TaskFailure}.
 */
final class StatesError extends RuntimeException {

    private final String error;
    private final String cause;

    StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }
}
