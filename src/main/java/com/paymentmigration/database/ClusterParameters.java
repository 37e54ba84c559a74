package com.paymentmigration.database;

import java.util.List;

/** The cluster parameters both regions set, and why. Pure data: the component and the policy rule read it. */
public final class ClusterParameters {

    /** One parameter: name, value, and whether the change waits for a reboot (static parameters must). */
    public record Parameter(String name, String value, String applyMethod) {
    }

    /** TLS forced: a client that does not negotiate TLS is refused. */
    public static final Parameter FORCE_SSL = new Parameter("rds.force_ssl", "1", "immediate");
    /** Logical replication, so Aurora can be a DMS CDC source for the reverse (rollback) task. Static. */
    public static final Parameter LOGICAL_REPLICATION = new Parameter("rds.logical_replication", "1", "pending-reboot");
    /** DMS requires 0 or at least 10 s; 60 s keeps dead replication connections from holding slots for long. */
    public static final Parameter WAL_SENDER_TIMEOUT = new Parameter("wal_sender_timeout", "60000", "immediate");

    public static final List<Parameter> ALL = List.of(FORCE_SSL, LOGICAL_REPLICATION, WAL_SENDER_TIMEOUT);

    private ClusterParameters() {
    }
}
