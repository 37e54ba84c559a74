package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;
import com.paymentmigration.lambda.validator.report.Aggregator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging partition reports: sums, lists, verdicts, and refusing an incomplete set. */
class AggregatorTest {

    private static PartitionReport part(String table, int partition, Status status, long rows, List<Difference> differences) {
        long missing = differences.stream().filter(d -> d.kind() == Difference.Kind.MISSING_IN_TARGET).count();
        return new PartitionReport(table, partition, KeyRange.ALL, status, PartitionReport.KEY_RANGES, null, rows,
                rows - missing, missing, 0, differences.size() - missing, 1, differences, List.of(), false, 10,
                Map.of("mood", "enum: the same label"), Map.of("m", "enum"), List.of(), List.of(), 0, List.of(), 10);
    }

    @Test
    void partitionsMergeIntoOneReportPerTable() {
        var gone = Difference.of(List.of("7"), Difference.Kind.MISSING_IN_TARGET);
        var run = Aggregator.merge(List.of(
                part("public.payments", 1, Status.MISMATCH, 100, List.of(gone)),
                part("public.payments", 0, Status.MATCH, 100, List.of()),
                part("public.refunds", 0, Status.MATCH, 5, List.of())), 1000);
        assertThat(run.status()).isEqualTo(Status.MISMATCH);
        assertThat(run.tables()).hasSize(2);
        var payments = run.tables().get(0);
        assertThat(payments.sourceRows()).isEqualTo(200);
        assertThat(payments.missingInTarget()).isEqualTo(1);
        assertThat(payments.transientDifferences()).isEqualTo(2);
        assertThat(payments.differences()).containsExactly(gone);
        assertThat(payments.textTypes()).containsKey("mood");
        assertThat(run.tables().get(1).status()).isEqualTo(Status.MATCH);
        assertThat(run.mismatches()).isEqualTo(1);
    }

    @Test
    void aTableThatCouldNotBeComparedIsNeverAMatch() {
        var run = Aggregator.merge(List.of(part("public.a", 0, Status.MATCH, 1, List.of()),
                part("public.b", 0, Status.NOT_COMPARED, 0, List.of())), 10);
        assertThat(run.status()).isEqualTo(Status.NOT_COMPARED);
    }

    @Test
    void missingOrUnfinishedPartitionsAreRefused() {
        assertThatThrownBy(() -> Aggregator.merge(List.of(part("public.a", 1, Status.MATCH, 1, List.of())), 10))
                .isInstanceOf(IncompleteRunException.class).hasMessageContaining("[1]");
        assertThatThrownBy(() -> Aggregator.merge(List.of(part("public.a", 0, Status.IN_PROGRESS, 1, List.of())), 10))
                .isInstanceOf(IncompleteRunException.class).hasMessageContaining("in progress");
    }

    @Test
    void listsAreCappedButCountsStayExact() {
        var many = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Difference.of(List.of(Integer.toString(i)), Difference.Kind.MISSING_IN_TARGET)).toList();
        var table = Aggregator.merge(List.of(part("public.a", 0, Status.MISMATCH, 100, many)), 10).tables().get(0);
        assertThat(table.differences()).hasSize(10);
        assertThat(table.missingInTarget()).isEqualTo(30);
        assertThat(table.truncated()).isTrue();
    }
}
