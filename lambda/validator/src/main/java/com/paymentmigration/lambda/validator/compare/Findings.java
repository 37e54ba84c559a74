package com.paymentmigration.lambda.validator.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The confirmed differences and transients of a partition or table: exact counts, and at most {@code cap} listed per
 * kind (and {@code cap} transients). Memory is bounded by the cap, whatever the number of differences.
 */
public final class Findings {

    private final int cap;
    private final Map<Difference.Kind, Long> counts = new EnumMap<>(Difference.Kind.class);
    private final Map<Difference.Kind, List<Difference>> listed = new EnumMap<>(Difference.Kind.class);
    private long transientCount;
    private final List<Difference> transients = new ArrayList<>();
    private boolean truncated;

    public Findings(int cap) {
        this.cap = cap;
        for (var kind : Difference.Kind.values()) {
            counts.put(kind, 0L);
            listed.put(kind, new ArrayList<>());
        }
    }

    /** What a stored report (a partition's progress, or a partition merged into its table) already holds. */
    public void add(PartitionReport report) {
        counts.merge(Difference.Kind.MISSING_IN_TARGET, report.missingInTarget(), Long::sum);
        counts.merge(Difference.Kind.EXTRA_IN_TARGET, report.extraInTarget(), Long::sum);
        counts.merge(Difference.Kind.DIFFERENT, report.different(), Long::sum);
        truncated |= report.truncated();
        for (var difference : report.differences()) {
            list(difference);
        }
        transientCount += report.transientDifferences();
        report.transients().forEach(this::listTransient);
    }

    /**
     * Counts a re-check's outcome; {@code describe} adds detail (the differing columns) to the confirmed differences
     * that will be listed, so it runs on at most {@code cap} rows per kind over the whole partition.
     */
    void add(Recheck.Result result, UnaryOperator<List<Difference>> describe) {
        var shown = new ArrayList<Difference>();
        var room = new EnumMap<Difference.Kind, Integer>(Difference.Kind.class);
        listed.forEach((kind, list) -> room.put(kind, cap - list.size()));
        for (var difference : result.confirmed()) {
            counts.merge(difference.kind(), copies(difference), Long::sum);
            if (room.get(difference.kind()) > 0) {
                room.merge(difference.kind(), -1, Integer::sum);
                shown.add(difference);
            } else {
                truncated = true;
            }
        }
        describe.apply(shown).forEach(this::list);
        transientCount += result.transients().size();
        result.transients().forEach(this::listTransient);
    }

    private void list(Difference difference) {
        var list = listed.get(difference.kind());
        if (list.size() < cap) {
            list.add(difference);
        } else {
            truncated = true;
        }
    }

    private void listTransient(Difference difference) {
        if (transients.size() < cap) {
            transients.add(difference);
        } else {
            truncated = true;
        }
    }

    private static long copies(Difference difference) {
        return difference.copies() == null ? 1 : difference.copies();
    }

    public long count(Difference.Kind kind) {
        return counts.get(kind);
    }

    long mismatches() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long transientCount() {
        return transientCount;
    }

    /** The listed differences, kind by kind. */
    public List<Difference> differences() {
        var all = new ArrayList<Difference>();
        listed.values().forEach(all::addAll);
        return all;
    }

    public List<Difference> transients() {
        return List.copyOf(transients);
    }

    public boolean truncated() {
        return truncated;
    }
}
