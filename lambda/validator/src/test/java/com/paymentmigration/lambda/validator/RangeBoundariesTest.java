package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Differences exactly at the edges: the first and last keys, keys on chunk and leaf thresholds, keys below the
 * source's minimum and above its maximum. Small chunks and leaves put many edges into a few thousand rows.
 */
class RangeBoundariesTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    @Test
    void everyChangeAtAnEdgeIsFoundExactly() {
        var name = table("edges");
        both("CREATE TABLE " + name + " (id bigint PRIMARY KEY, v text)",
                "INSERT INTO " + name + " SELECT g, 'v' || g FROM generate_series(1, 5000) g");
        // Every key ending in 000 or 001 is on or next to a threshold of the 10-row leaves and 1000-row chunks
        // (the sample is every key here), plus both ends and beyond.
        target("DELETE FROM " + name + " WHERE id IN (1, 5000, 1000, 2001)",
                "UPDATE " + name + " SET v = 'changed' WHERE id IN (2, 4999, 3000, 3001, 10, 11)",
                "INSERT INTO " + name + " VALUES (0, 'below'), (-7, 'far below'), (5001, 'above'), (9999, 'far above')");
        var report = harness.runOne(name, "{\"rowsPerChunk\": 1000, \"leafRows\": 10}");
        assertThat(report.missingInTarget()).isEqualTo(4);
        assertThat(report.different()).isEqualTo(6);
        assertThat(report.extraInTarget()).isEqualTo(4);
        assertThat(report.differences()).extracting(d -> d.key().get(0), Difference::kind).containsExactlyInAnyOrder(
                tuple("1", Difference.Kind.MISSING_IN_TARGET), tuple("5000", Difference.Kind.MISSING_IN_TARGET),
                tuple("1000", Difference.Kind.MISSING_IN_TARGET), tuple("2001", Difference.Kind.MISSING_IN_TARGET),
                tuple("2", Difference.Kind.DIFFERENT), tuple("4999", Difference.Kind.DIFFERENT),
                tuple("3000", Difference.Kind.DIFFERENT), tuple("3001", Difference.Kind.DIFFERENT),
                tuple("10", Difference.Kind.DIFFERENT), tuple("11", Difference.Kind.DIFFERENT),
                tuple("0", Difference.Kind.EXTRA_IN_TARGET), tuple("-7", Difference.Kind.EXTRA_IN_TARGET),
                tuple("5001", Difference.Kind.EXTRA_IN_TARGET), tuple("9999", Difference.Kind.EXTRA_IN_TARGET));
        assertThat(report.sourceRows()).isEqualTo(5000);
        assertThat(report.targetRows()).isEqualTo(5000);
    }

    @Test
    void partitionsOfAPlanCoverTheTableExactlyOnce() {
        var name = table("parts");
        both("CREATE TABLE " + name + " (id bigint PRIMARY KEY, v text)",
                "INSERT INTO " + name + " SELECT g, 'v' || g FROM generate_series(1, 20000) g");
        target("DELETE FROM " + name + " WHERE id IN (1, 20000, 7777)", "UPDATE " + name + " SET v = 'x' WHERE id = 12345");
        var whole = harness.run(List.of(name), 1, null).tables().get(0);
        var split = harness.run(List.of(name), 4, null);
        var merged = split.tables().get(0);
        assertThat(merged.sourceRows()).isEqualTo(whole.sourceRows()).isEqualTo(20000);
        assertThat(merged.targetRows()).isEqualTo(19997);
        assertThat(merged.differences()).containsExactlyInAnyOrderElementsOf(whole.differences());
        assertThat(split.status()).isEqualTo(Status.MISMATCH);
        assertThat(split.mismatches()).isEqualTo(4);
        // Four partition reports plus the run's report.
        assertThat(harness.store.objects.keySet()).filteredOn(k -> k.contains("/partitions/")).hasSizeGreaterThanOrEqualTo(5);
    }
}
