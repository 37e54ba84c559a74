package com.paymentmigration.rehearsal.data;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Two PostgreSQL servers started from Maven artifacts, one standing for on-prem and one for Aurora, configured as the
 * migration requires of each side: {@code wal_level = logical}, slots and senders to spare, a
 * {@code wal_sender_timeout} DMS accepts (10 s or more), synchronous commit as a payments database runs. Started once
 * per JVM; each rehearsal gets a fresh database on each ({@link #fresh}), so slot names carry the database's name.
 */
public final class EmbeddedServers {

    private static EmbeddedServers shared;
    private static int databases;

    private final EmbeddedPostgres onprem;
    private final EmbeddedPostgres aurora;

    private EmbeddedServers(EmbeddedPostgres onprem, EmbeddedPostgres aurora) {
        this.onprem = onprem;
        this.aurora = aurora;
    }

    /** The two servers of this JVM, started on first use and stopped when it exits. */
    public static synchronized EmbeddedServers shared() {
        if (shared == null) {
            shared = new EmbeddedServers(start(), start());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-servers-stop"));
        }
        return shared;
    }

    /** A pair of new, empty databases named {@code <prefix>_<n>}, one on each server. */
    public synchronized Pair fresh(String prefix) throws SQLException {
        var name = prefix + "_" + (++databases);
        return new Pair(database(onprem, name), database(aurora, name));
    }

    /** On-prem and Aurora as the rehearsal reaches them. */
    public record Pair(Endpoint onprem, Endpoint aurora) {

        /** Replication objects of this pair are named after its database: slots are per server. */
        public String prefix() {
            return onprem.database() + "_";
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_wal_senders", "32")
                    .setServerConfig("max_logical_replication_workers", "16")
                    // DMS refuses a shorter one, and so does replication-ops' preflight.
                    .setServerConfig("wal_sender_timeout", "10s")
                    // The subscriber confirms what it applied every second, not every ten: the slot's confirmed
                    // position (what the rehearsal's CDC latency reads) then trails by at most that.
                    .setServerConfig("wal_receiver_status_interval", "1s")
                    // Synchronous commit, as a payments database runs: replication reads only flushed WAL.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private static Endpoint database(EmbeddedPostgres server, String name) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new Endpoint("localhost", server.getPort(), name, "postgres", null);
    }

    private void stop() {
        for (var server : new EmbeddedPostgres[]{onprem, aurora}) {
            try {
                server.close();
            } catch (IOException e) {
                // The JVM is exiting; a server that does not stop cleanly is stopped with it.
            }
        }
    }
}
