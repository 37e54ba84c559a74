package com.paymentmigration.rehearsal.data;

import java.sql.SQLException;

/**
 * Two real PostgreSQL servers ({@link EmbeddedServers}), on-prem and Aurora, each with its own fresh database per
 * test, dropping what the test left replicating when it ends.
 */
final class TwoServers implements AutoCloseable {

    final Endpoint onprem;
    final Endpoint aurora;
    /** Slots are named per server, not per database: each test's replication names carry its database's. */
    final String prefix;

    private TwoServers(EmbeddedServers.Pair pair) {
        this.onprem = pair.onprem();
        this.aurora = pair.aurora();
        this.prefix = pair.prefix();
    }

    static TwoServers fresh() throws SQLException {
        return new TwoServers(EmbeddedServers.shared().fresh("rehearsal"));
    }

    /** Drops this test's subscriptions first: a subscription holds a connection to the other server's database. */
    @Override
    public void close() throws SQLException {
        LogicalReplication.dropEverything(onprem);
        LogicalReplication.dropEverything(aurora);
        // Slots left behind would pin WAL on the servers the next tests share.
        LogicalReplication.dropIdleSlots(onprem);
        LogicalReplication.dropIdleSlots(aurora);
    }
}
