package com.paymentmigration.lambda.replicationops;

/**
 * An event or a database state an operation cannot act on. Retrying cannot help: the state machines treat this
 * error type (the Lambda error type is the class name) as permanent.
 */
public class OperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OperationException(String message) {
        super(message);
    }

    public OperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
