package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test definitions written as JSON with single quotes (JSONata string literals then use \\"). */
final class Machines {

    static final ObjectMapper JSON = new ObjectMapper();

    private Machines() {
    }

    /** A JSONata machine from its States (single-quoted JSON), starting at the first. */
    static String machine(String startAt, String states) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"" + startAt + "\", \"States\": " + quotes(states) + "}";
    }

    /** Runs a machine (see {@link #machine}) with default options. */
    static Execution run(String startAt, String states, String input, TaskHandler handler) {
        return new Executor(handler).execute(machine(startAt, states), json(input));
    }

    /** A handler for machines without Tasks. */
    static TaskHandler noTasks() {
        return call -> {
            throw new AssertionError("no task expected, got " + call);
        };
    }

    static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(quotes(singleQuoted));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    /** 'x' to "x"; a \\' stays a single quote (for JSONata string literals). */
    static String quotes(String text) {
        return text.replace("\\'", "\u0000").replace('\'', '"').replace('\u0000', '\'');
    }
}
