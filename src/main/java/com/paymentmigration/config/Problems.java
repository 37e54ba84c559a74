package com.paymentmigration.config;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one read of the config; all of them are thrown together at the end. */
final class Problems {

    private final List<ConfigProblem> found = new ArrayList<>();

    /** {@code label} is a qualified key, or a qualified key with a list index ({@code migration:onPremCidrs[1]}). */
    void add(String label, String value, String message) {
        found.add(new ConfigProblem(label, value, message));
    }

    void add(ConfigKey key, String value, String message) {
        add(key.qualified(), value, message);
    }

    int count() {
        return found.size();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidConfigException(found);
        }
    }
}
