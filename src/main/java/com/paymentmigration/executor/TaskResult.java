package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * What a task answered and how long it took on the virtual clock. A Task's {@code TimeoutSeconds} is measured against
 * {@code elapsed}: a task that took longer fails with {@code States.Timeout} at the timeout, its result discarded.
 */
public record TaskResult(JsonNode output, Duration elapsed) {

    public TaskResult {
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("a task cannot take negative time: " + elapsed);
        }
    }

    public static TaskResult immediate(JsonNode output) {
        return new TaskResult(output, Duration.ZERO);
    }
}
