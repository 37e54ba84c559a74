package com.paymentmigration.lambda.validator;

/** A comparison query failed for a reason other than access or reachability (timeout, cancelled, server error). */
public final class QueryFailedException extends ValidatorException {
    public QueryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
