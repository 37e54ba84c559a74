package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One event of an execution's history, shaped as the {@code GetExecutionHistory} API's {@code HistoryEvent}: id,
 * previousEventId, timestamp, type and the details member that type carries ({@code stateEnteredEventDetails} for
 * every {@code *StateEntered}, {@code taskScheduledEventDetails} for {@code TaskScheduled}, ...).
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

    /** The API's member name for this type's details. */
    public String detailsMember() {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    public ObjectNode toJson() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("timestamp", timestamp.toString());
        node.put("type", type);
        node.put("id", id);
        node.put("previousEventId", previousEventId);
        if (details != null && !details.isEmpty()) {
            node.set(detailsMember(), details);
        }
        return node;
    }
}
