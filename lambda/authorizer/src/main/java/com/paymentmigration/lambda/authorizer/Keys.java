package com.paymentmigration.lambda.authorizer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The key set, loaded once per container and reloaded when a token names a key id it does not know (a rotation
 * happened), at most once per {@link #MIN_REFRESH_INTERVAL}: a stream of tokens with random kids cannot turn into
 * a stream of Secrets Manager calls.
 */
public final class Keys {

    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

    private final KeySource source;
    private final Clock clock;
    private volatile KeySet current;
    private volatile long generation;
    private volatile Instant lastLoad = Instant.MIN;

    public Keys(KeySource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The key for {@code kid}, reloading the set once if it is unknown; null when it stays unknown. */
    public KeySet.VerificationKey find(String kid) {
        var set = current;
        if (set == null) {
            set = reload();
        }
        var key = set == null ? null : set.get(kid);
        if (key == null && Duration.between(lastLoad, clock.instant()).compareTo(MIN_REFRESH_INTERVAL) >= 0) {
            set = reload();
            key = set == null ? null : set.get(kid);
        }
        return key;
    }

    /** Changes whenever the loaded key set changes: verifications made under another set are not reused. */
    public long generation() {
        return generation;
    }

    private synchronized KeySet reload() {
        lastLoad = clock.instant();
        try {
            var fresh = KeySet.parse(source.fetch());
            if (current == null || !fresh.equals(current)) {
                generation++;
            }
            current = fresh;
        } catch (Exception e) {
            // Keep serving with the keys we have; the failure shows in the log and as denies for new kids.
            System.err.println("{\"level\":\"ERROR\",\"message\":\"key set reload failed\",\"error\":\""
                    + e.getClass().getSimpleName() + "\"}");
        }
        return current;
    }
}
