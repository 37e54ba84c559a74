package com.paymentmigration.lambda.validator.report;

import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;

import java.util.List;

/**
 * The whole run, written once every partition is complete: one merged report per table, and the verdict.
 * MISMATCH if any table differs; otherwise NOT_COMPARED if any table could not be compared; otherwise MATCH.
 */
public record RunReport(Status status, boolean complete, long sourceRows, long mismatches, long transientDifferences,
                        List<PartitionReport> tables) {
}
