package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.database.Sides;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-bucket {@code (count, sum of row digests)} as both comparers read them: leaves of a key range, or row-hash
 * buckets of a table without a key. Rows of (bucket int, count, sum as text).
 */
final class LeafSums {

    private record LeafSum(long rows, String sum) {
        static final LeafSum EMPTY = new LeafSum(0, "0");
    }

    private final Map<Integer, LeafSum> sums;

    private LeafSums(Map<Integer, LeafSum> sums) {
        this.sums = sums;
    }

    static LeafSums read(ResultSet rows) throws SQLException {
        var sums = new HashMap<Integer, LeafSum>();
        while (rows.next()) {
            sums.put(rows.getInt(1), new LeafSum(rows.getLong(2), rows.getString(3)));
        }
        return new LeafSums(sums);
    }

    long rows() {
        return sums.values().stream().mapToLong(LeafSum::rows).sum();
    }

    long rows(int bucket) {
        return sums.getOrDefault(bucket, LeafSum.EMPTY).rows();
    }

    /** The buckets whose count or sum differ between the sides, in order. */
    static TreeSet<Integer> dirty(Sides.Pair<LeafSums> both) {
        var source = both.source().sums;
        var target = both.target().sums;
        var dirty = new TreeSet<>(source.keySet());
        dirty.addAll(target.keySet());
        dirty.removeIf(b -> source.getOrDefault(b, LeafSum.EMPTY).equals(target.getOrDefault(b, LeafSum.EMPTY)));
        return dirty;
    }
}
