package com.paymentmigration.rehearsal.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One of the writer's request threads. It owns its payments, so their writes keep their order; a write waiting for a
 * retry holds its payment back until it is acknowledged.
 */
final class WriterWorker implements Runnable {

    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};
    /** Open payments a worker keeps changing; older ones are settled and left alone, as real payments are. */
    private static final int OPEN_PAYMENTS = 64;

    private final int id;
    private final Map<String, Endpoint> databases;
    private final FlagCache flags;
    private final Ledger ledger;
    private final Random random;
    private final long intervalNanos;
    private final long retryAfterNanos;
    private final LongSupplier nanoTime;
    private final FreezeClock freezeClock;
    private final AtomicBoolean generating;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Connection> connections = new HashMap<>();
    private final List<UUID> open = new ArrayList<>();
    private final Map<UUID, PaymentState> states = new HashMap<>();
    private final ArrayDeque<Retry> retries = new ArrayDeque<>();
    private volatile long acknowledged;
    private volatile long acknowledgedByAurora;
    private volatile long refused;
    private volatile long failures;
    private volatile int pending;
    private volatile String lastFailure;

    private record Retry(WriteOperation write, long notBefore) {
    }

    WriterWorker(int id, Map<String, Endpoint> databases, FlagCache flags, Ledger ledger, long seed,
                 long intervalNanos, long retryAfterNanos, LongSupplier nanoTime, FreezeClock freezeClock,
                 AtomicBoolean generating) {
        this.id = id;
        this.databases = databases;
        this.flags = flags;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.intervalNanos = intervalNanos;
        this.retryAfterNanos = retryAfterNanos;
        this.nanoTime = nanoTime;
        this.freezeClock = freezeClock;
        this.generating = generating;
    }

    @Override
    public void run() {
        long next = nanoTime.getAsLong() + (long) (random.nextDouble() * intervalNanos);
        try {
            while (running.get() && (generating.get() || !retries.isEmpty())) {
                long now = nanoTime.getAsLong();
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next += intervalNanos;
                var write = nextWrite(now);
                if (write != null) {
                    attempt(write, now);
                }
                pending = retries.size();
            }
        } finally {
            connections.values().forEach(WriterWorker::closeQuietly);
        }
    }

    private WriteOperation nextWrite(long now) {
        var due = retries.peekFirst();
        if (due != null && due.notBefore() <= now) {
            retries.pollFirst();
            return due.write();
        }
        if (!generating.get()) {
            return null;
        }
        var waiting = retries.stream().map(r -> r.write().paymentKey()).toList();
        var candidates = open.stream().filter(key -> !waiting.contains(key)).toList();
        if (candidates.isEmpty() || open.size() < OPEN_PAYMENTS && random.nextInt(2) == 0) {
            var key = new UUID(random.nextLong(), random.nextLong());
            var state = PaymentState.authorized(PaymentWriter.amount(random, 1000));
            return WriteOperation.create(key, 1 + random.nextInt(PaymentSchema.MERCHANTS),
                    CURRENCIES[random.nextInt(CURRENCIES.length)], state);
        }
        var key = candidates.get(random.nextInt(candidates.size()));
        return change(key, states.get(key));
    }

    /** The next change a payment in {@code state} can take, with a fresh idempotency key. */
    private WriteOperation change(UUID key, PaymentState state) {
        var eventKey = new UUID(random.nextLong(), random.nextLong());
        return switch (state.status()) {
            case "authorized" -> WriteOperation.event(WriteOperation.Kind.CAPTURE, key, eventKey, state.amount(),
                    state.afterCapture());
            case "captured", "partially_refunded" -> {
                var left = state.captured().subtract(state.refunded());
                var part = random.nextBoolean() ? left : left.divide(BigDecimal.valueOf(2), 2,
                        java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"));
                yield WriteOperation.event(WriteOperation.Kind.REFUND, key, eventKey, part.negate(),
                        state.afterRefund(part));
            }
            default -> WriteOperation.event(WriteOperation.Kind.STATUS, key, eventKey, BigDecimal.ZERO.setScale(2),
                    state.afterStatus(random.nextBoolean() ? "settled" : "disputed"));
        };
    }

    private void attempt(WriteOperation write, long now) {
        var current = flags.current();
        if (current.frozen()) {
            refused++;
            freezeClock.refused();
            retryLater(write, now);
            return;
        }
        try {
            var connection = connection(current.activeWriter());
            if (!PaymentWrites.apply(connection, write)) {
                // The payment this write changes is not in the active database although its creation was
                // acknowledged: the data was lost on the way. Nothing can be retried; the audit counts it.
                lastFailure = "payment " + write.paymentKey() + " missing in " + current.activeWriter();
                forget(write.paymentKey());
                return;
            }
        } catch (SQLException e) {
            failures++;
            lastFailure = current.activeWriter() + ": " + e.getMessage();
            closeQuietly(connections.remove(current.activeWriter()));
            retryLater(write, now);
            return;
        }
        acknowledged++;
        if (WriterFlags.AURORA.equals(current.activeWriter())) {
            acknowledgedByAurora++;
        }
        freezeClock.acknowledged(now);
        ledger.acknowledged(write);
        states.put(write.paymentKey(), write.after());
        if (write.kind() == WriteOperation.Kind.CREATE) {
            open.add(write.paymentKey());
        } else if ("settled".equals(write.after().status()) || "refunded".equals(write.after().status())) {
            forget(write.paymentKey());
        }
        if (open.size() > OPEN_PAYMENTS) {
            forget(open.get(0));
        }
    }

    private void forget(UUID key) {
        open.remove(key);
        states.remove(key);
    }

    private void retryLater(WriteOperation write, long now) {
        retries.addLast(new Retry(write, now + retryAfterNanos));
    }

    private Connection connection(String writer) throws SQLException {
        var connection = connections.get(writer);
        if (connection == null) {
            connection = databases.get(writer).connect();
            connection.setAutoCommit(false);
            connections.put(writer, connection);
        }
        return connection;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection can fail too; a new one is opened on the next write.
            }
        }
    }

    void stop() {
        running.set(false);
    }

    long acknowledged() {
        return acknowledged;
    }

    long acknowledgedByAurora() {
        return acknowledgedByAurora;
    }

    long refused() {
        return refused;
    }

    long failures() {
        return failures;
    }

    int pending() {
        return pending;
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public String toString() {
        return "writer worker " + id + " (" + TimeUnit.NANOSECONDS.toMillis(intervalNanos) + " ms apart)";
    }
}
