package com.paymentmigration.rehearsal.data;

/**
 * One look at a replication direction.
 *
 * @param exists      the subscription exists on the target
 * @param enabled     it is enabled (a running task), not disabled (a stopped one)
 * @param applying    its apply worker is connected and running
 * @param tables      tables it replicates
 * @param loaded      tables whose initial copy is done (state {@code r}, ready)
 * @param lagBytes    WAL the source has written beyond what the target confirmed; -1 without a slot
 * @param sourceLsn   the source's current WAL position
 */
public record ReplicationStatus(boolean exists, boolean enabled, boolean applying, int tables, int loaded,
                                long lagBytes, String sourceLsn) {

    public boolean fullLoadDone() {
        return exists && tables > 0 && loaded == tables;
    }
}
