package com.paymentmigration.lambda.replicationops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Logical replication slots the migration owns. A slot holds WAL until its reader confirms it, so a slot nobody
 * reads fills the disk (or, with {@code max_slot_wal_keep_size}, is invalidated and its changes lost): each one is
 * created where a direction starts and dropped where it ends.
 */
public final class Slots {

    /** DMS's PostgreSQL plugin, as PostgreSQL names it ({@code test-decoding} in the DMS API). */
    public static final String PLUGIN = "test_decoding";
    /** PostgreSQL's rule for slot names: lower-case letters, digits and underscores, at most 63. */
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private final Connections connections;

    public Slots(Connections connections) {
        this.connections = connections;
    }

    /**
     * A fresh slot named {@code slotName} on {@code database}, and the position it starts at: the LSN to pass as the
     * reverse task's {@code CdcStartPosition}. A slot of that name left by an earlier run is dropped first (it would
     * replay changes from before this freeze); one that a reader is using is refused.
     */
    public Map<String, String> create(Database database, String slotName) throws SQLException {
        checkName(slotName);
        try (var connection = connections.open(database)) {
            dropIfIdle(connection, database, slotName);
            try (var create = connection.prepareStatement(
                    "SELECT slot_name::text, lsn::text FROM pg_create_logical_replication_slot(?, ?)")) {
                create.setString(1, slotName);
                create.setString(2, PLUGIN);
                try (var rows = create.executeQuery()) {
                    rows.next();
                    var result = new LinkedHashMap<String, String>();
                    result.put("slotName", rows.getString(1));
                    result.put("lsn", rows.getString(2));
                    return result;
                }
            }
        }
    }

    /**
     * The change slots: a fresh slot named {@code slotName} on each database (replacing an idle leftover), created
     * before the full validation that precedes the write freeze and only ever peeked at (the validator reads from
     * them which rows changed since; nothing consumes them), so they pin WAL from then until {@link #dropOnBoth}.
     * Answers each database's start position.
     */
    public Map<String, String> createOnBoth(String slotName) throws SQLException {
        var positions = new LinkedHashMap<String, String>();
        positions.put("slotName", slotName);
        for (var database : Database.values()) {
            positions.put(database.label(), create(database, slotName).get("lsn"));
        }
        return positions;
    }

    /** Drops the change slots where they exist: the databases they were dropped from. */
    public List<String> dropOnBoth(String slotName) throws SQLException {
        var dropped = new ArrayList<String>();
        for (var database : Database.values()) {
            if (!drop(database, slotName).isEmpty()) {
                dropped.add(database.label());
            }
        }
        return dropped;
    }

    /** Drops {@code slotName} if it exists; dropping one that is already gone is the outcome wanted. */
    public List<String> drop(Database database, String slotName) throws SQLException {
        checkName(slotName);
        try (var connection = connections.open(database)) {
            return dropIfIdle(connection, database, slotName) ? List.of(slotName) : List.of();
        }
    }

    /**
     * Drops every idle {@value #PLUGIN} slot of the connected database but those in {@code keep}: the forward task's
     * slot, which DMS created under a name of its own. Run only once that task has stopped for good.
     */
    public List<String> dropIdleDecodingSlots(Database database, List<String> keep) throws SQLException {
        try (var connection = connections.open(database)) {
            var idle = new ArrayList<String>();
            try (var query = connection.prepareStatement("SELECT slot_name::text FROM pg_replication_slots "
                    + "WHERE slot_type = 'logical' AND plugin = ? AND database = current_database() AND NOT active")) {
                query.setString(1, PLUGIN);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (!keep.contains(rows.getString(1))) {
                            idle.add(rows.getString(1));
                        }
                    }
                }
            }
            for (var slot : idle) {
                dropIfIdle(connection, database, slot);
            }
            return idle;
        }
    }

    /** WAL bytes the oldest logical slot of the connected database holds back (0 without a slot). */
    public long retainedWalBytes(Database database) throws SQLException {
        try (var connection = connections.open(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0)"
                     + "::bigint FROM pg_replication_slots WHERE slot_type = 'logical' AND database = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean dropIfIdle(Connection connection, Database database, String slotName) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT active, database = current_database() FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slotName);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                if (rows.getBoolean(1)) {
                    throw new OperationException("slot " + slotName + " on " + database.label() + " is being read; stop "
                            + "the task that reads it before this slot is replaced or dropped");
                }
                if (!rows.getBoolean(2)) {
                    throw new OperationException("slot " + slotName + " on " + database.label() + " belongs to another "
                            + "database; it is not this migration's");
                }
            }
        }
        try (var drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            drop.setString(1, slotName);
            drop.execute();
        }
        return true;
    }

    private static void checkName(String slotName) {
        if (slotName == null || !SLOT_NAME.matcher(slotName).matches()) {
            throw new OperationException("'slotName' must be 1 to 63 lower-case letters, digits or underscores, not "
                    + slotName);
        }
    }
}
