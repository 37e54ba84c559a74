package com.paymentmigration.lambda.validator.compare;

import java.util.List;

/**
 * A slice of a partition checked by one pair of queries: its key range and the sampled keys that cut it into
 * leaves of about {@code leafRows} rows. Stored with the progress, so a resumed run checks the same slices.
 */
public record Chunk(KeyRange range, List<List<String>> thresholds) {

    /** The key range of leaf {@code bucket} as {@code width_bucket} numbers them: 0 before the first threshold. */
    public KeyRange leaf(int bucket) {
        var lower = bucket == 0 ? range.lower() : thresholds.get(bucket - 1);
        var upper = bucket == thresholds.size() ? range.upper() : thresholds.get(bucket);
        return new KeyRange(lower, upper);
    }
}
