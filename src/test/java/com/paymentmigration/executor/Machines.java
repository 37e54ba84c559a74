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
