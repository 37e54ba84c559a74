package com.paymentmigration.lambda.validator;

/** The validator's database user may not read something it must read. */
public final class PermissionDeniedException extends ValidatorException {
    public PermissionDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
