package com.paymentmigration.parameters;

import java.util.List;

/**
 * One parameter of the {@code /migration/<suffix>/...} hierarchy.
 *
 * @param parameter   which parameter
 * @param value       the value pulumi up sets (for runtime values: only the initial one)
 * @param kind        who owns the value after creation
 * @param description what the value means and who changes it
 */
public record ParameterSpec(ParameterKey parameter, String value, Kind kind, String description) {

    public enum Kind {
        /** Set by pulumi up from config; a later up updates it. */
        CONFIGURED,
        /** Created once by pulumi up, then changed only by the state machines; a later up must not reset it. */
        RUNTIME,
        /** Configured, and sensitive enough to be a SecureString under the customer key. */
        SECURE
    }

    public ParameterSpec {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("parameter " + parameter.key() + " needs a non-empty value (SSM rejects empty ones)");
        }
    }

    public List<String> path() {
        return parameter.path();
    }

    public String key() {
        return parameter.key();
    }
}
