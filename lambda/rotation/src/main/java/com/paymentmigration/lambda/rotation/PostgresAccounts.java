package com.paymentmigration.lambda.rotation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Logs in and changes passwords over JDBC, with TLS unless configured otherwise (tests against a local server). */
public final class PostgresAccounts implements Accounts {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private final String sslMode;

    /** @param sslMode libpq sslmode: {@code require} against Aurora (TLS is forced there), {@code disable} in tests */
    public PostgresAccounts(String sslMode) {
        this.sslMode = sslMode;
    }

    @Override
    public boolean canLogin(Credentials credentials) {
        try (var connection = connect(credentials); var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void setPassword(Credentials admin, Credentials target, String template) {
        try (var connection = connect(admin)) {
            boolean exists;
            try (var query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                query.setString(1, target.username());
                try (var rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            // Utility statements take no bind parameters: format() quotes the name and the literal server-side.
            execute(connection, exists ? "ALTER ROLE %I WITH PASSWORD %L" : "CREATE ROLE %I WITH LOGIN PASSWORD %L",
                    target.username(), target.password());
            if (!exists && template != null && !template.equals(target.username())) {
                execute(connection, "GRANT %I TO %I", template, target.username());
            }
        } catch (SQLException e) {
            // The driver's message never contains the password; the SQL state tells permission from network.
            throw new RotationException("cannot set the password of " + target.username() + " as " + admin.username()
                    + " on " + admin.host() + " (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String template, String... arguments) throws SQLException {
        var placeholders = "?, ".repeat(arguments.length);
        try (var format = connection.prepareStatement("SELECT format(?, " + placeholders.substring(0, placeholders.length() - 2) + ")")) {
            format.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                format.setString(i + 2, arguments[i]);
            }
            String sql;
            try (var rows = format.executeQuery()) {
                rows.next();
                sql = rows.getString(1);
            }
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private Connection connect(Credentials credentials) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", credentials.username());
        properties.setProperty("password", credentials.password());
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "secret-rotation");
        return DriverManager.getConnection("jdbc:postgresql://" + credentials.host() + ":" + credentials.port() + "/"
                + credentials.database(), properties);
    }
}
