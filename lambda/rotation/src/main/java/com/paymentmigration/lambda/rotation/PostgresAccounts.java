package com.paymentmigration.lambda.rotation;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs in and changes passwords over JDBC. A password never travels as SQL text: pgjdbc computes the SCRAM-SHA-256
 * verifier on the client ({@link PGConnection#alterUserPassword}) and the statement carries only that, so neither
 * {@code log_statement} nor the statement logged with a failure (log_min_error_statement) can show the password.
 */
public final class PostgresAccounts implements Accounts {

    /** Never "md5" or the server's default: the verifier format is ours to choose, and SCRAM is the only sound one. */
    static final String PASSWORD_ENCRYPTION = "scram-sha-256";
    /** Role attributes that membership does not pass on, as {@code pg_roles} column and ALTER ROLE keyword. */
    private static final String[][] ATTRIBUTES = {{"rolsuper", "SUPERUSER"}, {"rolcreaterole", "CREATEROLE"},
            {"rolcreatedb", "CREATEDB"}, {"rolreplication", "REPLICATION"}, {"rolbypassrls", "BYPASSRLS"}};

    private final ConnectionSettings settings;

    public PostgresAccounts(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public String loginFailure(Credentials credentials) {
        try (var connection = settings.connect(credentials); var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            return describe(e);
        }
    }

    @Override
    public void changeOwnPassword(Credentials self, Credentials target) {
        try (var connection = settings.connect(self)) {
            requireWriter(connection, self);
            setPassword(connection, target);
        } catch (SQLException e) {
            throw new RotationException("cannot set the password of " + target.username() + " as itself on "
                    + self.host() + " (" + describe(e) + ")", e);
        }
    }

    @Override
    public void prepareAlternate(Credentials master, Credentials target, String base) {
        try (var connection = settings.connect(master)) {
            requireWriter(connection, master);
            connection.setAutoCommit(false);
            try {
                if (!target.username().equals(base)) {
                    cloneRole(connection, base, target.username());
                }
                setPassword(connection, target);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RotationException("cannot prepare " + target.username() + " as " + master.username() + " on "
                    + master.host() + " (" + describe(e) + "); nothing was changed. The master user needs CREATEROLE, "
                    + "ADMIN OPTION on " + base + " and on " + base + Credentials.CLONE_SUFFIX + " if it exists (GRANT "
                    + base + " TO " + master.username() + " WITH ADMIN OPTION; required from PostgreSQL 16 on) and every "
                    + "role attribute " + base + " has (CREATEDB, REPLICATION, ...)", e);
        }
    }

    @Override
    public List<String> missingPrivileges(Credentials target, String template) {
        try (var connection = settings.connect(target)) {
            return Privileges.missing(connection, template);
        } catch (SQLException e) {
            throw new RotationException("cannot compare the privileges of " + target.username() + " with " + template
                    + " (" + describe(e) + ")", e);
        }
    }

    /** The clone: created if absent, given the attributes {@code base} has and it lacks, a member of {@code base}. */
    private static void cloneRole(Connection connection, String base, String clone) throws SQLException {
        var pg = connection.unwrap(PGConnection.class);
        var quotedClone = pg.escapeIdentifier(clone);
        var baseAttributes = attributes(connection, base);
        if (baseAttributes == null) {
            throw new SQLException("role " + base + " does not exist", "42704");
        }
        var cloneAttributes = attributes(connection, clone);
        if (cloneAttributes == null) {
            execute(connection, "CREATE ROLE " + quotedClone + " LOGIN");
            cloneAttributes = attributes(connection, clone);
        }
        var missing = new ArrayList<String>();
        for (int i = 0; i < ATTRIBUTES.length; i++) {
            if (baseAttributes[i] && !cloneAttributes[i]) {
                missing.add(ATTRIBUTES[i][1]);
            }
        }
        missing.add("LOGIN");
        execute(connection, "ALTER ROLE " + quotedClone + " WITH " + String.join(" ", missing));
        // Already a member: PostgreSQL answers with a notice, so the grant is safe to repeat.
        execute(connection, "GRANT " + pg.escapeIdentifier(base) + " TO " + quotedClone);
    }

    /** The role's attributes in {@link #ATTRIBUTES} order, or null when the role does not exist. */
    private static boolean[] attributes(Connection connection, String role) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                var values = new boolean[ATTRIBUTES.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.getBoolean(i + 1);
                }
                return values;
            }
        }
    }

    private static void setPassword(Connection connection, Credentials target) throws SQLException {
        connection.unwrap(PGConnection.class).alterUserPassword(target.username(), target.password().toCharArray(),
                PASSWORD_ENCRYPTION);
    }

    /**
     * A replica accepts the login but no ALTER ROLE; after a global-database switchover the old writer endpoint leads
     * to one. Say so, with the fix, before anything is tried.
     */
    private static void requireWriter(Connection connection, Credentials login) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")) {
            rows.next();
            if (rows.getBoolean(1) || "on".equals(rows.getString(2))) {
                throw new RotationException(login.host() + " is read-only (" + (rows.getBoolean(1) ? "a replica in recovery"
                        : "transaction_read_only is on") + "): after a global-database switchover or failover the secret's "
                        + "host is no longer the writer. Set 'host' of this secret (and of its master secret) to the writer "
                        + "endpoint (the stack's auroraWriterEndpoint output, or the new primary's), then rotate again; "
                        + "nothing was changed");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** SQLState and message of the failure and of its causes (TLS and network errors hide under the driver's). */
    static String describe(SQLException e) {
        var text = new StringBuilder("SQLState ").append(e.getSQLState()).append(": ").append(e.getMessage());
        for (var cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
