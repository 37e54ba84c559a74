package com.paymentmigration.rehearsal.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where one of the two PostgreSQL servers is, and how to log in. The same address is used by JDBC (the writer, the
 * ledger, the replication driver) and by the server on the other side, which connects to it for a subscription.
 */
public record Endpoint(String host, int port, String database, String user, String password) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port: give 1-65535");
        }
    }

    /** A new connection; properties, not URL concatenation, so no part of a name can change the driver's settings. */
    public Connection connect() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("PGHOST", host);
        properties.setProperty("PGPORT", Integer.toString(port));
        properties.setProperty("PGDBNAME", database);
        properties.setProperty("ApplicationName", "payment-migration-rehearsal");
        // "jdbc:postgresql://" with nothing after it: host, port and database come from the properties alone.
        return DriverManager.getConnection("jdbc:postgresql://", properties);
    }

    /** The JDBC URL of this database, for code that takes one (the validator); credentials stay out of it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The libpq connection string a subscription on the other server uses to reach this one. Every value is quoted
     * (libpq: single quotes, with backslash and quote escaped), so a password cannot inject another keyword.
     */
    public String conninfo() {
        var info = new StringBuilder()
                .append("host=").append(quoted(host))
                .append(" port=").append(port)
                .append(" dbname=").append(quoted(database))
                .append(" user=").append(quoted(user));
        if (password != null) {
            info.append(" password=").append(quoted(password));
        }
        return info.toString();
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
