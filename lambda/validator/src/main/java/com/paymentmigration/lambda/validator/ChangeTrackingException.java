package com.paymentmigration.lambda.validator;

/**
 * A check of only what changed cannot be sound: the change slots are missing or were replaced since the full run it
 * builds on, or that run did not finish with MATCH. Nothing a retry fixes; run the full validation again.
 */
public final class ChangeTrackingException extends ValidatorException {
    public ChangeTrackingException(String message) {
        super(message);
    }
}
