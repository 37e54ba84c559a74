package com.paymentmigration.lambda.validator;

/**
 * Every failure the validator reports on purpose. Each subclass is a distinct error type, because a Lambda
 * function's error type is its exception's class name and the state machines catch on it; the message says what
 * is wrong and how to fix it. A run that throws never leaves a report marked complete.
 */
public abstract class ValidatorException extends RuntimeException {
    protected ValidatorException(String message) {
        super(message);
    }

    protected ValidatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
