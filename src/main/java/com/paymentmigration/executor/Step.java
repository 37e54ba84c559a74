package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * One entry into a state: its input, the variables as they were on entry (every expression of the state reads
 * those, Assign and Output alike), the clock and scope it runs on, and how many times it has been retried.
 */
final class Step {

    final String name;
    final JsonNode state;
    final String type;
    final JsonNode input;
    final Scope scope;
    final ExecutionClock clock;
    final Instant entered;
    final Map<String, JsonNode> variablesOnEntry;
    int retryCount;

    Step(String name, JsonNode state, JsonNode input, Scope scope, ExecutionClock clock) {
        this.name = name;
        this.state = state;
        this.type = state.path("Type").asText();
        this.input = input;
        this.scope = scope;
        this.clock = clock;
        this.entered = clock.now();
        this.variablesOnEntry = scope.visible();
    }

    /** {@code $states} with input and context, plus result and errorOutput where given. */
    Bindings bindings(RunContext run, JsonNode result, JsonNode errorOutput) {
        return bindings(run, result, errorOutput, null);
    }

    /** @param mapItem {@code {"Index", "Value"}} for a Map's ItemSelector, else null */
    Bindings bindings(RunContext run, JsonNode result, JsonNode errorOutput, ObjectNode mapItem) {
        var states = JsonNodeFactory.instance.objectNode();
        states.set("input", input);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        var context = run.context(name, entered, retryCount);
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        states.set("context", context);
        return new Bindings(states, variablesOnEntry);
    }

    /** The state's Next, or null where it ends its graph. */
    String next() {
        return state.has("Next") ? state.get("Next").asText() : null;
    }
}
