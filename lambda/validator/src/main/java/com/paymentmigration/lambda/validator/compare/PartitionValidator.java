package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.ChangeTrackingException;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.schema.Catalog;
import com.paymentmigration.lambda.validator.schema.TableSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Validates one partition of one table, chunk by chunk: each finished chunk is handed to {@code checkpoint}, so a
 * run stopped by its deadline (or killed) resumes from the last finished chunk. Differences are re-checked in
 * batches of at most {@link #RECHECK_BATCH} (once at the end when there are fewer), their differing columns looked
 * up for the listed ones, and the verdict given.
 *
 * <p>Memory does not grow with the number of differences: at most {@link #RECHECK_BATCH} pending differences, one
 * batch of dirty leaves ({@link RangeComparer#ROWS_PER_READ} rows per side, or one leaf if larger), and
 * {@code maxReportedRows} listed per kind.
 */
public final class PartitionValidator {

    /** Milliseconds left in this invocation. */
    public interface Deadline {
        long remainingMillis();

        Deadline NONE = () -> Long.MAX_VALUE;
    }

    /** Leaves this much time after the slowest chunk so far, for the re-check and the report. */
    static final long RESERVE_MILLIS = 30_000;
    /** Differences held before they are re-checked: about 10 MB of keys, and one wait per this many. */
    static final int RECHECK_BATCH = 50_000;
    /** Both sides run at least this version: {@code extract(epoch)} is an exact numeric from 14 on. */
    private static final int EXACT_EPOCH_VERSION = 140000;

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
        var fingerprint = fingerprint(table);
        var notes = new ArrayList<String>();
        var tally = new Tally(selection.name().toString(), partition, range, fingerprint, notes, started);
        if (!table.hasPrimaryKey()) {
            if (!selection.compareWithoutKey()) {
                var report = tally.notCompared("no primary key: rows cannot be matched by key. Add a primary key, or set "
                        + "compareWithoutKey for this table to compare it as a multiset of whole rows");
                checkpoint.accept(report);
                return report;
            }
            var rows = new MultisetComparer(sides, table, fingerprint.row(), options, sleeper).compare(tally.findings);
            tally.sourceRows = rows.source();
            tally.targetRows = rows.target();
            var report = tally.finish(PartitionReport.MULTISET);
            checkpoint.accept(report);
            return report;
        }
        var byteOrder = KeyOrdering.byteOrderReason(sides, table, shapes.target());
        if (byteOrder != null) {
            notes.add(byteOrder);
        }
        var keys = new KeySql(table.key(), byteOrder != null);
        var comparer = new RangeComparer(sides, table, keys, fingerprint, options.leafRows());
        List<Chunk> chunks;
        if (resumed != null && resumed.status() == Status.IN_PROGRESS) {
            chunks = resumed.chunks();
            tally.resume(resumed);
        } else {
            var sampling = KeySampler.sampling(table.estimatedRows(), table.pages(), options.leafRows());
            var sample = KeySampler.sample(sides.source(), table, keys, range, sampling);
            chunks = KeySampler.chunks(sample, range, sampling.rowsPerKey(), options.rowsPerChunk(), options.leafRows());
        }
        long slowest = 0;
        long readStarted = clock.getAsLong();
        long rowsAtStart = tally.sourceRows;
        int firstChunk = tally.chunksDone;
        for (int i = firstChunk; i < chunks.size(); i++) {
            // At least one chunk per invocation, so every invocation makes progress.
            if (i > firstChunk && deadline.remainingMillis() < 2 * slowest + RESERVE_MILLIS) {
                var report = tally.inProgress(chunks);
                checkpoint.accept(report);
                return report;
            }
            long chunkStarted = clock.getAsLong();
            var outcome = comparer.compare(chunks.get(i), differences -> tally.found(differences, comparer));
            tally.sourceRows += outcome.sourceRows();
            tally.targetRows += outcome.targetRows();
            tally.chunksDone = i + 1;
            slowest = Math.max(slowest, clock.getAsLong() - chunkStarted);
            checkpoint.accept(tally.inProgress(chunks));
            throttle(tally.sourceRows - rowsAtStart, clock.getAsLong() - readStarted);
        }
        tally.recheck(comparer);
        var report = tally.finish(PartitionReport.KEY_RANGES);
        checkpoint.accept(report);
        return report;
    }

    /**
     * Compares exactly the listed keys (the rows that can have changed since a full run: see
     * {@link com.paymentmigration.lambda.validator.ChangePlanner}), by row hash on both sides, in batches; differences
     * go through the same re-check (none when {@code recheckAttempts} is 0) and report as a full run's do.
     */
    public PartitionReport runKeys(TableSelection selection, int partition, List<List<String>> listed) {
        long started = clock.getAsLong();
        var shapes = sides.both(side -> Catalog.describe(side, selection.name()));
        var table = ComparedTable.of(selection, shapes.source(), shapes.target());
        if (!table.hasPrimaryKey()) {
            throw new ChangeTrackingException("table " + selection.name() + " has no primary key: rows cannot be looked "
                    + "up by key; plan the run again (such a table is checked in full)");
        }
        var fingerprint = fingerprint(table);
        var tally = new Tally(selection.name().toString(), partition, KeyRange.ALL, fingerprint, new ArrayList<>(), started);
        // Equality under "C" is byte equality: each listed key finds exactly its row, whatever the key's collation.
        var comparer = new RangeComparer(sides, table, new KeySql(table.key(), true), fingerprint, options.leafRows());
        var seen = new java.util.HashSet<List<String>>();
        for (int from = 0; from < listed.size(); from += RECHECK_BATCH) {
            var batch = listed.subList(from, Math.min(listed.size(), from + RECHECK_BATCH));
            var hashes = sides.both(side -> comparer.rowHashesOf(side, batch));
            var differences = new ArrayList<Difference>();
            var keys = new java.util.LinkedHashSet<>(hashes.source().keySet());
            keys.addAll(hashes.target().keySet());
            for (var key : keys) {
                if (!seen.add(key)) {
                    continue;
                }
                var source = hashes.source().get(key);
                var target = hashes.target().get(key);
                tally.sourceRows += source == null ? 0 : 1;
                tally.targetRows += target == null ? 0 : 1;
                var kind = Difference.classify(source, target);
                if (kind != null) {
                    differences.add(Difference.of(key, kind));
                }
            }
            tally.found(differences, comparer);
        }
        tally.recheck(comparer);
        return tally.finish(PartitionReport.CHANGED_KEYS);
    }

    private Fingerprint fingerprint(ComparedTable table) {
        return table.fingerprint(Math.min(sides.source().serverVersion(), sides.target().serverVersion())
                >= EXACT_EPOCH_VERSION);
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

    /** The running totals of one partition. */
    final class Tally {
        final String table;
        final int partition;
        final KeyRange range;
        final Map<String, String> textTypes = new TreeMap<>();
        final Map<String, String> columnRules;
        final List<String> notes;
        final long started;
        final Findings findings = new Findings(options.maxReportedRows());
        long sourceRows;
        long targetRows;
        int chunksDone;
        long priorMillis;
        final List<Difference> pending = new ArrayList<>();

        Tally(String table, int partition, KeyRange range, Fingerprint fingerprint, List<String> notes, long started) {
            this.table = table;
            this.partition = partition;
            this.range = range;
            this.columnRules = fingerprint.rules();
            fingerprint.textTypes().forEach(textTypes::put);
            this.notes = notes;
            this.started = started;
        }

        void resume(PartitionReport from) {
            sourceRows = from.sourceRows();
            targetRows = from.targetRows();
            chunksDone = from.chunksDone();
            priorMillis = from.millis();
            findings.add(from);
            pending.addAll(from.pending());
        }

        /** Differences of one batch of dirty leaves; re-checked once enough are pending, so memory stays bounded. */
        void found(List<Difference> differences, RangeComparer comparer) {
            pending.addAll(differences);
            if (pending.size() >= RECHECK_BATCH) {
                recheck(comparer);
            }
        }

        void recheck(RangeComparer comparer) {
            if (pending.isEmpty()) {
                return;
            }
            var result = Recheck.run(List.copyOf(pending), listed -> sides.both(side -> comparer.rowHashesOf(side, listed)),
                    Recheck.Reread.BY_KEY, options.recheckDelay(), options.recheckAttempts(), sleeper);
            pending.clear();
            findings.add(result, shown -> withColumns(shown, comparer));
        }

        private List<Difference> withColumns(List<Difference> shown, RangeComparer comparer) {
            var changed = shown.stream().filter(d -> d.kind() == Difference.Kind.DIFFERENT).map(Difference::key).toList();
            if (changed.isEmpty()) {
                return shown;
            }
            var columns = comparer.differingColumns(changed);
            return shown.stream().map(d -> columns.containsKey(d.key()) ? d.withColumns(columns.get(d.key())) : d).toList();
        }

        PartitionReport inProgress(List<Chunk> chunks) {
            return report(Status.IN_PROGRESS, PartitionReport.KEY_RANGES, null, chunks, List.copyOf(pending));
        }

        PartitionReport notCompared(String reason) {
            return report(Status.NOT_COMPARED, null, reason, List.of(), List.of());
        }

        PartitionReport finish(String method) {
            return report(findings.mismatches() == 0 ? Status.MATCH : Status.MISMATCH, method, null, List.of(), List.of());
        }

        private PartitionReport report(Status status, String method, String reason, List<Chunk> chunks,
                                       List<Difference> stillPending) {
            return new PartitionReport(table, partition, range, status, method, reason, sourceRows, targetRows,
                    findings.count(Difference.Kind.MISSING_IN_TARGET), findings.count(Difference.Kind.EXTRA_IN_TARGET),
                    findings.count(Difference.Kind.DIFFERENT), findings.transientCount(), findings.differences(),
                    findings.transients(), findings.truncated(), options.maxReportedRows(), textTypes, columnRules,
                    notes, chunks, chunksDone, stillPending, priorMillis + clock.getAsLong() - started);
        }
    }
}
