package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.compare.Status;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.RunReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The freeze-time check on real change slots: a full run records where the slots start, a later run compares only
 * the rows the slots saw change (plus what the full run listed), strictly, or checks a table in full where the
 * changes cannot be mapped to keys.
 */
class ChangeTrackingTest {

    private static final AtomicInteger SLOTS = new AtomicInteger();
    private final TwoDatabases.Harness harness = new TwoDatabases.Harness(() -> Sides.open(
            new DatabaseAddress(TwoDatabases.url("source"), null, null),
            new DatabaseAddress(TwoDatabases.secondServerTargetUrl(), null, null)));
    private final String slot = "changes_" + SLOTS.incrementAndGet();

    @AfterEach
    void dropSlots() {
        both("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
    }

    private static void source(String... statements) {
        TwoDatabases.run("source", statements);
    }

    /** The target is on the second server: the slots of both sides share one name. */
    private static void target(String... statements) {
        TwoDatabases.runAt(TwoDatabases.secondServerTargetUrl(), "target", statements);
    }

    private static void both(String... statements) {
        source(statements);
        target(statements);
    }

    @Test
    void onlyTheChangedRowsAreComparedAndADifferenceAmongThemFails() {
        var name = table("tracked");
        both("CREATE TABLE " + name + " (id int, region text, note text, PRIMARY KEY (id, region))",
                "INSERT INTO " + name + " SELECT g, 'eu', 'n' FROM generate_series(1, 20000) g");
        createSlots();
        assertThat(full(name).status()).isEqualTo(Status.MATCH);
        // Replicated changes (equal on both sides), one row deleted by key, one moved to a new key, one quoted value...
        both("UPDATE " + name + " SET note = 'it''s' WHERE id = 10", "DELETE FROM " + name + " WHERE id = 11",
                "UPDATE " + name + " SET id = 20001 WHERE id = 12", "INSERT INTO " + name + " VALUES (20002, 'us', NULL)");
        // ...and one late write that reached the source only.
        source("UPDATE " + name + " SET note = 'late' WHERE id = 13");
        var result = since(name, "{\"recheckAttempts\": 0}");
        var report = result.report.tables().get(0);
        assertThat(report.method()).isEqualTo(PartitionReport.CHANGED_KEYS);
        assertThat(result.plan.get("changedKeys").asLong()).isEqualTo(6);
        assertThat(report.sourceRows()).as("rows compared: the changed keys that exist, not the table").isEqualTo(4);
        assertThat(report.status()).isEqualTo(Status.MISMATCH);
        assertThat(report.differences()).extracting(Difference::key, Difference::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("13", "eu"), Difference.Kind.DIFFERENT));
    }

