package com.paymentmigration.executor;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as an execution sees it. Waits, retry delays and the time tasks take move it forward; {@code $now()} and
 * {@code $millis()} read it. {@link VirtualClock} takes no wall time at all (the scenarios on stand-ins);
 * {@link WallClock} really waits (rehearsals on real databases, where replication and queries take real time).
 */
public interface ExecutionClock {

    Instant now();

    /** Waits {@code duration}. */
    void advance(Duration duration);

    /** Waits until {@code instant} if it is later (a Wait until a past Timestamp does not wait). */
    void advanceTo(Instant instant);

    /**
     * The clock a Parallel branch, Map iteration or child execution runs on when it starts at {@code start}: a
     * virtual clock's copy starts there; a wall clock is the same for everyone, so it is itself.
     */
    ExecutionClock forkAt(Instant start);

    /** Where executions get their clocks: each execution's starts at the time its options name, or at the wall's now. */
    @FunctionalInterface
    interface Source {

        ExecutionClock startingAt(Instant start);

        /** Every execution on its own virtual clock, started at its options' start time. */
        Source VIRTUAL = VirtualClock::new;
    }
}
