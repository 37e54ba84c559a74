package com.paymentmigration.executor;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as an execution sees it: waits, retry delays and task durations move it forward, and nothing takes wall time.
 * Each Map iteration and Parallel branch runs on a copy started at the state's time ({@link #forkAt}); the state then
 * ends when the last of them does.
 */
public final class VirtualClock implements ExecutionClock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + duration);
        }
        now = now.plus(duration);
    }

    /** Moves to {@code instant} if it is later (a Wait until a past Timestamp does not wait). */
    @Override
    public void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public VirtualClock forkAt(Instant start) {
        return new VirtualClock(start);
    }
}