    @Test
    void aRowTheFullRunFoundTransientIsComparedAgainInTheFreeze() {
        var name = table("transient");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, status text)",
                "INSERT INTO " + name + " SELECT g, 'NEW' FROM generate_series(1, 1000) g");
        // The target diverged before the slots existed; during the full run's re-check delay it looked equal.
        target("UPDATE " + name + " SET status = 'LOST' WHERE id = 5");
        createSlots();
        harness.sleeps.meanwhile.add(() -> target("UPDATE " + name + " SET status = 'NEW' WHERE id = 5"));
        harness.sleeps.meanwhile.add(() -> target("SELECT 1"));
        var first = full(name);
        assertThat(first.status()).isEqualTo(Status.MATCH);
        assertThat(first.transientDifferences()).isEqualTo(1);
        // The row moved after the slots' creation, so the target's slot decoded it as well; the listed key is the
        // second, independent reason it is compared (one key, counted once).
        var result = since(name, "{\"recheckAttempts\": 0}");
        assertThat(result.plan.get("changedKeys").asLong()).isEqualTo(1);
        assertThat(result.report.status()).isEqualTo(Status.MATCH);
    }

    @Test
    void whatCannotBeMappedToKeysIsCheckedInFullAndStillFails() {
        var truncated = table("truncated");
        var untracked = table("nothing");
        both("CREATE TABLE " + truncated + " (id int PRIMARY KEY, v int)", "INSERT INTO " + truncated + " VALUES (1, 1)",
                "CREATE TABLE " + untracked + " (id int PRIMARY KEY, v int)", "INSERT INTO " + untracked + " VALUES (1, 1)",
                "ALTER TABLE " + untracked + " REPLICA IDENTITY NOTHING");
        createSlots();
        assertThat(full(List.of(truncated, untracked)).status()).isEqualTo(Status.MATCH);
        target("TRUNCATE " + truncated, "INSERT INTO " + truncated + " VALUES (1, 2)");
        var result = since(List.of(truncated, untracked), "{\"recheckAttempts\": 0}");
        assertThat(result.plan.get("checkedInFull").get("public." + truncated).asText()).contains("was truncated");
        assertThat(result.plan.get("checkedInFull").get("public." + untracked).asText()).contains("replica identity NOTHING");
        assertThat(result.report.tables()).extracting(PartitionReport::method)
                .containsOnly(PartitionReport.KEY_RANGES);
        assertThat(result.report.tables().get(0).different()).isEqualTo(1);
    }

    @Test
    void aFullRunThatListedOnlyPartOfItsFindingsCannotBeBuiltOn() {
        var name = table("capped");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v int)",
                "INSERT INTO " + name + " SELECT g, 0 FROM generate_series(1, 1000) g");
        createSlots();
        target("UPDATE " + name + " SET v = 1 WHERE id <= 3");
        harness.sleeps.meanwhile.add(() -> target("UPDATE " + name + " SET v = 0 WHERE id <= 3"));
        var first = full(name, "{\"maxReportedRows\": 2}");
        assertThat(first.tables().get(0).truncated()).isTrue();
        var result = since(name, "{\"recheckAttempts\": 0}");
        assertThat(result.plan.get("checkedInFull").get("public." + name).asText()).contains("listed only part");
        assertThat(result.report.tables().get(0).sourceRows()).isEqualTo(1000);
    }

    @Test
    void changesInAPartitionCountForItsPartitionedTable() {
        var name = table("partitioned");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v int) PARTITION BY RANGE (id)",
                "CREATE TABLE " + name + "_low PARTITION OF " + name + " FOR VALUES FROM (0) TO (500)",
                "CREATE TABLE " + name + "_high PARTITION OF " + name + " FOR VALUES FROM (500) TO (1000)",
                "INSERT INTO " + name + " SELECT g, 0 FROM generate_series(1, 999) g");
        createSlots();
        assertThat(full(name).status()).isEqualTo(Status.MATCH);
        target("UPDATE " + name + " SET v = 9 WHERE id = 700");
        var result = since(name, "{\"recheckAttempts\": 0}");
        assertThat(result.report.tables().get(0).method()).isEqualTo(PartitionReport.CHANGED_KEYS);
        assertThat(result.report.tables().get(0).differences()).extracting(d -> d.key().get(0)).containsExactly("700");
    }

    @Test
    void slotsMissingOrReplacedSinceTheFullRunAreRefused() {
        var name = table("replaced");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY)", "INSERT INTO " + name + " VALUES (1)");
        assertThatThrownBy(() -> full(name)).isInstanceOf(ChangeTrackingException.class)
                .hasMessageContaining("has no logical slot " + slot);
        createSlots();
        full(name);
        dropSlots();
        source("INSERT INTO " + name + " VALUES (2)");
        createSlots();
        assertThatThrownBy(() -> since(name, null)).isInstanceOf(ChangeTrackingException.class)
                .hasMessageContaining("are not those the run");
    }

    private void createSlots() {
        both("SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");
    }

    private String fullPrefix;

    private RunReport full(Object tables) {
        return full(tables, null);
    }

    private RunReport full(Object tables, String options) {
        fullPrefix = "full-" + slot;
        var plan = plan(tables, fullPrefix, options);
        plan.put("changeSlot", slot);
        return validate(plan).report;
    }

    private Result since(Object tables, String options) {
        var plan = plan(tables, "since-" + slot, options);
        plan.put("changesSince", fullPrefix);
        return validate(plan);
    }

    private record Result(JsonNode plan, RunReport report) {
    }

    private ObjectNode plan(Object tables, String prefix, String options) {
        var plan = Json.MAPPER.createObjectNode().put("action", "plan").put("reportPrefix", prefix)
                .put("partitionsPerTable", 2);
        plan.set("tables", Json.MAPPER.valueToTree(tables instanceof List<?> list ? list : List.of(tables)));
        if (options != null) {
            plan.set("options", Json.read(options.getBytes(), JsonNode.class, "options"));
        }
        return plan;
    }

    private Result validate(ObjectNode plan) {
        var planned = harness.validator.handle(plan, PartitionValidator.Deadline.NONE);
        return new Result(planned, harness.runPlanned(planned));
    }
}
