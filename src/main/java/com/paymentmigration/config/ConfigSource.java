package com.paymentmigration.config;

import com.pulumi.Config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw config values of the {@value ConfigKey#NAMESPACE} namespace, as Pulumi hands them to the program:
 * scalars as text, arrays as JSON text.
 */
public interface ConfigSource {

    Optional<String> get(String key);

    /** The keys that were set, when the source can list them (the {@code plan} command can; a Pulumi run cannot). */
    default Optional<Set<String>> keys() {
        return Optional.empty();
    }

    static ConfigSource of(Config pulumiConfig) {
        return pulumiConfig::get;
    }

    /** From fully qualified keys ({@code migration:mode}); keys of other namespaces are ignored. */
    static ConfigSource of(Map<String, String> qualified) {
        var prefix = ConfigKey.NAMESPACE + ":";
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(qualified.get(prefix + key));
            }

            @Override
            public Optional<Set<String>> keys() {
                return Optional.of(qualified.keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).collect(java.util.stream.Collectors.toSet()));
            }
        };
    }
}
