package com.paymentmigration.lambda.validator.report;

import com.paymentmigration.lambda.validator.IncompleteRunException;
import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.Findings;
import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/** Merges partition reports into one report per table and a verdict for the run. */
public final class Aggregator {
    private Aggregator() {
    }

    /** {@code defaultCap} lists per kind for partition reports that do not say their own cap. */
    public static RunReport merge(List<PartitionReport> partitions, int defaultCap) {
        var byTable = new LinkedHashMap<String, List<PartitionReport>>();
        for (var partition : partitions) {
            if (!partition.complete()) {
                throw new IncompleteRunException("partition " + partition.partition() + " of " + partition.table()
                        + " is still in progress (" + partition.chunksDone() + " of " + partition.chunks().size()
                        + " chunks); run validate for it again until it completes, then aggregate");
            }
            byTable.computeIfAbsent(partition.table(), t -> new ArrayList<>()).add(partition);
        }
        var tables = byTable.values().stream().map(parts -> table(parts, defaultCap)).toList();
        long mismatches = tables.stream().mapToLong(PartitionReport::mismatches).sum();
        var status = mismatches > 0 || tables.stream().anyMatch(t -> t.status() == Status.MISMATCH) ? Status.MISMATCH
                : tables.stream().anyMatch(t -> t.status() == Status.NOT_COMPARED) ? Status.NOT_COMPARED : Status.MATCH;
        return new RunReport(status, true, tables.stream().mapToLong(PartitionReport::sourceRows).sum(), mismatches,
                tables.stream().mapToLong(PartitionReport::transientDifferences).sum(), tables);
    }

    private static PartitionReport table(List<PartitionReport> parts, int defaultCap) {
        var first = parts.get(0);
        var numbers = parts.stream().map(PartitionReport::partition).sorted().toList();
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i) {
                throw new IncompleteRunException("the partitions of " + first.table() + " are " + numbers
                        + ", not 0.." + (numbers.size() - 1) + "; aggregate every partition of the plan exactly once");
            }
        }
        var status = parts.stream().anyMatch(p -> p.status() == Status.MISMATCH) ? Status.MISMATCH
                : parts.stream().anyMatch(p -> p.status() == Status.NOT_COMPARED) ? Status.NOT_COMPARED : Status.MATCH;
        // The partitions' own cap (the run's maxReportedRows), per kind, as each partition listed them.
        int cap = parts.stream().mapToInt(PartitionReport::maxReportedRows).max().orElse(0);
        var findings = new Findings(cap > 0 ? cap : defaultCap);
        var textTypes = new TreeMap<String, String>();
        var columnRules = new LinkedHashMap<String, String>();
        var notes = new java.util.LinkedHashSet<String>();
        for (var part : parts) {
            findings.add(part);
            textTypes.putAll(part.textTypes());
            columnRules.putAll(part.columnRules());
            notes.addAll(part.notes());
        }
        return new PartitionReport(first.table(), -1, KeyRange.ALL, status, first.method(), first.reason(),
                sum(parts, PartitionReport::sourceRows), sum(parts, PartitionReport::targetRows),
                findings.count(Difference.Kind.MISSING_IN_TARGET), findings.count(Difference.Kind.EXTRA_IN_TARGET),
                findings.count(Difference.Kind.DIFFERENT), findings.transientCount(), findings.differences(),
                findings.transients(), findings.truncated(), cap > 0 ? cap : defaultCap, textTypes, columnRules,
                List.copyOf(notes), List.of(), 0, List.of(), parts.stream().mapToLong(PartitionReport::millis).max().orElse(0));
    }

    private static long sum(List<PartitionReport> parts, java.util.function.ToLongFunction<PartitionReport> field) {
        return parts.stream().mapToLong(field).sum();
    }
}
