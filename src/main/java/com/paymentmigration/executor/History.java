package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An execution's events in order. Each event's previousEventId is the event before it. (AWS links an event to the one
 * that caused it, which is the one before except across concurrent branches; branches here run one after another.)
 */
final class History {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final ExecutionClock clock;

    History(ExecutionClock clock) {
        this.clock = clock;
    }

    /** @param details alternating member names and values (strings, numbers, booleans, JSON; null values left out) */
    void add(ExecutionClock at, String type, Object... details) {
        var node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < details.length; i += 2) {
            var value = details[i + 1];
            if (value != null) {
                node.set((String) details[i], value instanceof JsonNode json ? json : JsonataValues.JSON.valueToTree(value));
            }
        }
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, id - 1, at.now(), type, node));
    }

    void add(String type, Object... details) {
        add(clock, type, details);
    }

    int size() {
        return events.size();
    }

    List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    static String json(JsonNode value) {
        return value == null ? null : value.toString();
    }

    static ObjectNode notTruncated() {
        return JsonNodeFactory.instance.objectNode().put("truncated", false);
    }
}
