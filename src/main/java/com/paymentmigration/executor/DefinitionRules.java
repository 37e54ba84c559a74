package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Amazon States Language rules a JSONata-mode definition must keep before it runs, as CreateStateMachine holds
 * them: the fields each state type takes (JSONPath-only ones named with their JSONata replacement), transitions to
 * states that exist, one of Next or End, state names unique across the whole machine and at most 80 characters, no
 * unreachable state, Retry and Catch only where allowed with {@code States.ALL} alone and last, and every JSONata
 * expression parsing. Each problem names the state and the field.
 */
public final class DefinitionRules {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Output", "Assign"),
            "Task", Set.of("Resource", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds",
                    "HeartbeatSeconds", "Credentials"),
            "Choice", Set.of("Choices", "Default", "Output", "Assign"),
            "Wait", Set.of("Seconds", "Timestamp", "Output", "Assign"),
            "Succeed", Set.of("Output"),
            "Fail", Set.of("Error", "Cause"),
            "Parallel", Set.of("Branches", "Arguments", "Output", "Assign", "Retry", "Catch"),
            "Map", Set.of("ItemProcessor", "Items", "ItemSelector", "MaxConcurrency", "ToleratedFailureCount",
                    "ToleratedFailurePercentage", "Label", "Output", "Assign", "Retry", "Catch"));
    private static final Map<String, String> JSONPATH_ONLY = Map.ofEntries(
            Map.entry("InputPath", "Arguments"), Map.entry("Parameters", "Arguments"),
            Map.entry("ResultSelector", "Output"), Map.entry("ResultPath", "Output and Assign"),
            Map.entry("OutputPath", "Output"), Map.entry("Result", "Output"), Map.entry("SecondsPath", "Seconds"),
            Map.entry("TimestampPath", "Timestamp"), Map.entry("ErrorPath", "Error"), Map.entry("CausePath", "Cause"),
            Map.entry("TimeoutSecondsPath", "TimeoutSeconds"), Map.entry("HeartbeatSecondsPath", "HeartbeatSeconds"),
            Map.entry("ItemsPath", "Items"), Map.entry("MaxConcurrencyPath", "MaxConcurrency"),
            Map.entry("ToleratedFailureCountPath", "ToleratedFailureCount"),
            Map.entry("ToleratedFailurePercentagePath", "ToleratedFailurePercentage"),
            Map.entry("Iterator", "ItemProcessor"), Map.entry("Parameters.$", "Arguments"));
    private static final Set<String> UNSUPPORTED = Set.of("ItemReader", "ResultWriter", "ItemBatcher");
    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
            "QueryLanguage");
    private static final int MAX_NAME_LENGTH = 80;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> firstPlace = new HashMap<>();

    private DefinitionRules() {
    }

    /** Every rule the definition breaks, each naming the state and the field; empty when it keeps them all. */
    public static List<String> problems(JsonNode definition) {
        var rules = new DefinitionRules();
        rules.machine(definition);
        return rules.problems;
    }

    private void machine(JsonNode definition) {
        if (!definition.isObject()) {
            problems.add("the definition must be a JSON object");
            return;
        }
        definition.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                problems.add("top level: unknown field '" + f + "' (allowed: " + new TreeSet<>(TOP_LEVEL) + ")");
            }
        });
        if (!"JSONata".equals(definition.path("QueryLanguage").asText())) {
            problems.add("top level: QueryLanguage must be \"JSONata\" (this executor runs JSONata-mode machines; "
                    + "JSONPath is the default when it is left out)");
        }
        if (definition.has("TimeoutSeconds") && !positiveInteger(definition.get("TimeoutSeconds"))) {
            problems.add("top level: TimeoutSeconds must be a positive integer");
        }
        graph("", definition);
    }

    private void graph(String scope, JsonNode graph) {
        var states = graph.path("States");
        if (!states.isObject() || states.isEmpty()) {
            problems.add(where(scope, null) + "States must be a non-empty object");
            return;
        }
        var startAt = graph.path("StartAt").asText(null);
        if (startAt == null || !states.has(startAt)) {
            problems.add(where(scope, null) + "StartAt '" + startAt + "' is not a state of this graph");
        }
        states.fields().forEachRemaining(e -> state(scope, e.getKey(), e.getValue(), states));
        if (startAt != null && states.has(startAt)) {
            var reachable = reachable(startAt, states);
            states.fieldNames().forEachRemaining(name -> {
                if (!reachable.contains(name)) {
                    problems.add(where(scope, name) + "is not reachable from StartAt '" + startAt + "'");
                }
            });
        }
    }

    private void state(String scope, String name, JsonNode state, JsonNode siblings) {
        var at = where(scope, name);
        var previous = firstPlace.putIfAbsent(name, at);
        if (previous != null) {
            problems.add(at + "repeats a state name already used at " + previous
                    + ": names must be unique across the whole state machine");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problems.add(at + "a state name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        var type = state.path("Type").asText();
        var allowed = FIELDS.get(type);
        if (allowed == null) {
            problems.add(at + "Type '" + type + "' is not one of " + new TreeSet<>(FIELDS.keySet()));
            return;
        }
        if (state.has("QueryLanguage") && !"JSONata".equals(state.get("QueryLanguage").asText())) {
            problems.add(at + "QueryLanguage '" + state.get("QueryLanguage").asText() + "': this executor runs JSONata states only");
        }
        state.fieldNames().forEachRemaining(field -> {
            if (COMMON.contains(field) || allowed.contains(field) || FLOW.contains(field) && takesFlow(type)) {
                return;
            }
            if (JSONPATH_ONLY.containsKey(field) || field.endsWith(".$")) {
                problems.add(at + "field '" + field + "' is JSONPath-only; a JSONata state uses "
                        + JSONPATH_ONLY.getOrDefault(field, "plain keys with {% %} values"));
            } else if (UNSUPPORTED.contains(field)) {
                problems.add(at + "field '" + field + "' (S3 items and results) is not supported by this executor");
            } else {
                problems.add(at + "unknown field '" + field + "' for a " + type + " state");
            }
        });
        flow(at, type, state, siblings);
        switch (type) {
            case "Task" -> {
                if (!state.path("Resource").isTextual()) {
                    problems.add(at + "Resource must be a string (an ARN; it cannot be JSONata)");
                }
            }
            case "Choice" -> choices(at, state, siblings);
            case "Wait" -> {
                if (state.has("Seconds") == state.has("Timestamp")) {
                    problems.add(at + "a Wait state takes exactly one of Seconds and Timestamp");
                }
            }
            case "Parallel" -> {
                var branches = state.path("Branches");
                if (!branches.isArray() || branches.isEmpty()) {
                    problems.add(at + "Branches must be a non-empty array");
                }
                for (int i = 0; i < branches.size(); i++) {
                    graph(scope + name + " > branch " + i + " > ", branches.get(i));
                }
            }
            case "Map" -> map(scope, name, at, state);
            default -> {
            }
        }
        if (state.has("Assign") && !state.get("Assign").isObject()) {
            problems.add(at + "Assign must be an object of variable names to values");
        }
        errorHandlers(at, "Retry", state.get("Retry"), null);
        errorHandlers(at, "Catch", state.get("Catch"), siblings);
        expressions(at, "", state);
    }

    private static boolean takesFlow(String type) {
        return !type.equals("Choice") && !type.equals("Succeed") && !type.equals("Fail");
    }

    private void flow(String at, String type, JsonNode state, JsonNode siblings) {
        if (!takesFlow(type)) {
            return;
        }
        boolean end = state.path("End").asBoolean(false);
        if (end == state.has("Next")) {
            problems.add(at + "needs exactly one of Next and \"End\": true");
        }
        if (state.has("Next") && !siblings.has(state.get("Next").asText())) {
            problems.add(at + "Next '" + state.get("Next").asText() + "' is not a state of this graph");
        }
    }

    private void choices(String at, JsonNode state, JsonNode siblings) {
        var rules = state.path("Choices");
        if (!rules.isArray() || rules.isEmpty()) {
            problems.add(at + "Choices must be a non-empty array");
        }
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            var field = at + "Choices[" + i + "] ";
            rule.fieldNames().forEachRemaining(f -> {
                if (!Set.of("Condition", "Next", "Output", "Assign", "Comment").contains(f)) {
                    problems.add(field + "has field '" + f + "'; a JSONata Choice rule takes Condition, Next, Output, "
                            + "Assign (JSONPath comparison operators such as StringEquals are not JSONata)");
                }
            });
            if (!rule.has("Condition")) {
                problems.add(field + "has no Condition");
            }
            if (!siblings.has(rule.path("Next").asText())) {
                problems.add(field + "Next '" + rule.path("Next").asText() + "' is not a state of this graph");
            }
        }
        if (state.has("Default") && !siblings.has(state.get("Default").asText())) {
            problems.add(at + "Default '" + state.get("Default").asText() + "' is not a state of this graph");
        }
    }

    private void map(String scope, String name, String at, JsonNode state) {
        var processor = state.path("ItemProcessor");
        if (!processor.isObject()) {
            problems.add(at + "ItemProcessor is missing");
            return;
        }
        var mode = processor.path("ProcessorConfig").path("Mode").asText("INLINE");
        if (!Set.of("INLINE", "DISTRIBUTED").contains(mode)) {
            problems.add(at + "ItemProcessor.ProcessorConfig.Mode must be INLINE or DISTRIBUTED, not " + mode);
        }
        if (mode.equals("INLINE") && (state.has("ToleratedFailureCount") || state.has("ToleratedFailurePercentage")
                || state.has("Label"))) {
            problems.add(at + "ToleratedFailureCount, ToleratedFailurePercentage and Label are for DISTRIBUTED Maps only");
        }
        graph(scope + name + " > ", processor);
    }

    private void errorHandlers(String at, String field, JsonNode handlers, JsonNode siblings) {
        if (handlers == null) {
            return;
        }
        if (!handlers.isArray()) {
            problems.add(at + field + " must be an array");
            return;
        }
        for (int i = 0; i < handlers.size(); i++) {
            var handler = handlers.get(i);
            var here = at + field + "[" + i + "] ";
            var errors = handler.path("ErrorEquals");
            if (!errors.isArray() || errors.isEmpty()) {
                problems.add(here + "needs a non-empty ErrorEquals");
            }
            for (var error : errors) {
                if (error.asText().equals(ErrorNames.ALL) && (errors.size() > 1 || i < handlers.size() - 1)) {
                    problems.add(here + "States.ALL must appear alone in its ErrorEquals and in the last " + field);
                }
            }
            if (siblings == null) {
                retrier(here, handler);
            } else if (!siblings.has(handler.path("Next").asText())) {
                problems.add(here + "Next '" + handler.path("Next").asText() + "' is not a state of this graph");
            }
        }
    }

    private void retrier(String here, JsonNode retrier) {
        retrier.fieldNames().forEachRemaining(f -> {
            if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment").contains(f)) {
                problems.add(here + "unknown field '" + f + "'");
            }
        });
        if (retrier.has("IntervalSeconds") && !positiveInteger(retrier.get("IntervalSeconds"))) {
            problems.add(here + "IntervalSeconds must be a positive integer");
        }
        if (retrier.has("MaxAttempts") && (!retrier.get("MaxAttempts").isIntegralNumber()
                || retrier.get("MaxAttempts").asLong() < 0)) {
            problems.add(here + "MaxAttempts must be a non-negative integer");
        }
        if (retrier.has("BackoffRate") && (!retrier.get("BackoffRate").isNumber()
                || retrier.get("BackoffRate").asDouble() < 1.0)) {
            problems.add(here + "BackoffRate must be a number of at least 1.0");
        }
        if (retrier.has("MaxDelaySeconds") && !positiveInteger(retrier.get("MaxDelaySeconds"))) {
            problems.add(here + "MaxDelaySeconds must be a positive integer");
        }
        if (retrier.has("JitterStrategy") && !Set.of("FULL", "NONE").contains(retrier.get("JitterStrategy").asText())) {
            problems.add(here + "JitterStrategy must be FULL or NONE");
        }
    }

    /** Every {% %} string of the state parses as JSONata (nested states are checked as their own). */
    private void expressions(String at, String path, JsonNode node) {
        if (node.isTextual() && Expressions.isExpression(node.asText())) {
            var error = Expressions.syntaxError(Expressions.body(node.asText()));
            if (error != null) {
                problems.add(at + "field '" + path + "' is not valid JSONata: " + error);
            }
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!Set.of("States", "Branches", "ItemProcessor", "Resource", "Type").contains(e.getKey())) {
                    expressions(at, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
                }
            });
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            expressions(at, path + "[" + i + "]", node.get(i));
        }
    }

    private static Set<String> reachable(String from, JsonNode states) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            var name = queue.poll();
            var state = states.get(name);
            if (state == null || !seen.add(name)) {
                continue;
            }
            for (var key : List.of("Next", "Default")) {
                if (state.has(key)) {
                    queue.add(state.get(key).asText());
                }
            }
            state.path("Choices").forEach(c -> queue.add(c.path("Next").asText()));
            state.path("Catch").forEach(c -> queue.add(c.path("Next").asText()));
        }
        return seen;
    }

    private static boolean positiveInteger(JsonNode node) {
        return node.isIntegralNumber() && node.asLong() > 0
                || node.isTextual() && Expressions.isExpression(node.asText());
    }

    private static String where(String scope, String name) {
        if (name == null) {
            return scope.isEmpty() ? "top level: " : "'" + scope.substring(0, scope.length() - 3) + "': ";
        }
        return "state '" + scope + name + "': ";
    }
}
