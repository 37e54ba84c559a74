package com.paymentmigration.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The README's config reference table, written from {@link ConfigKey} so that it cannot drift: print it with
 * {@code java -cp target/payment-migration.jar com.paymentmigration.config.ConfigReference}.
 */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static void main(String[] args) {
        System.out.print(markdownTable());
    }

    public static String markdownTable() {
        return "| key | type | default | meaning |\n|---|---|---|---|\n" + Arrays.stream(ConfigKey.values())
                .map(key -> "| `" + key.key + "` | " + typeName(key.type) + " | " + defaultShown(key) + " | "
                        + key.description + " |\n")
                .collect(Collectors.joining());
    }

    private static String typeName(ConfigKey.Type type) {
        return switch (type) {
            case STRING_ARRAY -> "string[]";
            case INTEGER_ARRAY -> "integer[]";
            default -> type.pulumiName;
        };
    }

    private static String defaultShown(ConfigKey key) {
        if (key.required()) {
            return "**required**";
        }
        return key.defaultValue.isEmpty() ? "`\"\"` (none)" : "`" + key.defaultValue + "`";
    }
}
