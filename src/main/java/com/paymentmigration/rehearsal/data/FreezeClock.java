package com.paymentmigration.rehearsal.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Measures the write freeze as the application feels it: a period opens at the first write refused for the freeze
 * and closes at the first write acknowledged that was attempted after it opened (a transaction already in flight when
 * the freeze began does not end it).
 */
final class FreezeClock {

    private final LongSupplier nanoTime;
    private final List<Duration> windows = new ArrayList<>();
    private long openedAt = -1;

    FreezeClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void refused() {
        if (openedAt < 0) {
            openedAt = nanoTime.getAsLong();
        }
    }

    synchronized void acknowledged(long attemptedAt) {
        if (openedAt >= 0 && attemptedAt > openedAt) {
            windows.add(Duration.ofNanos(nanoTime.getAsLong() - openedAt));
            openedAt = -1;
        }
    }

    synchronized List<Duration> windows() {
        return List.copyOf(windows);
    }
}
