package com.paymentmigration.lambda.validator;

/** A database could not be reached or refused the login: transient for the state machine's retry, or a config fix. */
public final class DatabaseUnreachableException extends ValidatorException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
