package com.paymentmigration.parameters;

import java.util.List;

/**
 * One parameter of the {@code /migration/<suffix>/...} hierarchy.
 *
 * @param path        segments below the root, e.g. {@code [traffic, new-backend-percent]}
 * @param value       the value pulumi up sets (for runtime values: only the initial one)
 * @param kind        who owns the value after creation
 * @param description what the value means and who changes it
 */
public record ParameterSpec(List<String> path, String value, Kind kind, String description) {

    public enum Kind {
        /** Set by pulumi up from config; a later up updates it. */
        CONFIGURED,
        /** Created once by pulumi up, then changed only by the state machines; a later up must not reset it. */
        RUNTIME,
        /** Configured, and sensitive enough to be a SecureString under the customer key. */
        SECURE
    }

    public ParameterSpec {
        path = List.copyOf(path);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("parameter " + path + " needs a non-empty value (SSM rejects empty ones)");
        }
    }

    public String key() {
        return String.join("/", path);
    }
}
