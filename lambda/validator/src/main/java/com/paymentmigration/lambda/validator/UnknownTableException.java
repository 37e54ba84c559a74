package com.paymentmigration.lambda.validator;

/** A selected table does not exist on one side (or is not visible to the validator's user there). */
public final class UnknownTableException extends ValidatorException {
    public UnknownTableException(String message) {
        super(message);
    }
}
