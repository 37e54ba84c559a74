package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A finished execution: its status ({@code SUCCEEDED}, {@code FAILED} or {@code TIMED_OUT}, as DescribeExecution
 * says), its output or its error and cause, its history, and the child executions its distributed Maps started.
 */
public record Execution(String executionArn, String status, JsonNode output, String error, String cause,
                        Instant startDate, Instant stopDate, List<HistoryEvent> events, List<Execution> children) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Events of one type, in order. */
    public List<HistoryEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The names of the states entered, in order (this execution's own, not its children's). */
    public List<String> statesEntered() {
        return events.stream().filter(e -> e.type().endsWith("StateEntered"))
                .map(e -> e.details().path("name").asText()).toList();
    }

    /** This execution and all its descendants, depth first. */
    public Stream<Execution> withDescendants() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(Execution::withDescendants));
    }

    public Optional<HistoryEvent> lastEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** {"status", "output" | "error" and "cause", "executionArn", "startDate", "stopDate", "events"}. */
    public ObjectNode toJson() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("status", status);
        if (succeeded()) {
            node.set("output", output);
        } else {
            node.put("error", error);
            node.put("cause", cause);
        }
        node.put("executionArn", executionArn);
        node.put("startDate", startDate.toString());
        node.put("stopDate", stopDate.toString());
        var list = node.putArray("events");
        events.forEach(e -> list.add(e.toJson()));
        return node;
    }
}
