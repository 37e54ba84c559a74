package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * What an expression sees: the reserved {@code $states} ({@code input}, {@code result}, {@code errorOutput},
 * {@code context}, each only where AWS provides it) and the workflow variables visible from the state.
 */
record Bindings(ObjectNode states, Map<String, JsonNode> variables) {
}
