package com.paymentmigration.lambda.rotation;

/** A rotation step cannot go on; the message says why and, where it can, what to fix. Secrets Manager retries. */
public final class RotationException extends RuntimeException {

    public RotationException(String message) {
        super(message);
    }

    public RotationException(String message, Throwable cause) {
        super(message, cause);
    }
}
