package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.RunReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The freeze-time validation's benchmark (not a unit test; run by freeze-benchmark.sh): two PostgreSQL servers
 * (embedded, logical decoding on) hold the same payments table; per table size it creates the change slots, times the
 * full validation that precedes the freeze, applies the same number of changed rows to both sides (as replication
 * would: updates, inserts, deletes), then times the validation inside the freeze ({@code changesSince}, strict) and,
 * for comparison, a full strict validation of the same data. The freeze-time cost should follow the changes, not the
 * table.
 *
 * <p>Arguments: changed rows, runs, then one or more table sizes.
 */
public final class FreezeBenchmark {

    private static final String SLOT = "bench_changes";
    private static final String TABLE = """
            CREATE TABLE payments (
              id bigint PRIMARY KEY, merchant_id integer NOT NULL, amount numeric(12,2) NOT NULL, currency char(3) NOT NULL,
              status text NOT NULL, reference text, created_at timestamptz NOT NULL, metadata jsonb)""";

    public static void main(String[] args) throws Exception {
        int changed = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        try (var source = server(); var target = server()) {
            var sourceUrl = source.getJdbcUrl("postgres", "postgres");
            var targetUrl = target.getJdbcUrl("postgres", "postgres");
            for (int i = 2; i < args.length; i++) {
                measure(sourceUrl, targetUrl, Long.parseLong(args[i]), changed, runs);
            }
        }
    }

    private static EmbeddedPostgres server() throws Exception {
        // One core's worth per side, as two servers would have on this machine; tables fit in shared buffers.
        return EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4").setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_parallel_workers_per_gather", "0").setServerConfig("synchronous_commit", "on")
                .start();
    }

    private static void measure(String source, String target, long rows, int changed, int runs) throws Exception {
        var generate = "INSERT INTO payments SELECT g, (g % 997)::int, ((g * 7919) % 1000000) / 100.0, "
                + "(ARRAY['EUR','USD','GBP'])[1 + g % 3], (ARRAY['AUTHORIZED','CAPTURED','REFUNDED','FAILED'])[1 + g % 4], "
                + "'ref-' || md5(g::text), timestamptz '2024-01-01' + g * interval '1 second', "
                + "jsonb_build_object('channel', 'web', 'attempt', g % 5) FROM generate_series(1::bigint, " + rows + ") g";
        for (var url : List.of(source, target)) {
            sql(url, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots", "DROP TABLE IF EXISTS payments",
                    TABLE, generate, "VACUUM ANALYZE payments", "CHECKPOINT",
                    "SELECT pg_create_logical_replication_slot('" + SLOT + "', 'test_decoding')");
        }
        var harness = new TwoDatabases.Harness(() -> Sides.open(new DatabaseAddress(source, null, null),
                new DatabaseAddress(target, null, null)));
        long started = System.nanoTime();
        var full = run(harness, plan("pre-freeze-" + rows, "changeSlot", SLOT, null));
        double fullSeconds = seconds(started);
        // The same changes on both sides, spread over the table: a third updated, a third inserted, a third deleted.
        long step = rows / changed;
        var changes = List.of(
                "UPDATE payments SET status = 'CAPTURED', amount = amount + 1 WHERE id IN (SELECT 1 + k * " + step * 3
                        + " FROM generate_series(0, " + (changed / 3 - 1) + ") k)",
                "INSERT INTO payments SELECT " + rows + " + k, 1, 1.00, 'EUR', 'AUTHORIZED', NULL, '2026-01-01', NULL "
                        + "FROM generate_series(1, " + changed / 3 + ") k",
                "DELETE FROM payments WHERE id IN (SELECT 2 + k * " + step * 3 + " FROM generate_series(0, "
                        + (changed / 3 - 1) + ") k)");
        sql(source, changes.toArray(String[]::new));
        sql(target, changes.toArray(String[]::new));
        var freeze = new ArrayList<Double>();
        var strictFull = new ArrayList<Double>();
        JsonNode planned = null;
        RunReport last = null;
        RunReport lastFull = null;
        for (int i = 0; i < runs; i++) {
            started = System.nanoTime();
            var since = plan("final-" + rows + "-" + i, "changesSince", "pre-freeze-" + rows, "{\"recheckAttempts\": 0}");
            planned = harness.validator.handle(since, PartitionValidator.Deadline.NONE);
            last = run(harness, planned);
            freeze.add(seconds(started));
            started = System.nanoTime();
            lastFull = run(harness, plan("full-" + rows + "-" + i, null, null, "{\"recheckAttempts\": 0}"));
            strictFull.add(seconds(started));
        }
        System.out.printf("%,d rows, %,d changed: full pre-freeze validation %.2f s (%s); inside the freeze %s s "
                        + "(%s, %d keys compared); a full strict validation instead %s s (%s)%n", rows, changed,
                fullSeconds, full.status(), freeze, last.status(), planned.get("changedKeys").asLong(), strictFull,
                lastFull.status());
        for (var url : List.of(source, target)) {
            sql(url, "SELECT pg_drop_replication_slot('" + SLOT + "')");
        }
    }

    private static ObjectNode plan(String prefix, String field, String value, String options) throws Exception {
        var plan = Json.MAPPER.createObjectNode().put("action", "plan").put("reportPrefix", prefix)
                .put("partitionsPerTable", 1);
        plan.putArray("tables").add("public.payments");
        if (field != null) {
            plan.put(field, value);
        }
        if (options != null) {
            plan.set("options", Json.MAPPER.readTree(options));
        }
        return plan;
    }

    private static RunReport run(TwoDatabases.Harness harness, JsonNode planOrPlanned) {
        return harness.runPlanned(planOrPlanned.has("items") ? planOrPlanned
                : harness.validator.handle(planOrPlanned, PartitionValidator.Deadline.NONE));
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            for (var s : statements) {
                statement.execute(s);
            }
        }
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
    }
}
