package com.paymentmigration.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Real time, optionally run faster by a constant factor: a Wait of {@code s} seconds sleeps {@code s / speed}
 * seconds, and {@code $now()} moves {@code speed} seconds per real second. At speed 1 it is the wall clock itself.
 *
 * <p>Why a speed at all: the definitions poll at fixed intervals that no config shortens (a full load is looked at
 * every 5 minutes, the CDC gate every minute). A rehearsal on real databases that must end within minutes runs its
 * clock faster; everything that reads time in the rehearsal (the machines, the writers' flag caches) reads this one
 * clock, so a flag's maximum age and the machines' waits stay in proportion. Work on the databases still takes real
 * time and so looks {@code speed} times longer on this clock: a report says which speed it ran at.
 */
public final class WallClock implements ExecutionClock {

    private final double speed;
    private final LongSupplier nanoTime;
    private final long originNanos;
    private final Instant origin;

    /** @param speed rehearsal seconds per real second, at least 1 */
    public WallClock(double speed) {
        this(speed, System::nanoTime, Instant.now());
    }

    WallClock(double speed, LongSupplier nanoTime, Instant origin) {
        if (!(speed >= 1) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock speed " + speed + ": give 1 (real time) or more (faster)");
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.originNanos = nanoTime.getAsLong();
        this.origin = origin;
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant now() {
        return origin.plusNanos(Math.round((nanoTime.getAsLong() - originNanos) * speed));
    }

    /** This clock's time in nanoseconds since it started, for code that measures ages ({@link System#nanoTime} style). */
    public long nanos() {
        return Math.round((nanoTime.getAsLong() - originNanos) * speed);
    }

    @Override
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + duration);
        }
        advanceTo(now().plus(duration));
    }

    @Override
    public void advanceTo(Instant instant) {
        long realNanos;
        while ((realNanos = realNanosUntil(instant)) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(realNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + instant, e);
            }
        }
    }

    /** Real nanoseconds until this clock reads {@code instant}; 0 or less when it already has. */
    long realNanosUntil(Instant instant) {
        var ahead = Duration.between(now(), instant);
        return ahead.isNegative() || ahead.isZero() ? 0 : (long) Math.ceil(ahead.toNanos() / speed);
    }

    /** Everyone shares one wall: a branch started "at" an earlier instant still runs now. */
    @Override
    public WallClock forkAt(Instant start) {
        return this;
    }

    /** Every execution on this one clock, whatever start time its options name. */
    public ExecutionClock.Source source() {
        return start -> this;
    }
}
