package com.paymentmigration.rehearsal.data;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The writer's view of the flags, read the way a real service reads them: through a cache that is at most
 * {@code maxAge} old, not on every write. This is what the state machines must wait out after they change a flag
 * before they may assume every writer has seen it, and what the rehearsal proves they do.
 */
public final class FlagCache {

    private final Supplier<WriterFlags> source;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private WriterFlags cached;
    private long readAt;

    /**
     * @param source   reads both flags from where they live (Parameter Store, or the rehearsal's stand-in of it)
     * @param maxAge   the longest a cached value is used; the stack's {@code flagMaxAgeSeconds}
     * @param nanoTime the clock ({@link System#nanoTime} outside tests)
     */
    public FlagCache(Supplier<WriterFlags> source, Duration maxAge, LongSupplier nanoTime) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge " + maxAge + " is negative");
        }
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    public synchronized WriterFlags current() {
        var now = nanoTime.getAsLong();
        if (cached == null || now - readAt >= maxAgeNanos) {
            cached = source.get();
            readAt = now;
        }
        return cached;
    }
}
