package com.paymentmigration.executor;

import java.time.Instant;

/**
 * How an execution is started: when (the virtual clock's start), its name and state machine (they make the ARNs in
 * {@code $states.context}), the role it runs as, the seed of its random numbers (retry jitter, {@code $random()},
 * {@code $uuid()}) and the history limit (AWS fails an execution past 25,000 events).
 */
public record ExecutorOptions(Instant startTime, String stateMachineArn, String executionName, String roleArn, long seed,
                              int maxHistoryEvents) {

    public static final int AWS_HISTORY_LIMIT = 25_000;

    public ExecutorOptions {
        if (!stateMachineArn.matches("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[^:]+")) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn
                    + " (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)");
        }
        if (!executionName.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new IllegalArgumentException("an execution name is 1-80 letters, digits, '-' or '_': " + executionName);
        }
    }

    public static ExecutorOptions defaults() {
        return new ExecutorOptions(Instant.parse("2026-01-01T00:00:00Z"),
                "arn:aws:states:eu-central-1:123456789012:stateMachine:state-machine", "execution",
                "arn:aws:iam::123456789012:role/state-machine", 0L, AWS_HISTORY_LIMIT);
    }

    public ExecutorOptions withStartTime(Instant time) {
        return new ExecutorOptions(time, stateMachineArn, executionName, roleArn, seed, maxHistoryEvents);
    }

    public ExecutorOptions withStateMachineArn(String arn) {
        return new ExecutorOptions(startTime, arn, executionName, roleArn, seed, maxHistoryEvents);
    }

    /** The same account and region, another state machine name. */
    public ExecutorOptions withStateMachineName(String name) {
        return withStateMachineArn(stateMachineArn.substring(0, stateMachineArn.lastIndexOf(':') + 1) + name);
    }

    public ExecutorOptions withExecutionName(String name) {
        return new ExecutorOptions(startTime, stateMachineArn, name, roleArn, seed, maxHistoryEvents);
    }

    public ExecutorOptions withRoleArn(String arn) {
        return new ExecutorOptions(startTime, stateMachineArn, executionName, arn, seed, maxHistoryEvents);
    }

    public ExecutorOptions withSeed(long value) {
        return new ExecutorOptions(startTime, stateMachineArn, executionName, roleArn, value, maxHistoryEvents);
    }

    public ExecutorOptions withMaxHistoryEvents(int value) {
        return new ExecutorOptions(startTime, stateMachineArn, executionName, roleArn, seed, value);
    }

    public String stateMachineName() {
        return stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
    }

    /** arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME */
    public String executionArn() {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }

    public String region() {
        return stateMachineArn.split(":")[3];
    }
}
