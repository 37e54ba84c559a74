package com.paymentmigration.executor;

/**
 * A task failure as Step Functions reports it: an error name ({@code States.TaskFailed}, a service's
 * {@code Ssm.ParameterNotFoundException}, a Lambda's exception class name, ...) and a cause.
 */
public final class TaskFailure extends Exception {

    private final String error;
    private final String cause;

    public TaskFailure(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
