package com.paymentmigration.rehearsal.data;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data plane on two real servers: a writer that follows the contract, replication in both directions, and a
 * ledger that counts what was lost. The cutover here is driven by hand, in the order the state machines use, so the
 * pieces are proven before the machines drive them.
 */
class DataPlaneTest {

    private static final Duration FLAG_MAX_AGE = Duration.ofMillis(200);
    /** The longest a writer's transaction stays open: one small statement pair on a local server. */
    private static final Duration LONGEST_TRANSACTION = Duration.ofMillis(100);

    private final AtomicReference<WriterFlags> flags = new AtomicReference<>(WriterFlags.of("onprem", "off"));

    @Test
    void aCutoverThatWaitsOutTheFlagCacheAndDrainsExactlyLosesNothingInEitherDatabase() throws Exception {
        try (var servers = TwoServers.fresh()) {
            PaymentSchema.create(servers.onprem, true);
            PaymentSchema.create(servers.aurora, false);
            var ledger = new Ledger();
            var forward = new LogicalReplication(servers.prefix + "forward", servers.onprem, servers.aurora);
            var reverse = new LogicalReplication(servers.prefix + "reverse", servers.aurora, servers.onprem);
            try (var writer = writer(servers, ledger, new FlagCache(flags::get, FLAG_MAX_AGE, System::nanoTime))) {
                writer.start();
                forward.start(true, null);
                await("the full load", () -> forward.status().fullLoadDone());
                sleep(Duration.ofMillis(500));

                flags.set(WriterFlags.of("onprem", "on"));
                sleep(FLAG_MAX_AGE.plus(LONGEST_TRANSACTION));
                var lastSourceWrite = forward.sourcePosition();
                await("the forward drain", () -> forward.appliedThrough(lastSourceWrite));
                forward.stop();
                advanceGenerators(servers.aurora);
                reverse.createSlot(servers.prefix + "reverse_slot");
                flags.set(WriterFlags.of("aurora", "on"));
                sleep(FLAG_MAX_AGE.plus(LONGEST_TRANSACTION));
                flags.set(WriterFlags.of("aurora", "off"));
                reverse.start(false, servers.prefix + "reverse_slot");
                sleep(Duration.ofMillis(700));

                var stats = writer.finish(Duration.ofSeconds(10));
                var lastTargetWrite = reverse.sourcePosition();
                await("the reverse drain", () -> reverse.appliedThrough(lastTargetWrite));

                assertThat(stats.refusedByFreeze()).isPositive();
                assertThat(stats.freezes()).hasSize(1);
                assertThat(stats.longestFreeze()).isGreaterThanOrEqualTo(FLAG_MAX_AGE);
                var onAurora = ledger.audit(servers.aurora);
                assertThat(onAurora.clean()).as("aurora: %s", onAurora).isTrue();
                assertThat(onAurora.payments()).isGreaterThan(100);
                assertThat(onAurora.events()).isPositive();
                var onOnprem = ledger.audit(servers.onprem);
                assertThat(onOnprem.clean()).as("on-prem after the reverse drain: %s", onOnprem).isTrue();
            }
        }
    }

    @Test
    void flippingTheWriterBeforeEveryCacheHasExpiredLosesPaymentsAndTheLedgerCountsThem() throws Exception {
        try (var servers = TwoServers.fresh()) {
            PaymentSchema.create(servers.onprem, true);
            PaymentSchema.create(servers.aurora, false);
            var ledger = new Ledger();
            var forward = new LogicalReplication(servers.prefix + "forward", servers.onprem, servers.aurora);
            // The cache's clock moves only when the test says: the writers' view stays stale as long as needed.
            var cacheClock = new AtomicLong();
            try (var writer = writer(servers, ledger, new FlagCache(flags::get, FLAG_MAX_AGE, cacheClock::get))) {
                writer.start();
                forward.start(true, null);
                await("the full load", () -> forward.status().fullLoadDone());

                flags.set(WriterFlags.of("aurora", "off"));
                var position = forward.sourcePosition();
                await("the forward drain", () -> forward.appliedThrough(position));
                forward.stop();
                advanceGenerators(servers.aurora);
                sleep(Duration.ofMillis(300));
                cacheClock.addAndGet(FLAG_MAX_AGE.toNanos());
                sleep(Duration.ofMillis(300));
                writer.finish(Duration.ofSeconds(10));
            }
            var onAurora = ledger.audit(servers.aurora);
            assertThat(onAurora.lost()).as("writes that went on-prem after the forward task stopped").isPositive();
            assertThat(onAurora.examples()).anyMatch(example -> example.endsWith("lost"));
        }
    }

    @Test
    void aWriteRefusedDuringTheFreezeIsRetriedAfterTheThawAndNeverDoubled() throws Exception {
        try (var servers = TwoServers.fresh()) {
            PaymentSchema.create(servers.onprem, true);
            var ledger = new Ledger();
            try (var writer = writer(servers, ledger, new FlagCache(flags::get, Duration.ZERO, System::nanoTime))) {
                writer.start();
                sleep(Duration.ofMillis(300));
                flags.set(WriterFlags.of("onprem", "on"));
                sleep(Duration.ofMillis(400));
                var during = writer.stats();
                flags.set(WriterFlags.of("onprem", "off"));
                var stats = writer.finish(Duration.ofSeconds(10));

                assertThat(during.pending()).as("writes held back by the freeze").isPositive();
                assertThat(stats.pending()).isZero();
                assertThat(stats.longestFreeze()).isBetween(Duration.ofMillis(350), Duration.ofSeconds(5));
            }
            var audit = ledger.audit(servers.onprem);
            assertThat(audit.clean()).as("%s", audit).isTrue();
        }
    }

    private PaymentWriter writer(TwoServers servers, Ledger ledger, FlagCache cache) {
        return new PaymentWriter(Map.of("onprem", servers.onprem, "aurora", servers.aurora), cache, ledger,
                new PaymentWriter.Settings(4, 200, Duration.ofMillis(50), 7), System::nanoTime);
    }

    /**
     * Sets the identity generators on the new writer past the keys that replication brought (logical replication,
     * like DMS, carries no generator). Stand-in for the migration's own sequence step in this hand-driven cutover.
     */
    private static void advanceGenerators(Endpoint endpoint) throws SQLException {
        try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
            for (var table : new String[]{PaymentSchema.PAYMENT, PaymentSchema.EVENT, PaymentSchema.MERCHANT}) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                        + " (SELECT coalesce(max(id), 0) + 1000 FROM " + table + "))");
            }
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(20);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
