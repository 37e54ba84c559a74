package com.paymentmigration.lambda.replicationops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each database needs before the migration starts. Each database is a CDC source in one direction and a target
 * in the other, so both are held to both roles. Every item is tested by doing what DMS will do (decode through a
 * temporary slot, set the session role) rather than by reading configuration alone, and every missing item is named
 * with its fix, so the preflight fails at once instead of the reverse task failing inside the cutover's freeze.
 */
public final class Prerequisites {

    /** DMS refuses a wal_sender_timeout under 10 s (0 switches the timeout off). */
    static final int MIN_WAL_SENDER_TIMEOUT_MS = 10_000;
    /** A temporary slot waits for open transactions; one open longer than this would block a task's start too. */
    static final int SLOT_PROBE_TIMEOUT_MS = 30_000;
    /** Names of the items, in the order checked, as the result lists them. */
    static final List<String> ITEMS = List.of("wal_level", "max_replication_slots", "max_wal_senders",
            "wal_sender_timeout", "logical decoding", "replication role", "session_replication_role",
            "control schema", "drain marker", "tables selected", "primary keys", "identity columns",
            "table privileges");

    private final Connections connections;

    public Prerequisites(Connections connections) {
        this.connections = connections;
    }

    /** @throws PrerequisitesMissingException naming every missing item */
    public Map<String, Object> check(Database database, TableSelection selection, String controlSchema)
            throws SQLException {
        var missing = new ArrayList<String>();
        try (var connection = connections.open(database)) {
            var walFix = database == Database.AURORA ? "set rds.logical_replication = 1 in the cluster parameter "
                    + "group and reboot the writer" : "set wal_level = logical in postgresql.conf and restart";
            if (!"logical".equals(text(connection, "SELECT current_setting('wal_level')"))) {
                missing.add("wal_level is not logical: " + walFix);
            }
            if (number(connection, "SELECT current_setting('max_replication_slots')::int "
                    + "- (SELECT count(*) FROM pg_replication_slots)") < 1) {
                missing.add("max_replication_slots has no free slot: raise it to the slots in use plus 2 and restart");
            }
            if (number(connection, "SELECT current_setting('max_wal_senders')::int "
                    + "- (SELECT count(*) FROM pg_stat_replication)") < 1) {
                missing.add("max_wal_senders has no free sender: raise it to the senders in use plus 2 and restart");
            }
            var timeout = number(connection, "SELECT setting::bigint FROM pg_settings WHERE name = 'wal_sender_timeout'");
            if (timeout != 0 && timeout < MIN_WAL_SENDER_TIMEOUT_MS) {
                missing.add("wal_sender_timeout is " + timeout + " ms: set it to 0 or at least 10000 ms");
            }
            probeDecoding(connection).ifPresent(missing::add);
            replicationRole(connection, database).ifPresent(missing::add);
            probeSessionRole(connection, database).ifPresent(missing::add);
            if (!bool(connection, "SELECT coalesce(has_schema_privilege(to_regnamespace(?)::oid, 'CREATE'), false)",
                    controlSchema)) {
                missing.add("schema " + controlSchema + " (DMS's control and heartbeat tables) is missing or not writable: "
                        + "CREATE SCHEMA " + controlSchema + " AUTHORIZATION <the DMS user>");
            }
            drainMarker(connection).ifPresent(missing::add);
            tables(connection, database, selection, missing);
        }
        if (!missing.isEmpty()) {
            throw new PrerequisitesMissingException(database, missing);
        }
        return Map.of("database", database.label(), "checked", ITEMS);
    }

    private static void tables(Connection connection, Database database, TableSelection selection, List<String> missing)
            throws SQLException {
        var tables = selection.tables(connection);
        if (tables.isEmpty()) {
            missing.add("no table matches " + selection.include() + ": restore the schema before the migration");
            return;
        }
        var privileges = database == Database.AURORA ? "SELECT, INSERT, UPDATE, DELETE, TRUNCATE"
                : "SELECT, INSERT, UPDATE, DELETE";
        var withoutKey = new ArrayList<String>();
        var alwaysIdentity = new ArrayList<String>();
        var notWritable = new ArrayList<String>();
        for (var table : tables) {
            if (!bool(connection, "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = ?::regclass "
                    + "AND contype = 'p')", table.sql())) {
                withoutKey.add(table.toString());
            }
            var identity = text(connection, "SELECT string_agg(attname, ', ') FROM pg_attribute WHERE attrelid = "
                    + "?::regclass AND attidentity = 'a' AND NOT attisdropped", table.sql());
            if (identity != null) {
                alwaysIdentity.add(table + " (" + identity + ")");
            }
            for (var privilege : privileges.split(", ")) {
                if (!bool(connection, "SELECT has_table_privilege(?::regclass, ?)", table.sql(), privilege)) {
                    notWritable.add(table + " " + privilege);
                }
            }
        }
        // No REPLICA IDENTITY FULL escape: DMS validates and fully applies LOBs only by primary key, and a payment
        // table without one cannot be compared row by row.
        if (!withoutKey.isEmpty()) {
            missing.add("tables without a primary key " + withoutKey + ": add one, or exclude the table");
        }
        if (!alwaysIdentity.isEmpty()) {
            missing.add("GENERATED ALWAYS identity columns refuse the values DMS applies " + alwaysIdentity
                    + ": ALTER TABLE ... ALTER COLUMN ... SET GENERATED BY DEFAULT for the migration");
        }
        if (!notWritable.isEmpty()) {
            missing.add("the user lacks " + notWritable + ": GRANT them to the DMS user");
        }
    }

