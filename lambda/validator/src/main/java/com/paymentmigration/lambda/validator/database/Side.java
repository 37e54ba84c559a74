package com.paymentmigration.lambda.validator.database;

import com.paymentmigration.lambda.validator.DatabaseUnreachableException;
import com.paymentmigration.lambda.validator.PermissionDeniedException;
import com.paymentmigration.lambda.validator.QueryFailedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One database of the comparison (source or target): a read-only session whose settings make every text form and
 * plan choice the same on both sides, and the translation of driver errors into the validator's error types.
 */
public final class Side implements AutoCloseable {

    /** Sets one statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads a whole result. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static final List<String> SESSION = List.of(
            // Text forms (the fallback hash, keys passed between the sides) must not depend on server defaults.
            "SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, YMD'", "SET IntervalStyle = 'postgres'",
            "SET extra_float_digits = 3", "SET bytea_output = 'hex'",
            // The planner cannot know that a bucket expression has few values and sorts instead of hashing:
            // measured 104 ms against 81 ms per 100,000 rows.
            "SET enable_sort = off",
            // That setting inflates every plan's cost past the JIT threshold: 200 ms of compiling for a catalog
            // lookup, and no gain on these short expressions.
            "SET jit = off",
            // Plans per execution: a generic plan would cast the leaf thresholds' text array for every row.
            "SET plan_cache_mode = force_custom_plan",
            // money is compared as numeric, but its text (multiset rows) must not depend on the server's locale.
            "SET lc_monetary = 'C'",
            "SET default_transaction_read_only = on", "SET application_name = 'payment-migration-validator'");

    private final String label;
    private final Connection connection;
    private final int serverVersion;

    public Side(String label, Connection connection) {
        this.label = label;
        this.connection = connection;
        try {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                for (var setting : SESSION) {
                    statement.execute(setting);
                }
            }
            this.serverVersion = query("SELECT current_setting('server_version_num')::int", s -> { },
                    rows -> rows.next() ? rows.getInt(1) : 0);
        } catch (SQLException e) {
            throw translate("preparing the session", e);
        }
    }

    public String label() {
        return label;
    }

    public int serverVersion() {
        return serverVersion;
    }

    public <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            binder.bind(statement);
            try (var rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw translate(sql.length() > 160 ? sql.substring(0, 160) + "..." : sql, e);
        }
    }

    /**
     * Hands each row of a result that may be larger than memory to {@code row}, fetched in batches: the driver
     * streams a result only inside a transaction, so one is opened (read-only, as the session) for the duration.
     */
    public void stream(String sql, Binder binder, Reader<Void> row) {
        try {
            connection.setAutoCommit(false);
            try {
                query(sql, binder, rows -> {
                    while (rows.next()) {
                        row.read(rows);
                    }
                    return null;
                });
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate("ending a streamed read", e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Binder binder) {
        return query(sql, binder, rows -> {
            var list = new java.util.ArrayList<String>();
            while (rows.next()) {
                list.add(rows.getString(1));
            }
            return list;
        });
    }

    RuntimeException translate(String what, SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        var message = label + " database: " + e.getMessage() + " (SQLSTATE " + state + ") while " + what;
        if (state.equals("42501")) {
            return new PermissionDeniedException(message + "; grant the validator's user SELECT on the selected tables "
                    + "and USAGE on their schemas", e);
        }
        if (state.startsWith("08") || state.startsWith("28") || state.startsWith("57P")) {
            return new DatabaseUnreachableException(message + "; check the host, port, credentials and network path", e);
        }
        return new QueryFailedException(message, e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a broken connection has nothing left to lose.
        }
    }
}
