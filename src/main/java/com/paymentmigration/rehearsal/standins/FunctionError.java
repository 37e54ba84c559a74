package com.paymentmigration.rehearsal.standins;

/**
 * A function's own error (an unhandled exception in its handler). Through Step Functions' Lambda integration the
 * task fails with the exception's class name as its error and the Java runtime's error JSON as its cause.
 */
final class FunctionError extends Exception {

    final String type;

    FunctionError(String type, String message) {
        super(message);
        this.type = type;
    }
}
