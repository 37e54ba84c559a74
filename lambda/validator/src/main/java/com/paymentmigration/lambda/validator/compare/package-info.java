/**
 * How one partition is compared: row digests computed inside both databases ({@code Fingerprint}), leaf sums per
 * key range and dirty leaves read row by row ({@code RangeComparer}), tables without a key as multisets, the
 * re-check that tells transient differences from confirmed ones, and {@code PartitionValidator}, which drives it
 * chunk by chunk into a {@code PartitionReport}. Separate because it is the algorithm itself: it reads the schema and
 * the databases, and knows nothing of events, stores or how partitions become a run.
 */
package com.paymentmigration.lambda.validator.compare;