    /**
     * The drain gate commits its marker on the freeze's source and DMS applies it on the target, so on each database
     * the marker table must be writable, or creatable by this user (writeDrainMarker creates it in the preflight).
     */
    private static Optional<String> drainMarker(Connection connection) throws SQLException {
        var table = DrainMarkers.QUALIFIED;
        // By catalog oids: resolving the name itself fails for a user without USAGE on the schema.
        var writable = text(connection, "SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, "
                + "'INSERT') AND has_table_privilege(c.oid, 'SELECT') FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", DrainMarkers.SCHEMA,
                DrainMarkers.TABLE);
        if (writable != null) {
            return writable.equals("t") ? Optional.empty()
                    : Optional.of("the user cannot write the drain marker table " + table + ": GRANT USAGE ON SCHEMA "
                    + DrainMarkers.SCHEMA + " and INSERT, SELECT ON " + table + " TO <the DMS user>");
        }
        var creatable = bool(connection, "SELECT CASE WHEN to_regnamespace(?) IS NULL "
                + "THEN has_database_privilege(current_database(), 'CREATE') "
                + "ELSE has_schema_privilege(to_regnamespace(?)::oid, 'CREATE') END", DrainMarkers.SCHEMA,
                DrainMarkers.SCHEMA);
        return creatable ? Optional.empty() : Optional.of("the drain marker table " + table
                + " is missing and the user cannot create it: CREATE SCHEMA " + DrainMarkers.SCHEMA
                + " AUTHORIZATION <the DMS user> (or GRANT CREATE ON DATABASE <the database> TO <the DMS user>)");
    }

    /** Decoding through a temporary test_decoding slot exercises wal_level, the plugin and the privilege at once. */
    private static Optional<String> probeDecoding(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + SLOT_PROBE_TIMEOUT_MS);
            try {
                statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_create_logical_replication_slot("
                        + "'migration_preflight_' || pg_backend_pid(), '" + Slots.PLUGIN + "', true)");
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of("logical decoding with " + Slots.PLUGIN + " fails (" + e.getMessage()
                        + "): the plugin must be installed (postgresql-contrib) and the user needs the REPLICATION "
                        + "attribute (rds_replication on Aurora)");
            } finally {
                statement.execute("RESET statement_timeout");
            }
        }
    }

    /**
     * DMS reads a self-managed PostgreSQL's changes only as a superuser (AWS DMS User Guide, "Using a PostgreSQL
     * database as an AWS DMS source"); on Aurora the equivalents are rds_superuser and rds_replication.
     */
    private static Optional<String> replicationRole(Connection connection, Database database)
            throws SQLException {
        if (bool(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return Optional.empty();
        }
        if (database == Database.ONPREM) {
            return Optional.of("the user is not a superuser, which DMS needs for CDC from a self-managed "
                    + "PostgreSQL: ALTER ROLE <the DMS user> SUPERUSER");
        }
        for (var role : List.of("rds_superuser", "rds_replication")) {
            if (!bool(connection, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?) "
                    + "AND pg_has_role(current_user, ?, 'MEMBER')", role, role)) {
                return Optional.of("the user is not a member of " + role + ": GRANT " + role
                        + " TO <the DMS user>");
            }
        }
        return Optional.empty();
    }

    /** The targets' after-connect script, tried in a transaction that is rolled back. */
    private static Optional<String> probeSessionRole(Connection connection, Database database)
            throws SQLException {
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("SET session_replication_role = replica is denied (" + e.getMessage() + "): "
                    + (database == Database.AURORA ? "GRANT rds_superuser TO <the DMS user>"
                    : "on PostgreSQL 15+ GRANT SET ON PARAMETER session_replication_role TO <the DMS user>, "
                    + "before 15 the user must be a superuser"));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long number(Connection connection, String sql) throws SQLException {
        var value = text(connection, sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static boolean bool(Connection connection, String sql, Object... parameters) throws SQLException {
        var value = text(connection, sql, parameters);
        return "t".equals(value) || "true".equals(value);
    }
}
