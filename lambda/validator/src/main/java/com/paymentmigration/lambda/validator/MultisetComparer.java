package com.paymentmigration.lambda.validator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A table without a primary key, compared as a multiset of whole rows: per side, (count, sum of row hashes) in
 * 1,024 buckets of the row hash; in dirty buckets, the count of each distinct row hash. A difference is a row
 * (shown by its text) that one side holds more copies of. Re-checked after a delay like keyed rows.
 */
final class MultisetComparer {

    private static final int BUCKETS = 1024;

    private final Sides sides;
    private final ComparedTable table;
    private final String rowHash;
    private final Options options;
    private final Recheck.Sleeper sleeper;

    MultisetComparer(Sides sides, ComparedTable table, String rowHash, Options options, Recheck.Sleeper sleeper) {
        this.sides = sides;
        this.table = table;
        this.rowHash = rowHash;
        this.options = options;
        this.sleeper = sleeper;
    }

    PartitionValidator.Found compare() {
        var from = " FROM (SELECT " + rowHash + " AS h FROM " + table.name().sql() + ") AS hashed";
        var sums = sides.both(side -> side.query("SELECT (h & " + (BUCKETS - 1) + ")::int, count(*), sum(h)::text" + from
                + " GROUP BY 1", s -> { }, LeafSums::read));
        long sourceRows = sums.source().rows();
        long targetRows = sums.target().rows();
        var dirty = LeafSums.dirty(sums);
        if (dirty.isEmpty()) {
            return new PartitionValidator.Found(sourceRows, targetRows, List.of(), List.of());
        }
        var bucketList = dirty.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        var counts = sides.both(side -> counts(side, from + " WHERE (h & " + (BUCKETS - 1) + ") = ANY(?::int8[])", bucketList));
        var candidates = surplus(counts);
        var recheck = Recheck.run(candidates, hashes -> {
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
        return new PartitionValidator.Found(sourceRows, targetRows, described(recheck.confirmed(), counts), recheck.transients());
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

    /** One candidate per row hash whose counts differ; its key is the hash until the row text is looked up. */
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

    /** Replaces each confirmed hash by the row's text, read from the side that has the surplus copies. */
    private List<Difference> described(List<Difference> confirmed, Sides.Pair<Map<Long, Long>> counts) {
        var shown = confirmed.stream().limit(options.maxReportedRows()).toList();
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
        for (var difference : confirmed) {
            long hash = Long.parseLong(difference.key().get(0));
            var text = texts.source().getOrDefault(hash, texts.target().get(hash));
            var key = text == null ? difference.key() : List.of(text);
            result.add(new Difference(key, difference.kind(), null, difference.copies()));
        }
        return result;
    }
}
