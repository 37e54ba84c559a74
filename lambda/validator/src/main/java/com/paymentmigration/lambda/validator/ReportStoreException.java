package com.paymentmigration.lambda.validator;

/** A report could not be written or read back; the run's result is not recorded, so it is not complete. */
public final class ReportStoreException extends ValidatorException {
    public ReportStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
