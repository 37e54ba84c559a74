package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.executor.WallClock;
import com.paymentmigration.rehearsal.standins.Metrics;
import com.paymentmigration.rehearsal.standins.ReplicationService;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * DMS's CDCLatencySource/Target of a task, from the real replication: the age, on the rehearsal's clock, of the
 * oldest change the source committed that the target has not confirmed (AWS DMS User Guide, "Replication task
 * metrics": the gap between the first event waiting to commit on the target and now); 0 once the target has
 * confirmed everything the source wrote; no datapoint while the task does not run. The source's WAL position is
 * sampled a few times a second, so the age is known to that resolution.
 */
final class ReplicationLatency implements Metrics.LatencyModel, AutoCloseable {

    private static final long SAMPLE_MILLIS = 250;
    private static final Duration KEPT = Duration.ofMinutes(30);

    private record Sample(Instant at, long lsn) {
    }

    private final ReplicationService dms;
    private final TaskReplication tasks;
    private final WallClock clock;
    private final Map<String, Deque<Sample>> samples = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "replication-latency-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ReplicationLatency(ReplicationService dms, TaskReplication tasks, WallClock clock) {
        this.dms = dms;
        this.tasks = tasks;
        this.clock = clock;
        dms.tasks().forEach(task -> samples.put(task.id(), new ArrayDeque<>()));
        sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public OptionalDouble latency(String taskId, String metricName, Instant at) {
        var task = dms.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst();
        if (task.isEmpty() || !task.get().status(at).equals("running")) {
            return OptionalDouble.empty();
        }
        try {
            var status = tasks.replication(task.get()).status();
            if (status.lagBytes() < 0) {
                return OptionalDouble.empty();
            }
            if (status.lagBytes() == 0) {
                return OptionalDouble.of(0);
            }
            long confirmed = lsn(status.sourceLsn()) - status.lagBytes();
            Instant oldestUnconfirmed = null;
            synchronized (samples) {
                for (var sample : samples.get(taskId)) {
                    if (sample.lsn() > confirmed) {
                        oldestUnconfirmed = sample.at();
                        break;
                    }
                }
            }
            var since = oldestUnconfirmed == null ? at : oldestUnconfirmed;
            return OptionalDouble.of(Math.max(0, Duration.between(since, at).toMillis()) / 1000.0);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the replication of " + taskId + " failed: " + e.getMessage(), e);
        }
    }

    private void sample() {
        for (var task : dms.tasks()) {
            try {
                var position = lsn(tasks.replication(task).sourcePosition());
                var now = clock.now();
                synchronized (samples) {
                    var kept = samples.get(task.id());
                    if (kept.isEmpty() || kept.peekLast().lsn() != position) {
                        kept.addLast(new Sample(now, position));
                    }
                    while (!kept.isEmpty() && kept.peekFirst().at().isBefore(now.minus(KEPT))) {
                        kept.pollFirst();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // A sample missed (a server busy or restarting) only coarsens the age; the next one follows.
            }
        }
    }

    /** PostgreSQL's pg_lsn text ({@code 16/B374D848}) as a number. */
    static long lsn(String text) {
        var halves = text.split("/");
        return (Long.parseLong(halves[0], 16) << 32) | Long.parseLong(halves[1], 16);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
