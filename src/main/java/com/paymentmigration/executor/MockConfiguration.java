package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * AWS Step Functions Local's mock configuration ("Using mocked service integrations for testing in Step Functions
 * Local"): {@code StateMachines.<machine>.TestCases.<case>} maps a state name to a mocked response;
 * {@code MockedResponses.<response>} maps invocation numbers ({@code "0"}, or a range {@code "1-2"}) to a
 * {@code Return} (the task's result) or a {@code Throw} ({@code Error} and {@code Cause}). Invocations of a state are
 * counted from 0 across the whole execution, retries included.
 */
public final class MockConfiguration {

    private static final Pattern INVOCATIONS = Pattern.compile("(\\d+)(?:-(\\d+))?");

    private final JsonNode config;

    private MockConfiguration(JsonNode config) {
        this.config = config;
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static MockConfiguration read(JsonNode config) {
        var problems = new ArrayList<String>();
        if (!config.path("StateMachines").isObject()) {
            problems.add("StateMachines must be an object of state machine names to {\"TestCases\": {...}}");
        }
        config.path("StateMachines").fields().forEachRemaining(machine -> machine.getValue().path("TestCases").fields()
                .forEachRemaining(testCase -> testCase.getValue().fields().forEachRemaining(state -> {
                    if (!config.path("MockedResponses").has(state.getValue().asText())) {
                        problems.add("StateMachines." + machine.getKey() + ".TestCases." + testCase.getKey() + "."
                                + state.getKey() + " names mocked response '" + state.getValue().asText()
                                + "', which MockedResponses does not define");
                    }
                })));
        config.path("MockedResponses").fields().forEachRemaining(response -> response.getValue().fields()
                .forEachRemaining(invocation -> {
                    var where = "MockedResponses." + response.getKey() + "." + invocation.getKey();
                    if (!INVOCATIONS.matcher(invocation.getKey()).matches()) {
                        problems.add(where + ": an invocation key is a number (\"0\") or a range (\"1-2\")");
                    }
                    var value = invocation.getValue();
                    if (value.has("Return") == value.has("Throw")) {
                        problems.add(where + " needs exactly one of Return and Throw");
                    }
                    if (value.has("Throw") && !value.path("Throw").path("Error").isTextual()) {
                        problems.add(where + ".Throw needs an Error (and may have a Cause)");
                    }
                }));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("mock configuration: " + String.join("; ", problems));
        }
        return new MockConfiguration(config);
    }

    public Set<String> stateMachines() {
        var names = new TreeSet<String>();
        config.path("StateMachines").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The test case's mocks; a state it does not mock, or an invocation its mocked response does not cover, goes to
     * {@code fallback}.
     */
    public TaskHandler testCase(String stateMachine, String testCase, TaskHandler fallback) {
        var cases = config.path("StateMachines").path(stateMachine).path("TestCases");
        if (!cases.has(testCase)) {
            throw new IllegalArgumentException("mock configuration: no test case '" + testCase + "' for state machine '"
                    + stateMachine + "' (it has " + names(cases) + "; state machines: " + stateMachines() + ")");
        }
        var mockedStates = cases.get(testCase);
        var counts = new HashMap<String, Integer>();
        return invocation -> {
            var state = invocation.stateName();
            if (!mockedStates.has(state)) {
                return fallback.call(invocation).output();
            }
            int number = counts.merge(state, 1, Integer::sum) - 1;
            var response = responseFor(config.path("MockedResponses").path(mockedStates.get(state).asText()), number);
            if (response == null) {
                return fallback.call(invocation).output();
            }
            if (response.has("Throw")) {
                throw new TaskFailure(response.get("Throw").get("Error").asText(),
                        response.get("Throw").path("Cause").asText(""));
            }
            return response.get("Return");
        };
    }

    private static JsonNode responseFor(JsonNode responses, int invocation) {
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) responses::fields) {
            var matcher = INVOCATIONS.matcher(entry.getKey());
            if (matcher.matches()) {
                int from = Integer.parseInt(matcher.group(1));
                int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
                if (invocation >= from && invocation <= to) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
