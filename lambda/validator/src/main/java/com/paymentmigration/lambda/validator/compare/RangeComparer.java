package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.database.Side;
import com.paymentmigration.lambda.validator.database.Sides;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compares one chunk. Each database computes, in one range scan, a (count, sum of row digests) per leaf; only the
 * leaves whose sums differ are read row by row (key and row digest, never the values). Matching data costs one scan
 * per side, run on both sides at once; the client holds at most one batch of dirty leaves (about
 * {@link #ROWS_PER_READ} rows per side), whatever the number of differences: each batch's differences go to a sink.
 */
public final class RangeComparer {

    /** The rows one chunk held on each side. */
    public record Outcome(long sourceRows, long targetRows) {
    }

    /** Rows per side of the dirty leaves read at once: bounds what the client holds. */
    static final int ROWS_PER_READ = 64_000;
    /** Keys per lookup query: 500 composite keys of a few columns stay far below the driver's 32,767 parameters. */
    static final int KEYS_PER_LOOKUP = 500;

    private final Sides sides;
    private final ComparedTable table;
    private final KeySql keys;
    private final Fingerprint fingerprint;
    private final String rowHash;
    private final int leavesPerRead;

    public RangeComparer(Sides sides, ComparedTable table, KeySql keys, Fingerprint fingerprint, int leafRows) {
        this.sides = sides;
        this.table = table;
        this.keys = keys;
        this.fingerprint = fingerprint;
        this.rowHash = fingerprint.row();
        this.leavesPerRead = Math.max(1, ROWS_PER_READ / leafRows);
    }

    public Outcome compare(Chunk chunk, Consumer<List<Difference>> sink) {
        var sums = sides.both(side -> leafSums(side, chunk));
        var dirty = LeafSums.dirty(sums);
        var leaves = dirty.stream().map(chunk::leaf).toList();
        // Dirty leaves are read in batches: one round trip per batch instead of one per leaf (measured: 70
        // scattered differences cost 0.85 s leaf by leaf).
        for (int from = 0; from < leaves.size(); from += leavesPerRead) {
            var batch = leaves.subList(from, Math.min(leaves.size(), from + leavesPerRead));
            var rows = sides.both(side -> rowHashesIn(side, batch));
            sink.accept(diff(rows.source(), rows.target()));
        }
        return new Outcome(sums.source().rows(), sums.target().rows());
    }

    private LeafSums leafSums(Side side, Chunk chunk) {
        var thresholds = chunk.thresholds();
        var bucket = thresholds.isEmpty() ? "0" : keys.bucket(thresholds.size());
        var sql = "SELECT " + bucket + " AS leaf, count(*), sum(" + rowHash + ")::text FROM " + table.name().sql()
                + " WHERE " + keys.where(chunk.range()) + " GROUP BY 1";
        return side.query(sql, s -> {
            int next = thresholds.isEmpty() ? 1 : keys.bindBucket(s, 1, thresholds);
            keys.bind(s, next, chunk.range());
        }, LeafSums::read);
    }

    /** Key and row hash of every row in the given ranges. */
    public Map<List<String>, Long> rowHashesIn(Side side, List<KeyRange> ranges) {
        var where = ranges.stream().map(r -> "(" + keys.where(r) + ")").collect(java.util.stream.Collectors.joining(" OR "));
        var sql = "SELECT " + keys.texts() + ", " + rowHash + " FROM " + table.name().sql() + " WHERE " + where;
        return side.query(sql, s -> {
            int index = 1;
            for (var range : ranges) {
                index = keys.bind(s, index, range);
            }
        }, this::readKeyed);
    }

    /** Key and row hash of the listed keys (absent keys are simply not returned). */
    public Map<List<String>, Long> rowHashesOf(Side side, List<List<String>> listed) {
        return ofKeys(side, listed, rowHash, rows -> rows.getLong(keys.width() + 1));
    }

    /** Reads one value per row after the key columns. */
    @FunctionalInterface
    private interface ValueReader<V> {
        V read(java.sql.ResultSet rows) throws java.sql.SQLException;
    }

    /** {@code value} for each listed key, in batches: a composite key binds one parameter per column and key. */
    private <V> Map<List<String>, V> ofKeys(Side side, List<List<String>> listed, String value, ValueReader<V> reader) {
        var found = new HashMap<List<String>, V>();
        for (int from = 0; from < listed.size(); from += KEYS_PER_LOOKUP) {
            var batch = listed.subList(from, Math.min(listed.size(), from + KEYS_PER_LOOKUP));
            var sql = "SELECT " + keys.texts() + ", " + value + " FROM " + table.name().sql() + " WHERE " + keys.in(batch.size());
            side.query(sql, s -> keys.bindIn(s, 1, batch), rows -> {
                while (rows.next()) {
                    found.put(keys.read(rows), reader.read(rows));
                }
                return found;
            });
        }
        return found;
    }

    /**
     * For rows that differ, which compared columns do: each column hashed alone on both sides, so no value leaves
     * either database.
     */
    public Map<List<String>, List<String>> differingColumns(List<List<String>> listed) {
        var both = sides.both(side -> ofKeys(side, listed, fingerprint.columns() + "::text", rows -> {
            var text = rows.getString(keys.width() + 1);
            return text.substring(1, text.length() - 1).split(",");
        }));
        var result = new HashMap<List<String>, List<String>>();
        for (var key : listed) {
            var source = both.source().get(key);
            var target = both.target().get(key);
            var differing = new ArrayList<String>();
            for (int i = 0; source != null && target != null && i < source.length; i++) {
                if (!source[i].equals(target[i])) {
                    differing.add(table.columns().get(i).name());
                }
            }
            result.put(key, differing);
        }
        return result;
    }

    private Map<List<String>, Long> readKeyed(java.sql.ResultSet rows) throws java.sql.SQLException {
        var map = new HashMap<List<String>, Long>();
        while (rows.next()) {
            map.put(keys.read(rows), rows.getLong(keys.width() + 1));
        }
        return map;
    }

    static List<Difference> diff(Map<List<String>, Long> source, Map<List<String>, Long> target) {
        var differences = new ArrayList<Difference>();
        source.forEach((key, hash) -> {
            var kind = Difference.classify(hash, target.get(key));
            if (kind != null) {
                differences.add(Difference.of(key, kind));
            }
        });
        target.keySet().stream().filter(key -> !source.containsKey(key))
                .forEach(key -> differences.add(Difference.of(key, Difference.Kind.EXTRA_IN_TARGET)));
        return differences;
    }
}
