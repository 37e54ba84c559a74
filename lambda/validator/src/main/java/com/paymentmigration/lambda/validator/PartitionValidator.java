package com.paymentmigration.lambda.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Validates one partition of one table, chunk by chunk: each finished chunk is handed to {@code checkpoint}, so a
 * run stopped by its deadline (or killed) resumes from the last finished chunk. When every chunk is done, the
 * differences found are re-checked, the differing columns looked up, and the verdict given.
 */
public final class PartitionValidator {

    /** Milliseconds left in this invocation. */
    public interface Deadline {
        long remainingMillis();

        Deadline NONE = () -> Long.MAX_VALUE;
    }

    /** Leaves this much time after the slowest chunk so far, for the re-check and the report. */
    static final long RESERVE_MILLIS = 30_000;

    private final Sides sides;
    private final Options options;
    private final Recheck.Sleeper sleeper;
    private final LongSupplier clock;

    public PartitionValidator(Sides sides, Options options, Recheck.Sleeper sleeper, LongSupplier clock) {
        this.sides = sides;
        this.options = options;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public PartitionReport run(TableSelection selection, int partition, KeyRange range, PartitionReport resumed,
                               Deadline deadline, Consumer<PartitionReport> checkpoint) {
        long started = clock.getAsLong();
        var shapes = sides.both(side -> Catalog.describe(side, selection.name()));
        var table = ComparedTable.of(selection, shapes.source(), shapes.target());
        var probe = HashProbe.run(sides, table);
        var notes = new ArrayList<String>();
        if (probe.textRows()) {
            notes.add(probe.textRowsReason());
        }
        var rowHash = table.rowHash(probe.textTypes().keySet(), probe.textRows());
        var base = new Tally(selection.name().toString(), partition, range, probe.textTypes(), notes, started);
        if (!table.hasPrimaryKey()) {
            if (!selection.compareWithoutKey()) {
                var report = base.notCompared("no primary key: rows cannot be matched by key. Add a primary key, or set "
                        + "compareWithoutKey for this table to compare it as a multiset of whole rows");
                checkpoint.accept(report);
                return report;
            }
            var multiset = new MultisetComparer(sides, table, rowHash, options, sleeper).compare();
            var report = base.finish(PartitionReport.MULTISET, multiset, options.maxReportedRows());
            checkpoint.accept(report);
            return report;
        }
        var byteOrder = KeyOrdering.byteOrderReason(sides, table, shapes.target());
        if (byteOrder != null) {
            notes.add(byteOrder);
        }
        var keys = new KeySql(table.key(), byteOrder != null);
        var comparer = new RangeComparer(sides, table, keys, rowHash);
        List<Chunk> chunks;
        if (resumed != null && resumed.status() == Status.IN_PROGRESS) {
            chunks = resumed.chunks();
            base.resume(resumed);
        } else {
            var sampling = KeySampler.sampling(table.estimatedRows(), table.pages(), options.leafRows());
            var sample = KeySampler.sample(sides.source(), table, keys, range, sampling);
            chunks = KeySampler.chunks(sample, range, sampling.rowsPerKey(), options.rowsPerChunk(), options.leafRows());
        }
        long slowest = 0;
        long readStarted = clock.getAsLong();
        long rowsAtStart = base.sourceRows;
        int firstChunk = base.chunksDone;
        for (int i = firstChunk; i < chunks.size(); i++) {
            // At least one chunk per invocation, so every invocation makes progress.
            if (i > firstChunk && deadline.remainingMillis() < 2 * slowest + RESERVE_MILLIS) {
                var report = base.inProgress(chunks);
                checkpoint.accept(report);
                return report;
            }
            long chunkStarted = clock.getAsLong();
            var outcome = comparer.compare(chunks.get(i));
            base.add(outcome);
            base.chunksDone = i + 1;
            slowest = Math.max(slowest, clock.getAsLong() - chunkStarted);
            checkpoint.accept(base.inProgress(chunks));
            throttle(base.sourceRows - rowsAtStart, clock.getAsLong() - readStarted);
        }
        var recheck = Recheck.run(base.pending, listed -> sides.both(side -> comparer.rowHashesOf(side, listed)),
                Recheck.Reread.BY_KEY, options.recheckDelay(), options.recheckAttempts(), sleeper);
        var confirmed = withColumns(recheck.confirmed(), comparer, probe);
        var report = base.finish(PartitionReport.KEY_RANGES,
                new Found(base.sourceRows, base.targetRows, confirmed, recheck.transients()), options.maxReportedRows());
        checkpoint.accept(report);
        return report;
    }

    private List<Difference> withColumns(List<Difference> confirmed, RangeComparer comparer, HashProbe.Result probe) {
        var changed = confirmed.stream().filter(d -> d.kind() == Difference.Kind.DIFFERENT)
                .limit(options.maxReportedRows()).map(Difference::key).toList();
        if (changed.isEmpty() || probe.textRows()) {
            return confirmed;
        }
        var columns = comparer.differingColumns(changed, probe.textTypes().keySet());
        return confirmed.stream()
                .map(d -> columns.containsKey(d.key()) ? d.withColumns(columns.get(d.key())) : d).toList();
    }

    /** Sleeps when the source has been read faster than the configured cap. */
    private void throttle(long rowsRead, long elapsedMillis) {
        if (options.maxRowsPerSecond() <= 0) {
            return;
        }
        long due = rowsRead * 1000 / options.maxRowsPerSecond();
        if (due > elapsedMillis) {
            sleeper.sleep(java.time.Duration.ofMillis(due - elapsedMillis));
        }
    }

    /** What a comparison found, before the report caps the lists. */
    record Found(long sourceRows, long targetRows, List<Difference> confirmed, List<Difference> transients) {
    }

    /** The running totals of one partition. */
    private final class Tally {
        final String table;
        final int partition;
        final KeyRange range;
        final Map<String, String> textTypes;
        final List<String> notes;
        final long started;
        long sourceRows;
        long targetRows;
        int chunksDone;
        long priorMillis;
        final List<Difference> pending = new ArrayList<>();

        Tally(String table, int partition, KeyRange range, Map<String, String> textTypes, List<String> notes, long started) {
            this.table = table;
            this.partition = partition;
            this.range = range;
            this.textTypes = new TreeMap<>(textTypes);
            this.notes = notes;
            this.started = started;
        }

        void resume(PartitionReport from) {
            sourceRows = from.sourceRows();
            targetRows = from.targetRows();
            chunksDone = from.chunksDone();
            priorMillis = from.millis();
            pending.addAll(from.pending());
        }

        void add(RangeComparer.Outcome outcome) {
            sourceRows += outcome.sourceRows();
            targetRows += outcome.targetRows();
            pending.addAll(outcome.differences());
        }

        PartitionReport inProgress(List<Chunk> chunks) {
            return new PartitionReport(table, partition, range, Status.IN_PROGRESS, PartitionReport.KEY_RANGES, null,
                    sourceRows, targetRows, 0, 0, 0, 0, List.of(), List.of(), false, textTypes, notes, chunks,
                    chunksDone, List.copyOf(pending), elapsed());
        }

        PartitionReport notCompared(String reason) {
            return new PartitionReport(table, partition, range, Status.NOT_COMPARED, null, reason, 0, 0, 0, 0, 0, 0,
                    List.of(), List.of(), false, textTypes, notes, List.of(), 0, List.of(), elapsed());
        }

        PartitionReport finish(String method, Found found, int cap) {
            var confirmed = found.confirmed();
            long missing = count(confirmed, Difference.Kind.MISSING_IN_TARGET);
            long extra = count(confirmed, Difference.Kind.EXTRA_IN_TARGET);
            long different = count(confirmed, Difference.Kind.DIFFERENT);
            var listed = new ArrayList<Difference>();
            for (var kind : Difference.Kind.values()) {
                confirmed.stream().filter(d -> d.kind() == kind).limit(cap).forEach(listed::add);
            }
            boolean truncated = listed.size() < confirmed.size() || found.transients().size() > cap;
            var status = confirmed.isEmpty() ? Status.MATCH : Status.MISMATCH;
            return new PartitionReport(table, partition, range, status, method, null, found.sourceRows(),
                    found.targetRows(), missing, extra, different, found.transients().size(), listed,
                    found.transients().stream().limit(cap).toList(), truncated, textTypes, notes, List.of(), 0,
                    List.of(), elapsed());
        }

        private long count(List<Difference> differences, Difference.Kind kind) {
            return differences.stream().filter(d -> d.kind() == kind)
                    .mapToLong(d -> d.copies() == null ? 1 : d.copies()).sum();
        }

        private long elapsed() {
            return priorMillis + clock.getAsLong() - started;
        }
    }
}
