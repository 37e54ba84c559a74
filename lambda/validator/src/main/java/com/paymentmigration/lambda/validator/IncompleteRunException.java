package com.paymentmigration.lambda.validator;

/** Aggregation was asked for before every partition finished, or with partitions missing or repeated. */
public final class IncompleteRunException extends ValidatorException {
    public IncompleteRunException(String message) {
        super(message);
    }
}
