package com.paymentmigration.rehearsal.data;

import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One direction of replication between the two servers, done by PostgreSQL's own logical replication where the
 * deployed stack uses a DMS task: a publication of the payments schema on the source and a subscription on the
 * target. Like DMS, it carries rows, not sequences or identity generators, and it applies in commit order.
 *
 * <p>It deliberately keeps PostgreSQL's default {@code origin = any}: the target re-publishes what it applied, as a
 * DMS target does (its {@code session_replication_role = replica} turns off triggers, not logical decoding). So if
 * both directions ran at once, each would echo the other's writes back, and the rehearsal would see it. Keeping them
 * apart is the state machines' job, and this is how it is tested.
 */
public final class LogicalReplication {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String name;
    private final Endpoint source;
    private final Endpoint target;
    /** The slot on the source the subscription reads: its own (named like it) unless started on a given one. */
    private String slot;

    /**
     * @param name names the publication, the subscription and the slot (lower case, letters, digits, underscores)
     */
    public LogicalReplication(String name, Endpoint source, Endpoint target) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("replication name '" + name
                    + "' is not a plain PostgreSQL identifier: use lower-case letters, digits and _, at most 63");
        }
        this.name = name;
        this.source = source;
        this.target = target;
        this.slot = name;
    }

    public String name() {
        return name;
    }

    /**
     * Starts replicating: with {@code fullLoad}, the rows already in the source are copied first (a full-load-and-CDC
     * task); without, only changes from now on (a CDC-only task). With {@code existingSlot}, the subscription uses that
     * existing slot, and so starts exactly where that slot was created; without, it creates its own.
     */
    public void start(boolean fullLoad, String existingSlot) throws SQLException {
        start("TABLES IN SCHEMA " + PaymentSchema.SCHEMA, fullLoad, existingSlot);
    }

    /**
     * Starts replicating exactly {@code tables} ({@code schema.table}, as a DMS task's table mappings select them),
     * otherwise as {@link #start(boolean, String)}.
     */
    public void start(List<String> tables, boolean fullLoad, String existingSlot) throws SQLException {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("replication " + name + " selects no table: a publication needs one");
        }
        var quoted = new StringJoiner(", ");
        for (var table : tables) {
            var parts = table.split("\\.", 2);
            quoted.add(identifier(parts[0]) + "." + identifier(parts[1]));
        }
        start("TABLE " + quoted, fullLoad, existingSlot);
    }

    /**
     * Starts a CDC-only replication from an existing slot of another plugin (DMS reads PostgreSQL through
     * test_decoding; a subscription needs pgoutput): the slot is copied with pgoutput under its own name, which keeps
     * its position exactly (pg_copy_logical_replication_slot, PostgreSQL 12+). The slot must be at {@code position},
     * the CdcStartPosition the task was started with.
     */
    public void startAtSlot(List<String> tables, String existingSlot, String position) throws SQLException {
        checkedSlot(existingSlot);
        try (var connection = source.connect(); var statement = connection.createStatement()) {
            String plugin;
            try (var query = connection.prepareStatement("SELECT plugin, confirmed_flush_lsn = ?::pg_lsn,"
                    + " confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
                query.setString(1, position);
                query.setString(2, existingSlot);
                try (var result = query.executeQuery()) {
                    if (!result.next()) {
                        throw new SQLException("slot " + existingSlot + " does not exist on " + source);
                    }
                    if (!result.getBoolean(2)) {
                        throw new SQLException("slot " + existingSlot + " is at " + result.getString(3)
                                + ", not at the CdcStartPosition " + position);
                    }
                    plugin = result.getString(1);
                }
            }
            if (!"pgoutput".equals(plugin)) {
                var copy = existingSlot.length() > 50 ? existingSlot.substring(0, 50) + "_copy" : existingSlot + "_copy";
                statement.execute("SELECT pg_copy_logical_replication_slot('" + existingSlot + "', '" + copy
                        + "', false, 'pgoutput')");
                statement.execute("SELECT pg_drop_replication_slot('" + existingSlot + "')");
                statement.execute("SELECT pg_copy_logical_replication_slot('" + copy + "', '" + existingSlot
                        + "', false, 'pgoutput')");
                statement.execute("SELECT pg_drop_replication_slot('" + copy + "')");
            }
        }
        start(tables, false, existingSlot);
    }

    private void start(String publicationTables, boolean fullLoad, String existingSlot) throws SQLException {
        try (var connection = source.connect(); var statement = connection.createStatement()) {
            statement.execute("DROP PUBLICATION IF EXISTS " + name);
            statement.execute("CREATE PUBLICATION " + name + " FOR " + publicationTables);
        }
        this.slot = existingSlot == null ? name : checkedSlot(existingSlot);
        var options = "copy_data = " + fullLoad
                + (existingSlot == null ? "" : ", create_slot = false, slot_name = '" + slot + "'");
        try (var connection = target.connect(); var statement = connection.createStatement()) {
            // CREATE SUBSCRIPTION cannot run in a transaction block; the connection is in autocommit.
            statement.execute("CREATE SUBSCRIPTION " + name + " CONNECTION '"
                    + source.conninfo().replace("'", "''") + "' PUBLICATION " + name + " WITH (" + options + ")");
        }
    }

    /** Creates a logical slot on the source now and returns the WAL position it starts at. */
    public String createSlot(String newSlot) throws SQLException {
        try (var connection = source.connect(); var query = connection.prepareStatement(
                "SELECT lsn::text FROM pg_create_logical_replication_slot(?, 'pgoutput')")) {
            query.setString(1, checkedSlot(newSlot));
            try (var result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** Stops applying; the slot stays on the source and keeps every change until {@link #resume()}. */
    public void stop() throws SQLException {
        alter("DISABLE");
    }

    public void resume() throws SQLException {
        alter("ENABLE");
    }

    /**
     * Removes the subscription however it was left (its slot may already be gone, dropped by the migration), the
     * slot it read if still there and idle, and the publication: a task restarted from scratch starts clean.
     */
    public void discard() throws SQLException {
        try (var connection = target.connect(); var statement = connection.createStatement()) {
            if (subscriptionExists(connection)) {
                statement.execute("ALTER SUBSCRIPTION " + name + " DISABLE");
                statement.execute("ALTER SUBSCRIPTION " + name + " SET (slot_name = NONE)");
                statement.execute("DROP SUBSCRIPTION " + name);
            }
        }
        try (var connection = source.connect(); var drop = connection.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active");
             var statement = connection.createStatement()) {
            drop.setString(1, slot);
            drop.execute();
            statement.execute("DROP PUBLICATION IF EXISTS " + name);
        }
    }

    /** Whether this replication's subscription exists (a task that ran at least once). */
    public boolean exists() throws SQLException {
        try (var connection = target.connect()) {
            return subscriptionExists(connection);
        }
    }

    private boolean subscriptionExists(java.sql.Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_subscription WHERE subname = ?"
                + " AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            query.setString(1, name);
            try (var result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Drops every subscription of {@code endpoint}'s database and every idle slot it holds: what a rehearsal leaves
     * replicating must not pin WAL or hold connections once it ends.
     */
    public static void dropEverything(Endpoint endpoint) throws SQLException {
        try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
            var names = new java.util.ArrayList<String>();
            try (var result = statement.executeQuery("SELECT subname FROM pg_subscription"
                    + " WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (var subscription : names) {
                statement.execute("ALTER SUBSCRIPTION " + identifier(subscription) + " DISABLE");
                statement.execute("ALTER SUBSCRIPTION " + identifier(subscription) + " SET (slot_name = NONE)");
                statement.execute("DROP SUBSCRIPTION " + identifier(subscription));
            }
        }
    }

    /** Drops the idle slots of {@code endpoint}'s database (after {@link #dropEverything} on both sides). */
    public static void dropIdleSlots(Endpoint endpoint) throws SQLException {
        try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE database = current_database() AND NOT active");
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Removes the subscription and its slot on the source, and the publication. */
    public void drop() throws SQLException {
        try (var connection = target.connect(); var statement = connection.createStatement()) {
            statement.execute("DROP SUBSCRIPTION IF EXISTS " + name);
        }
        try (var connection = source.connect(); var statement = connection.createStatement()) {
            statement.execute("DROP PUBLICATION IF EXISTS " + name);
        }
    }

    /** The source's current WAL position: everything committed so far lies before it. */
    public String sourcePosition() throws SQLException {
        try (var connection = source.connect(); var query = connection.prepareStatement(
                "SELECT pg_current_wal_lsn()::text"); var result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** Where replication stands, read from both servers' catalogs. */
    public ReplicationStatus status() throws SQLException {
        boolean exists;
        boolean enabled = false;
        boolean applying = false;
        int tables = 0;
        int loaded = 0;
        try (var connection = target.connect(); var query = connection.prepareStatement(
                "SELECT s.subenabled, (SELECT count(*) FROM pg_subscription_rel r WHERE r.srsubid = s.oid),"
                        + " (SELECT count(*) FROM pg_subscription_rel r WHERE r.srsubid = s.oid"
                        + "   AND r.srsubstate = 'r'),"
                        + " EXISTS (SELECT 1 FROM pg_stat_subscription t WHERE t.subid = s.oid AND t.pid IS NOT NULL"
                        + "   AND t.relid IS NULL)"
                        + " FROM pg_subscription s WHERE s.subname = ?")) {
            query.setString(1, name);
            try (var result = query.executeQuery()) {
                exists = result.next();
                if (exists) {
                    enabled = result.getBoolean(1);
                    tables = result.getInt(2);
                    loaded = result.getInt(3);
                    applying = result.getBoolean(4);
                }
            }
        }
        long lagBytes = -1;
        String sourceLsn;
        try (var connection = source.connect(); var query = connection.prepareStatement(
                "SELECT pg_current_wal_lsn()::text, (SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)"
                        + " FROM pg_replication_slots WHERE slot_name = ?)")) {
            query.setString(1, slot);
            try (var result = query.executeQuery()) {
                result.next();
                sourceLsn = result.getString(1);
                var lag = result.getObject(2);
                if (lag != null) {
                    lagBytes = ((Number) lag).longValue();
                }
            }
        }
        return new ReplicationStatus(exists, enabled, applying, tables, loaded, lagBytes, sourceLsn);
    }

    /**
     * Whether everything the source committed up to {@code lsn} has been applied and flushed by the target: the
     * slot's confirmed position is at or past it. Exact, unlike a latency metric sampled once a minute.
     */
    public boolean appliedThrough(String lsn) throws SQLException {
        try (var connection = source.connect(); var query = connection.prepareStatement(
                "SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, lsn);
            query.setString(2, slot);
            try (var result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void alter(String action) throws SQLException {
        try (var connection = target.connect(); var statement = connection.createStatement()) {
            statement.execute("ALTER SUBSCRIPTION " + name + " " + action);
        }
    }

    private static String checkedSlot(String slot) {
        if (!NAME.matcher(slot).matches()) {
            throw new IllegalArgumentException("slot name '" + slot + "' is not a plain PostgreSQL identifier");
        }
        return slot;
    }
}
