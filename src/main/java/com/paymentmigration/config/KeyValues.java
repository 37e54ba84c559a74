package com.paymentmigration.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every key's value as its own rule read it. A key that is missing or refused has no value (its problem is already
 * reported), and a rule across keys judges only values their own rules accepted, so one bad value is reported once.
 */
final class KeyValues {

    private final Map<ConfigKey, String> texts = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    private final Problems problems;

    private KeyValues(Problems problems) {
        this.problems = problems;
    }

    static KeyValues read(ConfigSource source, Problems problems) {
        var read = new KeyValues(problems);
        for (var key : ConfigKey.values()) {
            var text = source.get(key.key).orElse(key.defaultValue);
            if (text == null) {
                problems.add(key, null, "is required; set it with: pulumi config set " + key.qualified() + " <value>  ("
                        + key.description + ")");
            } else {
                read.texts.put(key, text);
                read.values.put(key, key.rule.read(key.qualified(), text, problems));
            }
        }
        return read;
    }

    /** True when every one of {@code keys} has a value its rule accepted. */
    boolean valid(ConfigKey... keys) {
        return Arrays.stream(keys).allMatch(key -> values.get(key) != null);
    }

    /** The key's text as set (or its default), for a message about a value read from it. */
    String given(ConfigKey key) {
        return texts.get(key);
    }

    /** The key's value; null when it has none. */
    <T> T value(ConfigKey key, Class<T> type) {
        return type.cast(values.get(key));
    }

    String text(ConfigKey key) {
        return value(key, String.class);
    }

    /** The key's whole number; 0 when it has none. */
    long wholeNumber(ConfigKey key) {
        var number = value(key, Long.class);
        return number == null ? 0 : number;
    }

    int integer(ConfigKey key) {
        return Math.toIntExact(wholeNumber(key));
    }

    /** The key's true or false; false when it has none. */
    boolean flag(ConfigKey key) {
        return Boolean.TRUE.equals(value(key, Boolean.class));
    }

    /** The key's items, each of {@code itemType}; empty when it has none. */
    <T> List<T> list(ConfigKey key, Class<T> itemType) {
        var items = value(key, List.class);
        return items == null ? List.of() : items.stream().map(itemType::cast).toList();
    }

    void fail(ConfigKey key, String value, String message) {
        problems.add(key, value, message);
    }

    /** For a problem of one item of a list, labelled e.g. {@code migration:legacyBackendIps[1]}. */
    void fail(String label, String value, String message) {
        problems.add(label, value, message);
    }
}
