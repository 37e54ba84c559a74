package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.database.Side;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.schema.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A table without a primary key, compared as a multiset of whole rows: per side, (count, sum of row digests) in
 * {@link #BUCKETS} buckets of the digest; in dirty buckets, read a batch of buckets at a time, the count of each
 * distinct digest. A difference is a row (shown by its text) that one side holds more copies of. Re-checked after a
 * delay like keyed rows, in batches, so memory holds one batch of buckets and {@link PartitionValidator#RECHECK_BATCH}
 * candidates at most.
 */
final class MultisetComparer {

    /** Rows each side held. */
    record Rows(long source, long target) {
    }

    private static final int BUCKETS = 4096;

    private final Sides sides;
    private final ComparedTable table;
    private final String rowHash;
    private final Options options;
    private final Recheck.Sleeper sleeper;
    private final String from;

    MultisetComparer(Sides sides, ComparedTable table, String rowHash, Options options, Recheck.Sleeper sleeper) {
        this.sides = sides;
        this.table = table;
        this.rowHash = rowHash;
        this.options = options;
        this.sleeper = sleeper;
        this.from = " FROM (SELECT " + rowHash + " AS h FROM " + table.name().sql() + ") AS hashed";
    }

    Rows compare(Findings findings) {
        var sums = sides.both(side -> side.query("SELECT (h & " + (BUCKETS - 1) + ")::int, count(*), sum(h)::text" + from
                + " GROUP BY 1", s -> { }, LeafSums::read));
        var pending = new ArrayList<Difference>();
        var batch = new ArrayList<Integer>();
        long batchRows = 0;
        for (int bucket : LeafSums.dirty(sums)) {
            long rows = Math.max(sums.source().rows(bucket), sums.target().rows(bucket));
            if (!batch.isEmpty() && batchRows + rows > RangeComparer.ROWS_PER_READ) {
                pending.addAll(candidates(batch));
                batch.clear();
                batchRows = 0;
            }
            batch.add(bucket);
            batchRows += rows;
            if (pending.size() >= PartitionValidator.RECHECK_BATCH) {
                recheck(pending, findings);
            }
        }
        if (!batch.isEmpty()) {
            pending.addAll(candidates(batch));
        }
        recheck(pending, findings);
        return new Rows(sums.source().rows(), sums.target().rows());
    }

    private List<Difference> candidates(List<Integer> buckets) {
        var list = buckets.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return surplus(sides.both(side -> counts(side, from + " WHERE (h & " + (BUCKETS - 1) + ") = ANY(?::int8[])", list)));
    }

    private void recheck(List<Difference> pending, Findings findings) {
        if (pending.isEmpty()) {
            return;
        }
        var result = Recheck.run(List.copyOf(pending), hashes -> {
            var list = hashes.stream().map(k -> k.get(0)).collect(Collectors.joining(",", "{", "}"));
            var again = sides.both(side -> counts(side, from + " WHERE h = ANY(?::int8[])", list));
            var source = new HashMap<List<String>, Long>();
            var target = new HashMap<List<String>, Long>();
            for (var key : hashes) {
                long hash = Long.parseLong(key.get(0));
                source.put(key, again.source().getOrDefault(hash, 0L));
                target.put(key, again.target().getOrDefault(hash, 0L));
            }
            return new Sides.Pair<>(source, target);
        }, MultisetComparer::surplus, options.recheckDelay(), options.recheckAttempts(), sleeper);
        pending.clear();
        findings.add(result, this::described);
    }

    private Map<Long, Long> counts(Side side, String fromWhere, String array) {
        return side.query("SELECT h, count(*)" + fromWhere + " GROUP BY h", s -> s.setString(1, array), rows -> {
            var map = new HashMap<Long, Long>();
            while (rows.next()) {
                map.put(rows.getLong(1), rows.getLong(2));
            }
            return map;
        });
    }

    /** One candidate per row digest whose counts differ; its key is the digest until the row text is looked up. */
    private static List<Difference> surplus(Sides.Pair<Map<Long, Long>> counts) {
        var hashes = new TreeSet<>(counts.source().keySet());
        hashes.addAll(counts.target().keySet());
        var candidates = new ArrayList<Difference>();
        for (long hash : hashes) {
            var candidate = surplus(new Difference(List.of(Long.toString(hash)), null, null, null),
                    counts.source().getOrDefault(hash, 0L), counts.target().getOrDefault(hash, 0L));
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** The side with more copies of a row, and how many more; null when both hold as many. */
    private static Difference surplus(Difference candidate, Long source, Long target) {
        long delta = source - target;
        if (delta == 0) {
            return null;
        }
        var kind = delta > 0 ? Difference.Kind.MISSING_IN_TARGET : Difference.Kind.EXTRA_IN_TARGET;
        return new Difference(candidate.key(), kind, null, Math.abs(delta));
    }

    /** Replaces each listed digest by the row's text, read from whichever side holds the row. */
    private List<Difference> described(List<Difference> shown) {
        if (shown.isEmpty()) {
            return shown;
        }
        var list = shown.stream().map(d -> d.key().get(0)).collect(Collectors.joining(",", "{", "}"));
        var values = table.columns().stream().map(Column::sql).collect(Collectors.joining(", "));
        var sql = "SELECT DISTINCT ON (h) h, row_text FROM (SELECT " + rowHash + " AS h, ROW(" + values
                + ")::text AS row_text FROM " + table.name().sql() + ") AS hashed WHERE h = ANY(?::int8[])";
        var texts = sides.both(side -> side.query(sql, s -> s.setString(1, list), rows -> {
            var map = new HashMap<Long, String>();
            while (rows.next()) {
                map.put(rows.getLong(1), rows.getString(2));
            }
            return map;
        }));
        var result = new ArrayList<Difference>();
        for (var difference : shown) {
            long hash = Long.parseLong(difference.key().get(0));
            var text = texts.source().getOrDefault(hash, texts.target().get(hash));
            var key = text == null ? difference.key() : List.of(text);
            result.add(new Difference(key, difference.kind(), null, difference.copies()));
        }
        return result;
    }
}
