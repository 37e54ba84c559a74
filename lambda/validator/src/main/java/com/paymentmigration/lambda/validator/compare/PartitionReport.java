package com.paymentmigration.lambda.validator.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One partition's result, and while {@code status} is IN_PROGRESS, the state a resumed run continues from:
 * its chunks, how many are done, and the differences found but not yet re-checked ({@code pending}). Also the
 * shape of a table's merged report ({@code partition} -1, no chunks). Schema: see the README.
 *
 * @param truncated       some differences or transients are counted but not listed
 * @param maxReportedRows differences listed per kind (and transients listed), the run's option, so that the final
 *                        merge caps as the partitions did
 * @param textTypes       types compared through their text form, with what equal means for them
 * @param columnRules     each compared column and the
 *                        {@link com.paymentmigration.lambda.validator.schema.ValueRule} it is compared by
 * @param notes           anything that changed how the table was compared (byte ordering of keys)
 * @param pending         differences found but not yet re-checked (at most {@link PartitionValidator#RECHECK_BATCH})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartitionReport(String table, int partition, KeyRange range, Status status, String method,
                              String reason, long sourceRows, long targetRows, long missingInTarget,
                              long extraInTarget, long different, long transientDifferences,
                              List<Difference> differences, List<Difference> transients, boolean truncated,
                              int maxReportedRows, Map<String, String> textTypes, Map<String, String> columnRules,
                              List<String> notes, List<Chunk> chunks,
                              int chunksDone, List<Difference> pending, long millis) {

    /** Empty collections are left out of the JSON; read back, they are empty again, never null. */
    public PartitionReport {
        differences = differences == null ? List.of() : differences;
        transients = transients == null ? List.of() : transients;
        textTypes = textTypes == null ? Map.of() : textTypes;
        columnRules = columnRules == null ? Map.of() : columnRules;
        notes = notes == null ? List.of() : notes;
        chunks = chunks == null ? List.of() : chunks;
        pending = pending == null ? List.of() : pending;
        range = range == null ? KeyRange.ALL : range;
    }

    public static final String KEY_RANGES = "key-ranges";
    public static final String MULTISET = "multiset";
    /**
     * Only the rows that can have changed since a full run were compared (see
     * {@link com.paymentmigration.lambda.validator.ChangePlanner}).
     */
    public static final String CHANGED_KEYS = "changed-keys";

    public long mismatches() {
        return missingInTarget + extraInTarget + different;
    }

    public boolean complete() {
        return status != Status.IN_PROGRESS;
    }
}
