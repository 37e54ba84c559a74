package com.paymentmigration.lambda.validator;

/** The invocation event or command line is not what the validator accepts. Retrying cannot help. */
public final class MalformedEventException extends ValidatorException {
    public MalformedEventException(String message) {
        super(message);
    }
}
