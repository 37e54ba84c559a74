package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.MalformedEventException;

import java.time.Duration;

/**
 * How a run behaves; every value has a default that suits a Lambda invocation against production databases.
 *
 * @param rowsPerChunk     rows per pair of chunk queries: the unit of progress, resumption and throttling
 * @param leafRows         rows per leaf: a dirty leaf is read row by row, so this bounds the client's memory
 * @param maxRowsPerSecond cap on rows read from the source per second (0: no cap)
 * @param recheckDelay     wait before re-reading differing rows, so in-flight replication can land
 * @param recheckAttempts  re-reads before a difference counts as confirmed; 0 for a run during the write freeze,
 *                         where nothing may move: every difference seen counts, none is excused as transient
 * @param maxReportedRows  differing keys listed per kind in a report (counts stay exact)
 */
public record Options(int rowsPerChunk, int leafRows, long maxRowsPerSecond, Duration recheckDelay,
                      int recheckAttempts, int maxReportedRows) {

    public static final Options DEFAULTS = new Options(500_000, 1_000, 0, Duration.ofSeconds(5), 2, 1_000);

    public Options {
        require(rowsPerChunk >= 1_000 && rowsPerChunk <= 50_000_000, "rowsPerChunk", "between 1000 and 50000000");
        require(leafRows >= 10 && leafRows <= 100_000 && leafRows <= rowsPerChunk, "leafRows",
                "between 10 and 100000 and at most rowsPerChunk");
        require(maxRowsPerSecond >= 0, "maxRowsPerSecond", "0 (no cap) or more");
        require(!recheckDelay.isNegative() && recheckDelay.compareTo(Duration.ofMinutes(5)) <= 0, "recheckDelaySeconds",
                "between 0 and 300");
        require(recheckAttempts >= 0 && recheckAttempts <= 10, "recheckAttempts",
                "between 0 (no re-check: every difference counts) and 10");
        require(maxReportedRows >= 1 && maxReportedRows <= 100_000, "maxReportedRows", "between 1 and 100000");
    }

    private static void require(boolean valid, String name, String range) {
        if (!valid) {
            throw new MalformedEventException("option " + name + " must be " + range);
        }
    }
}
