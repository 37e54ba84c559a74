package com.paymentmigration.config;

/** One bad config value: the fully qualified key, the value as given (null when missing) and how to fix it. */
public record ConfigProblem(String key, String value, String message) {

    @Override
    public String toString() {
        return value == null ? key + ": " + message : key + " = '" + value + "': " + message;
    }
}
