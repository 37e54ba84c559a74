package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A typed builder of Amazon States Language (JSONata) flows. Every Task it makes retries transient failures with
 * backoff and catches everything else into the flow's failure state, so no Task can be written without either; and
 * every Task names the resources it touches, so the execution role is derived from the flow ({@link #permissions}).
 */
public final class Flow {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Retries of one call: 2, 4, 8, 16 s (jittered, at most 60 s) covers throttling and brief service trouble. */
    static final int RETRY_INTERVAL_SECONDS = 2;
    static final int RETRY_ATTEMPTS = 4;

    private final Map<String, ObjectNode> states = new LinkedHashMap<>();
    private final Map<String, Set<String>> permissions = new TreeMap<>();
    private final String failureState;
    private String startAt;

    /** @param failureState where every Task's Catch leads, unless the Task says otherwise */
    public Flow(String failureState) {
        this.failureState = failureState;
    }

    /** A JSONata expression as ASL writes it. */
    public static String expr(String jsonata) {
        return "{% " + jsonata + " %}";
    }

    /** An object node from key-value pairs; values are strings, numbers, booleans, JSON nodes, lists or maps. */
    public static ObjectNode obj(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    public Flow startAt(String state) {
        this.startAt = state;
        return this;
    }

    public String failureState() {
        return failureState;
    }

    /** A call of {@code integration} on {@code resources} (the ARNs the role must allow it on). */
    public Task task(String name, Integration integration, List<String> resources) {
        var node = add(name, "Task");
        node.put("Resource", integration.resource);
        resources.forEach(resource -> grant(integration.action, resource));
        return new Task(name, node);
    }

    public Choice choice(String name) {
        return new Choice(add(name, "Choice"));
    }

    public Step pass(String name) {
        return new Step(name, add(name, "Pass"));
    }

    /** Waits {@code seconds}: a number, or a JSONata expression. */
    public Step waitFor(String name, Object seconds) {
        var node = add(name, "Wait");
        node.set("Seconds", JSON.valueToTree(seconds));
        return new Step(name, node);
    }

    public void succeed(String name, String output) {
        var node = add(name, "Succeed");
        if (output != null) {
            node.put("Output", output);
        }
    }

    public void fail(String name, String error, String cause) {
        add(name, "Fail").put("Error", error).put("Cause", cause);
    }

    /**
     * A Map over {@code items} (a list, or a JSONata expression giving one), each item run by {@code processor}. Distributed: each item is a child execution
     * (its own history, so thousands of partitions stay far from the history limit), which needs the role to start,
     * watch and stop executions of this state machine.
     */
    public Task map(String name, Object items, Flow processor, boolean distributed, int maxConcurrency,
                    String ownStateMachineArn) {
        var node = add(name, "Map");
        node.set("Items", JSON.valueToTree(items));
        var processorNode = node.putObject("ItemProcessor");
        var config = processorNode.putObject("ProcessorConfig");
        config.put("Mode", distributed ? "DISTRIBUTED" : "INLINE");
        if (distributed) {
            config.put("ExecutionType", "STANDARD");
            node.put("ToleratedFailurePercentage", 0);
            grant("states:StartExecution", ownStateMachineArn);
            grant("states:DescribeExecution", executionsOf(ownStateMachineArn));
            grant("states:StopExecution", executionsOf(ownStateMachineArn));
        }
        node.put("MaxConcurrency", maxConcurrency);
        processorNode.put("StartAt", processor.startAt);
        processorNode.set("States", processor.statesNode());
        processor.permissions.forEach((action, resources) -> resources.forEach(r -> grant(action, r)));
        var task = new Task(name, node);
        task.retry(List.of("States.ItemReaderFailed", "States.ResultWriterFailed"));
        return task;
    }

    /** {@code arn:aws:states:r:a:stateMachine:name} to {@code arn:aws:states:r:a:execution:name/*}. */
    public static String executionsOf(String stateMachineArn) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + "/*";
    }

    void grant(String action, String resource) {
        permissions.computeIfAbsent(action, k -> new TreeSet<>()).add(resource);
    }

    /** IAM action to the resources the flow calls it on, for the execution role. */
    public Map<String, Set<String>> permissions() {
        var copy = new TreeMap<String, Set<String>>();
        permissions.forEach((action, resources) -> copy.put(action, Set.copyOf(resources)));
        return copy;
    }

    public ObjectNode statesNode() {
        var node = JSON.createObjectNode();
        states.forEach(node::set);
        return node;
    }

    /** The complete definition: JSONata throughout, a comment and a timeout that ends a run nobody will finish. */
    public String definition(String comment, int timeoutSeconds) {
        if (startAt == null) {
            throw new IllegalStateException("the flow has no StartAt");
        }
        var root = JSON.createObjectNode();
        root.put("Comment", comment);
        root.put("QueryLanguage", "JSONata");
        root.put("StartAt", startAt);
        root.put("TimeoutSeconds", timeoutSeconds);
        root.set("States", statesNode());
        return root.toString();
    }

    private ObjectNode add(String name, String type) {
        if (states.containsKey(name)) {
            throw new IllegalStateException("state " + name + " is defined twice");
        }
        if (name.length() > 80) {
            throw new IllegalArgumentException("state name " + name + " is longer than 80 characters");
        }
        var node = JSON.createObjectNode();
        node.put("Type", type);
        states.put(name, node);
        if (startAt == null) {
            startAt = name;
        }
        return node;
    }

    /** What Pass, Wait and Task states share: Next or End, Output, Assign. */
    public class Step {
        final String name;
        final ObjectNode node;

        Step(String name, ObjectNode node) {
            this.name = name;
            this.node = node;
        }

        public Step next(String state) {
            node.put("Next", state);
            return this;
        }

        public Step end() {
            node.put("End", true);
            return this;
        }

        public Step output(Object output) {
            node.set("Output", JSON.valueToTree(output));
            return this;
        }

        public Step assign(String variable, Object value) {
            var assign = node.has("Assign") ? (ObjectNode) node.get("Assign") : node.putObject("Assign");
            assign.set(variable, JSON.valueToTree(value));
            return this;
        }
    }

    /** A Task (or Map): arguments, its retry policy and its catch. */
    public final class Task extends Step {

        Task(String name, ObjectNode node) {
            super(name, node);
            retry(List.of());
            catchTo(failureState);
        }

        public Task arguments(JsonNode arguments) {
            node.set("Arguments", arguments);
            return this;
        }

        /**
         * Retries: errors in {@code permanent} fail at once (retrying cannot help); any other task failure or timeout
         * is retried with jittered exponential backoff.
         */
        public Task retry(List<String> permanent) {
            ArrayNode retry = node.putArray("Retry");
            if (!permanent.isEmpty()) {
                var never = retry.addObject();
                permanent.forEach(never.putArray("ErrorEquals")::add);
                never.put("MaxAttempts", 0);
            }
            var backoff = retry.addObject();
            backoff.putArray("ErrorEquals").add("States.TaskFailed").add("States.Timeout");
            backoff.put("IntervalSeconds", RETRY_INTERVAL_SECONDS);
            backoff.put("MaxAttempts", RETRY_ATTEMPTS);
            backoff.put("BackoffRate", 2.0);
            backoff.put("MaxDelaySeconds", 60);
            backoff.put("JitterStrategy", "FULL");
            return this;
        }

        /** Every error goes to {@code state}, with the failed state's name and the error as its input. */
        public Task catchTo(String state) {
            var handler = node.putArray("Catch").addObject();
            handler.putArray("ErrorEquals").add("States.ALL");
            handler.put("Next", state);
            handler.set("Output", obj("failedState", name, "error", expr("$states.errorOutput")));
            return this;
        }

        /** Errors that {@code state} handles as an expected outcome, ahead of the catch-all. */
        public Task catchFirst(List<String> errors, String state) {
            var catches = (ArrayNode) node.get("Catch");
            var handler = JSON.createObjectNode();
            errors.forEach(handler.putArray("ErrorEquals")::add);
            handler.put("Next", state);
            catches.insert(0, handler);
            return this;
        }

        public Task timeout(int seconds) {
            node.put("TimeoutSeconds", seconds);
            return this;
        }

        @Override
        public Task next(String state) {
            super.next(state);
            return this;
        }

        @Override
        public Task output(Object output) {
            super.output(output);
            return this;
        }

        @Override
        public Task assign(String variable, Object value) {
            super.assign(variable, value);
            return this;
        }
    }

    /** A Choice: conditions in order, then a default. */
    public final class Choice {
        private final ObjectNode node;
        private final ArrayNode choices;

        Choice(ObjectNode node) {
            this.node = node;
            this.choices = node.putArray("Choices");
        }

        public Choice when(String condition, String next) {
            choices.addObject().put("Condition", condition).put("Next", next);
            return this;
        }

        public void otherwise(String next) {
            node.put("Default", next);
        }
    }
}
