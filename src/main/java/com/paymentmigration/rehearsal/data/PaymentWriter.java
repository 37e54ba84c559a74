package com.paymentmigration.rehearsal.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The application as the README's contract for application owners requires it to behave: a steady stream of payments
 * created and changed (captures, refunds, status changes), each write carrying an idempotency key, each sent to the
 * database the active-writer flag names, none sent while the write freeze is on (refused, kept, and retried after
 * the thaw), the flags read through a cache of bounded age. Every write that commits is recorded in the
 * {@link Ledger}; a write that fails for any other reason is retried, never dropped.
 *
 * <p>Several workers write at once, as a service's request threads do, so transactions are in flight when a flag
 * changes. Each worker owns its payments, so a payment's writes are applied in the order they were made.
 */
public final class PaymentWriter implements AutoCloseable {

    /**
     * @param workers           concurrent writers (connections per database)
     * @param writesPerSecond   the target rate of all workers together
     * @param retryAfter        how long a refused or failed write waits before it is tried again
     * @param seed              makes the stream of payments and amounts reproducible
     */
    public record Settings(int workers, double writesPerSecond, Duration retryAfter, long seed) {

        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("workers " + workers + ": give at least 1");
            }
            if (!(writesPerSecond > 0)) {
                throw new IllegalArgumentException("writesPerSecond " + writesPerSecond + ": give a positive rate");
            }
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    private final Map<String, Endpoint> databases;
    private final FlagCache flags;
    private final Ledger ledger;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final FreezeClock freezeClock;
    private final AtomicBoolean generating = new AtomicBoolean(true);
    private final List<WriterWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param databases the two servers by the active-writer value that names them ({@code onprem}, {@code aurora})
     */
    public PaymentWriter(Map<String, Endpoint> databases, FlagCache flags, Ledger ledger, Settings settings,
                         LongSupplier nanoTime) {
        for (var name : List.of(WriterFlags.ONPREM, WriterFlags.AURORA)) {
            if (!databases.containsKey(name)) {
                throw new IllegalArgumentException("no database for active writer '" + name + "'");
            }
        }
        this.databases = Map.copyOf(databases);
        this.flags = flags;
        this.ledger = ledger;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.freezeClock = new FreezeClock(nanoTime);
    }

    /** Starts the workers; writes begin at once. */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("the writer is already running");
        }
        long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) * settings.workers() / settings.writesPerSecond());
        for (int i = 0; i < settings.workers(); i++) {
            var worker = new WriterWorker(i, databases, flags, ledger, settings.seed() * 31 + i, intervalNanos,
                    settings.retryAfter().toNanos(), nanoTime, freezeClock, generating);
            workers.add(worker);
            var thread = new Thread(worker, "payment-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Stops making new writes and waits until every write already made is acknowledged, as a service shutting down
     * gracefully would. Throws when some are still not acknowledged after {@code timeout}: they are reported, not
     * silently dropped.
     */
    public Stats finish(Duration timeout) throws InterruptedException {
        generating.set(false);
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        for (var thread : threads) {
            long left = deadline - nanoTime.getAsLong();
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        var stats = stats();
        if (stats.pending() > 0) {
            close();
            throw new IllegalStateException(stats.pending() + " writes still unacknowledged after " + timeout
                    + " (last failure: " + stats.lastFailure() + ")");
        }
        return stats;
    }

    public Stats stats() {
        long acknowledged = 0;
        long byAurora = 0;
        long refused = 0;
        long failures = 0;
        int pending = 0;
        String lastFailure = null;
        for (var worker : workers) {
            acknowledged += worker.acknowledged();
            byAurora += worker.acknowledgedByAurora();
            refused += worker.refused();
            failures += worker.failures();
            pending += worker.pending();
            lastFailure = worker.lastFailure() != null ? worker.lastFailure() : lastFailure;
        }
        return new Stats(acknowledged, byAurora, refused, failures, pending, freezeClock.windows(), lastFailure);
    }

    @Override
    public void close() {
        generating.set(false);
        workers.forEach(WriterWorker::stop);
        for (var thread : threads) {
            thread.interrupt();
        }
    }

    /**
     * What the writer saw; {@code acknowledgedByAurora} of the writes went to Aurora. {@code freezes} are the periods during which it could not write at all: from the first
     * write refused for the freeze to the first write acknowledged after it.
     */
    public record Stats(long acknowledged, long acknowledgedByAurora, long refusedByFreeze, long failedAttempts,
                        int pending, List<Duration> freezes, String lastFailure) {

        public Duration longestFreeze() {
            return freezes.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    /** Random money with two decimals between 1.00 and {@code max}. */
    static BigDecimal amount(java.util.Random random, int max) {
        return BigDecimal.valueOf(100 + random.nextInt(max * 100 - 100), 2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
