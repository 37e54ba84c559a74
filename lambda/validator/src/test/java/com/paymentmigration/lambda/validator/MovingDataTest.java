package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows that change while the check runs (CDC still applying) are re-read before they count. */
class MovingDataTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    @Test
    void aDifferenceThatReplicationResolvesDuringTheDelayIsTransient() {
        var name = table("moving");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, status text)",
                "INSERT INTO " + name + " SELECT g, 'AUTHORIZED' FROM generate_series(1, 1000) g");
        both("UPDATE " + name + " SET status = 'CAPTURED' WHERE id = 1 OR id = 2");
        // The source moved on; the target lags for two rows and one is lost for good.
        target("UPDATE " + name + " SET status = 'AUTHORIZED' WHERE id IN (1, 2)", "UPDATE " + name + " SET status = 'VOIDED' WHERE id = 3");
        harness.sleeps.meanwhile.add(() -> target("UPDATE " + name + " SET status = 'CAPTURED' WHERE id = 1"));
        harness.sleeps.meanwhile.add(() -> target("UPDATE " + name + " SET status = 'CAPTURED' WHERE id = 2"));
        var report = harness.runOne(name, "{\"recheckDelaySeconds\": 7, \"recheckAttempts\": 3}");
        assertThat(report.transientDifferences()).isEqualTo(2);
        assertThat(report.transients()).extracting(d -> d.key().get(0)).containsExactlyInAnyOrder("1", "2");
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactly("3");
        assertThat(report.status()).isEqualTo(Status.MISMATCH);
        assertThat(harness.sleeps.taken).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void duringTheFreezeEveryDifferenceCountsEvenOneReplicationWouldHaveResolved() {
        var name = table("frozen");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, status text)",
                "INSERT INTO " + name + " SELECT g, 'AUTHORIZED' FROM generate_series(1, 1000) g");
        source("UPDATE " + name + " SET status = 'CAPTURED' WHERE id IN (1, 2)");
        // A late write still landing on the target: with re-checks it would pass as transient.
        harness.sleeps.meanwhile.add(() -> target("UPDATE " + name + " SET status = 'CAPTURED' WHERE id IN (1, 2)"));
        var report = harness.runOne(name, "{\"recheckAttempts\": 0}");
        assertThat(report.status()).isEqualTo(Status.MISMATCH);
        assertThat(report.transientDifferences()).isZero();
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactlyInAnyOrder("1", "2");
        assertThat(harness.sleeps.taken).as("no wait inside the freeze").isEmpty();
    }

    @Test
    void concurrentWritesOnBothSidesDuringTheCheckLeaveNoFalseDifference() throws Exception {
        var name = table("busy");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, n int)",
                "INSERT INTO " + name + " SELECT g, 0 FROM generate_series(1, 20000) g");
        var stop = new AtomicBoolean();
        // A writer applying the same change to both sides, source first, as replication would.
        var writer = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                int id = 1 + (i++ * 7919) % 20000;
                TwoDatabases.source("UPDATE " + name + " SET n = n + 1 WHERE id = " + id);
                TwoDatabases.target("UPDATE " + name + " SET n = n + 1 WHERE id = " + id);
            }
        });
        harness.sleeps.meanwhile.add(() -> {
            stop.set(true);
            join(writer);
        });
        writer.start();
        try {
            var report = harness.runOne(name, "{\"rowsPerChunk\": 2000, \"leafRows\": 50}");
            assertThat(report.differences()).isEmpty();
            assertThat(report.status()).isEqualTo(Status.MATCH);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theSourceReadRateIsCapped() {
        var name = table("throttled");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY)", "INSERT INTO " + name + " SELECT g FROM generate_series(1, 4000) g");
        var report = harness.runOne(name, "{\"rowsPerChunk\": 1000, \"leafRows\": 100, \"maxRowsPerSecond\": 1000}");
        assertThat(report.status()).isEqualTo(Status.MATCH);
        // 4,000 rows at 1,000 rows/s: the sleeps (which advance the harness clock) add up to four seconds, less
        // what the queries took.
        long slept = harness.sleeps.taken.stream().mapToLong(Duration::toMillis).sum();
        assertThat(slept).isBetween(3000L, 4000L);
        assertThat(List.of(report.sourceRows())).containsExactly(4000L);
    }
}
