package com.paymentmigration.lambda.authorizer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The key set of a container. It is read on first use, read again when it is older than {@code maxAge} (so a key
 * removed from the set stops verifying within {@code maxAge}, even for a holder of that key who only ever names
 * known key ids), and read again when a token names an unknown key id (a rotation happened). Whatever the reason,
 * the source is asked at most once per {@link #MIN_REFRESH_INTERVAL}: neither a stream of tokens with random kids nor
 * an empty or unreadable secret turns into a stream of Secrets Manager calls.
 *
 * <p>A failed read keeps the set already held and is retried after the interval; the failure is logged.
 */
public final class Keys {

    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** Upper bound of {@code maxAge}: revocation that takes longer than an hour is not revocation. */
    static final Duration MAX_MAX_AGE = Duration.ofHours(1);
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final KeySource source;
    private final Clock clock;
    private final Duration maxAge;
    private volatile KeySet current;
    private volatile long generation;
    private volatile Instant loadedAt = Instant.MIN;
    private volatile Instant lastAttempt = Instant.MIN;

    public Keys(KeySource source, Clock clock) {
        this(source, clock, DEFAULT_MAX_AGE);
    }

    public Keys(KeySource source, Clock clock, Duration maxAge) {
        if (maxAge.compareTo(MIN_REFRESH_INTERVAL) < 0 || maxAge.compareTo(MAX_MAX_AGE) > 0) {
            throw new IllegalArgumentException("key set max age " + maxAge.toSeconds() + " s is outside "
                    + MIN_REFRESH_INTERVAL.toSeconds() + " to " + MAX_MAX_AGE.toSeconds() + " s");
        }
        this.source = source;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The key for {@code kid}, reading the set again (within the throttle) if it is unknown; null when it stays unknown. */
    public VerificationKey find(String kid) {
        var set = fresh();
        var key = set == null ? null : set.get(kid);
        if (key == null && mayAsk()) {
            set = reload();
            key = set == null ? null : set.get(kid);
        }
        return key;
    }

    /**
     * Changes whenever the set in use changes: verifications made under another set are not reused. Reads the set
     * again first when it is older than {@code maxAge}, so a cached verification cannot outlive a revoked key either.
     */
    public long generation() {
        fresh();
        return generation;
    }

    private KeySet fresh() {
        var set = current;
        if (set == null) {
            // Nothing held yet: wait for a read in flight on another thread rather than deny for want of keys.
            return reload();
        }
        return clock.instant().isBefore(loadedAt.plus(maxAge)) || !mayAsk() ? set : reload();
    }

    private boolean mayAsk() {
        return !clock.instant().isBefore(lastAttempt.plus(MIN_REFRESH_INTERVAL));
    }

    private synchronized KeySet reload() {
        if (!mayAsk()) {
            return current; // another thread asked meanwhile
        }
        var now = clock.instant();
        lastAttempt = now;
        try {
            var fresh = KeySet.parse(source.fetch());
            if (current == null || !fresh.equals(current)) {
                generation++;
            }
            current = fresh;
            loadedAt = now;
            for (var reason : fresh.ignored()) {
                System.err.println(LogLine.error("key left out of the key set", new IllegalArgumentException(reason)));
            }
        } catch (Exception e) {
            System.err.println(LogLine.error("key set reload failed; keeping the keys held", e));
        }
        return current;
    }
}
