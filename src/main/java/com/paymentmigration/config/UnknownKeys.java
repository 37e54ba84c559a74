package com.paymentmigration.config;

import java.util.Arrays;
import java.util.Comparator;

/** A key the program does not read is most often a typo of one it does; the problem names the likely one. */
final class UnknownKeys {

    private static final int TYPO_DISTANCE = 3;

    private UnknownKeys() {
    }

    static void report(ConfigSource source, Problems problems) {
        source.keys().ifPresent(keys -> keys.stream().sorted().forEach(key -> {
            if (Arrays.stream(ConfigKey.values()).noneMatch(k -> k.key.equals(key))) {
                var nearest = Arrays.stream(ConfigKey.values())
                        .min(Comparator.comparingInt(k -> editDistance(k.key.toLowerCase(), key.toLowerCase())))
                        .orElseThrow();
                var hint = editDistance(nearest.key.toLowerCase(), key.toLowerCase()) <= TYPO_DISTANCE
                        ? "did you mean " + nearest.qualified() + "?"
                        : "remove it; the keys are listed in Pulumi.yaml";
                problems.add(ConfigKey.NAMESPACE + ":" + key, source.get(key).orElse(null),
                        "is not a key this program reads; " + hint);
            }
        }));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
