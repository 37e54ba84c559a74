package com.paymentmigration.rehearsal.databacked;

import java.time.Duration;
import java.util.Map;

/**
 * How old a writer's cached view of {@code write-freeze} / {@code active-writer} may be: the stack's
 * {@code writerFlagMaxAgeSeconds}, the value the state machines wait out. Read here, and only here, from the config
 * the plan ran with (default 5 s, as the config key's), so the rehearsal's writers obey the plan's own setting.
 */
final class WriterFlagAge {

    static final String KEY = "migration:writerFlagMaxAgeSeconds";
    static final int DEFAULT_SECONDS = 5;

    private WriterFlagAge() {
    }

    static Duration of(Map<String, String> stackConfig) {
        var value = stackConfig.get(KEY);
        if (value == null) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        try {
            var seconds = Integer.parseInt(value.trim());
            if (seconds < 1 || seconds > 300) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(KEY + " is '" + value + "': give whole seconds from 1 to 300");
        }
    }
}
