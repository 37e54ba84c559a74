package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;
import com.paymentmigration.lambda.validator.report.Aggregator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;

/** maxReportedRows caps every list, per kind, at every stage; counts stay exact; memory does not follow differences. */
class BoundedReportTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    private static PartitionReport part(int partition, int cap, List<Difference> differences) {
        long missing = differences.stream().filter(d -> d.kind() == Difference.Kind.MISSING_IN_TARGET).count();
        long different = differences.size() - missing;
        return new PartitionReport("public.a", partition, KeyRange.ALL, Status.MISMATCH, PartitionReport.KEY_RANGES,
                null, 100, 100, missing, 0, different, 0, differences, List.of(), false, cap, Map.of(), Map.of(),
                List.of(), List.of(), 0, List.of(), 1);
    }

    private static List<Difference> of(Difference.Kind kind, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> Difference.of(List.of(Integer.toString(i)), kind)).toList();
    }

    @Test
    void theFinalMergeListsUpToTheRunsCapOfEachKind() {
        var first = new java.util.ArrayList<>(of(Difference.Kind.MISSING_IN_TARGET, 0, 3));
        first.addAll(of(Difference.Kind.DIFFERENT, 100, 3));
        var second = new java.util.ArrayList<>(of(Difference.Kind.MISSING_IN_TARGET, 10, 3));
        second.addAll(of(Difference.Kind.DIFFERENT, 110, 3));
        // The partitions were run with maxReportedRows 4; the merge's own default (1,000) must not apply.
        var table = Aggregator.merge(List.of(part(0, 4, first), part(1, 4, second)), 1000).tables().get(0);
        assertThat(table.differences()).filteredOn(d -> d.kind() == Difference.Kind.MISSING_IN_TARGET).hasSize(4);
        assertThat(table.differences()).filteredOn(d -> d.kind() == Difference.Kind.DIFFERENT).hasSize(4);
        assertThat(table.missingInTarget()).isEqualTo(6);
        assertThat(table.different()).isEqualTo(6);
        assertThat(table.maxReportedRows()).isEqualTo(4);
        assertThat(table.truncated()).isTrue();
    }

    @Test
    void aTableWhereEveryRowDiffersIsCountedExactlyAndListedUpToTheCap() {
        var name = table("all_differ");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v int)",
                "INSERT INTO " + name + " SELECT g, g FROM generate_series(1, 120000) g", "ANALYZE " + name);
        // More differences than one re-check batch holds, of every kind.
        target("UPDATE " + name + " SET v = -v WHERE id <= 110000", "DELETE FROM " + name + " WHERE id > 115000",
                "INSERT INTO " + name + " SELECT g, g FROM generate_series(200001, 203000) g");
        var run = harness.run(List.of(name), 1, "{\"maxReportedRows\": 5, \"recheckAttempts\": 1}");
        var report = run.tables().get(0);
        assertThat(report.different()).isEqualTo(110_000);
        assertThat(report.missingInTarget()).isEqualTo(5_000);
        assertThat(report.extraInTarget()).isEqualTo(3_000);
        for (var kind : Difference.Kind.values()) {
            assertThat(report.differences()).filteredOn(d -> d.kind() == kind).hasSize(5);
        }
        assertThat(report.differences()).filteredOn(d -> d.kind() == Difference.Kind.DIFFERENT)
                .allSatisfy(d -> assertThat(d.columns()).containsExactly("v"));
        assertThat(report.truncated()).isTrue();
        assertThat(run.mismatches()).isEqualTo(118_000);
        // Differences were re-checked in batches as they came (one wait each), not all held until the end.
        assertThat(harness.sleeps.taken.size()).isGreaterThanOrEqualTo(2);
    }
}
