package com.paymentmigration.replication;

/** The two tasks: what each replicates, and how DMS migrates it. */
public enum ReplicationDirection {
    /** On-prem to Aurora: the full load, then CDC until the cutover. */
    FORWARD("forward", "full-load-and-cdc"),
    /** Aurora back to on-prem from the cutover on: CDC only, the rollback path. */
    REVERSE("reverse", "cdc");

    /** The purpose in the task's name. */
    public final String purpose;
    /** The task's migration type, as the DMS API spells it ({@code MigrationTypeValue}). */
    public final String migrationType;

    ReplicationDirection(String purpose, String migrationType) {
        this.purpose = purpose;
        this.migrationType = migrationType;
    }
}
