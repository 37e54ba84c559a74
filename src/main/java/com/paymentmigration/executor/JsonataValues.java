package com.paymentmigration.executor;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON to the JSONata engine's values and back. The engine tells JSON {@code null} ({@link Jsonata#NULL_VALUE}) from
 * undefined (Java {@code null}); numbers are doubles in JSONata, so an integral result goes back as an integer, the way
 * Step Functions (JavaScript) prints it.
 */
final class JsonataValues {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Doubles are exact integers up to 2^53. */
    private static final double EXACT_INTEGER_LIMIT = 9_007_199_254_740_992d;

    private JsonataValues() {
    }

    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toJsonata(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>(node.size());
            node.forEach(item -> list.add(toJsonata(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * @return the JSON value, or {@code null} when the value is undefined
     * @throws IllegalArgumentException for a value JSON cannot hold (a function)
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            var node = NODES.objectNode();
            map.forEach((k, v) -> {
                var member = toJson(v);
                if (member != null) {
                    node.set(String.valueOf(k), member);
                }
            });
            return node;
        }
        if (value instanceof List<?> list) {
            var node = NODES.arrayNode();
            for (var item : list) {
                var element = toJson(item);
                if (element != null) {
                    node.add(element);
                }
            }
            return node;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        throw new IllegalArgumentException("a value of type " + value.getClass().getSimpleName() + " is not JSON");
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return integer(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        double d = n instanceof BigDecimal big ? big.doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("the number " + d + " is not JSON");
        }
        if (d == Math.rint(d) && Math.abs(d) <= EXACT_INTEGER_LIMIT) {
            return integer((long) d);
        }
        return NODES.numberNode(d);
    }

    /** As Jackson reads JSON: an int when it fits, else a long. */
    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
}
