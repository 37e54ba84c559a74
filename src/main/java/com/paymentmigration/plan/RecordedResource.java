package com.paymentmigration.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the program registered it: identity, options and the exact inputs. Values unknown at plan time
 * are {@link #UNKNOWN}; secrets are {@link #SECRET}.
 */
public record RecordedResource(
        String urn,
        String type,
        String name,
        String parent,
        String provider,
        List<String> dependsOn,
        boolean custom,
        boolean read,
        Options options,
        Map<String, Object> inputs) {

    public static final String UNKNOWN = "<unknown until apply>";
    public static final String SECRET = "<secret>";

    public record Options(boolean protect, boolean retainOnDelete, List<String> ignoreChanges,
                          boolean deleteBeforeReplace, List<String> additionalSecretOutputs) {
    }

    /** A nested input by dotted path ({@code versioningConfiguration.status}, {@code ingress.0.fromPort}). */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    public String stringInput(String path) {
        return input(path).map(Object::toString).orElse(null);
    }

    /** The logical name of the provider this resource uses, from its reference {@code urn::id}. */
    public Optional<String> providerName() {
        return providerName(provider);
    }

    /** The provider's logical name from a reference {@code urn::id}; empty for the default provider. */
    static Optional<String> providerName(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        var urn = reference.substring(0, reference.lastIndexOf("::"));
        return Optional.of(urn.substring(urn.lastIndexOf("::") + 2));
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    public boolean isComponent() {
        return !custom && !type.equals("pulumi:pulumi:Stack");
    }
}
