package com.paymentmigration.rehearsal.data;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Two real PostgreSQL servers, on-prem and Aurora, each with its own fresh database per test, both with
 * {@code wal_level = logical} as the migration requires of each side.
 */
final class TwoServers implements AutoCloseable {

    private static EmbeddedPostgres onpremServer;
    private static EmbeddedPostgres auroraServer;
    private static int databases;

    final Endpoint onprem;
    final Endpoint aurora;
    /** Slots are named per server, not per database: each test's replication names carry its database's. */
    final String prefix;

    private TwoServers(Endpoint onprem, Endpoint aurora) {
        this.onprem = onprem;
        this.aurora = aurora;
        this.prefix = onprem.database() + "_";
    }

    static synchronized TwoServers fresh() throws SQLException {
        if (onpremServer == null) {
            onpremServer = start();
            auroraServer = start();
        }
        var name = "rehearsal_" + (++databases);
        return new TwoServers(database(onpremServer, name), database(auroraServer, name));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_wal_senders", "32")
                    .setServerConfig("max_logical_replication_workers", "16")
                    .setServerConfig("wal_sender_timeout", "5s")
                    // Synchronous commit, as a payments database runs: replication reads only flushed WAL.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Endpoint database(EmbeddedPostgres server, String name) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new Endpoint("localhost", server.getPort(), name, "postgres", null);
    }

    /** Drops this test's subscriptions first: a subscription holds a connection to the other server's database. */
    @Override
    public void close() throws SQLException {
        for (var endpoint : new Endpoint[]{onprem, aurora}) {
            try (var connection = endpoint.connect(); var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT subname FROM pg_subscription"
                         + " WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                var names = new java.util.ArrayList<String>();
                while (result.next()) {
                    names.add(result.getString(1));
                }
                for (var subscription : names) {
                    statement.execute("ALTER SUBSCRIPTION " + subscription + " DISABLE");
                    statement.execute("ALTER SUBSCRIPTION " + subscription + " SET (slot_name = NONE)");
                    statement.execute("DROP SUBSCRIPTION " + subscription);
                }
            }
        }
        // Slots left behind would pin WAL on the servers the next tests share.
        for (var endpoint : new Endpoint[]{onprem, aurora}) {
            try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
                statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE database = current_database() AND NOT active");
            }
        }
    }
}
