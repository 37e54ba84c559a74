package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;

import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.RunReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (from Maven artifacts) with two databases, source and target, shared by every test in the
 * JVM; tests isolate themselves by table name. Sleeps are recorded, not taken, and can run an action (what
 * replication would have applied meanwhile).
 */
public final class TwoDatabases {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger TABLES = new AtomicInteger();

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // Logical decoding on, for the change slots; commits flushed before they return, as in production, so
                // a slot's decoding (which reads flushed WAL only) sees every committed change.
                postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "20").setServerConfig("synchronous_commit", "on")
                        .start();
                admin("CREATE DATABASE source");
                admin("CREATE DATABASE target");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // The JVM is ending.
                    }
                }));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres;
    }

    private static EmbeddedPostgres secondServer;

    /**
     * A second server holding its own {@code target} database: slot names are unique per server, so the change slots
     * (one per side, one name, as on two production servers) need two servers.
     */
    static synchronized String secondServerTargetUrl() {
        if (secondServer == null) {
            try {
                secondServer = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "20").setServerConfig("synchronous_commit", "on")
                        .start();
                try (var c = secondServer.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                    s.execute("CREATE DATABASE target");
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return secondServer.getJdbcUrl("postgres", "target");
    }

    private static void admin(String sql) throws SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String url(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** A table name no other test uses. */
    static String table(String stem) {
        return stem + "_" + TABLES.incrementAndGet();
    }

    static void source(String... statements) {
        run("source", statements);
    }

    static void target(String... statements) {
        run("target", statements);
    }

    public static void both(String... statements) {
        run("source", statements);
        run("target", statements);
    }

    static void run(String database, String... statements) {
        runAt(url(database), database, statements);
    }

    static void runAt(String url, String database, String... statements) {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            for (var statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    static Sides sides() {
        return Sides.open(new DatabaseAddress(url("source"), null, null), new DatabaseAddress(url("target"), null, null));
    }

    /** Records each sleep; runs the queued actions, one per sleep, as replication landing during the wait. */
    static final class Sleeps implements Recheck.Sleeper {
        final List<Duration> taken = new ArrayList<>();
        long sleptMillis;
        final List<Runnable> meanwhile = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            taken.add(duration);
            sleptMillis += duration.toMillis();
            if (!meanwhile.isEmpty()) {
                meanwhile.remove(0).run();
            }
        }
    }

    /** A validator over both databases with an in-memory store and captured metric lines. */
    public static final class Harness {
        final InMemoryReportStore store = new InMemoryReportStore();
        final Sleeps sleeps = new Sleeps();
        final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
        public final Validator validator;

        public Harness() {
            this(TwoDatabases::sides);
        }

        Harness(java.util.function.Supplier<Sides> sides) {
            validator = new Validator(sides, store, new EmbeddedMetrics(new PrintStream(metricLines, true), "test"), sleeps,
                    () -> System.currentTimeMillis() + sleeps.sleptMillis);
        }

        /** Tables are names or selection objects (maps), as in a plan event. */
        RunReport run(List<?> tables, int partitions, String options) {
            var result = Cli.runAll(validator, Json.MAPPER.valueToTree(tables), partitions, options);
            return Json.read(store.read(result.get("reportKey").asText()).orElseThrow(), RunReport.class, "report");
        }

        /** A plan's answer run to its report, as the state machine runs it. */
        RunReport runPlanned(JsonNode planned) {
            var summary = Cli.runPlanned(validator, planned);
            return Json.read(store.read(summary.get("reportKey").asText()).orElseThrow(), RunReport.class, "report");
        }

        PartitionReport runOne(Object table, String options) {
            return run(List.of(table), 1, options).tables().get(0);
        }
    }
}
