package com.paymentmigration.lambda.replicationops;

import java.sql.SQLException;
import java.util.UUID;

/**
 * The write freeze's drain gate. After the freeze has taken effect, a marker row is committed on the replication's
 * source and the state machine waits until the target has it. The tasks apply a source's changes in commit order
 * (transactional apply; see the stack's TaskSettings), so a marker on the target means every change committed on the
 * source before it has been applied there too: the drain is proven, not inferred from a latency metric.
 *
 * <p>The table is the migration's own, outside the application's schemas; both DMS tasks select it explicitly, and the
 * validator and the other operations leave it out. The program spells the same names (its {@code DrainMarker}).
 */
public final class DrainMarkers {

    public static final String SCHEMA = "migration_control";
    public static final String TABLE = "drain_marker";
    static final String QUALIFIED = SCHEMA + "." + TABLE;
    /** Idempotent: the preflight runs it on both databases before either task starts, a freeze again on its source. */
    static final String CREATE = "CREATE SCHEMA IF NOT EXISTS " + SCHEMA + "; CREATE TABLE IF NOT EXISTS " + QUALIFIED
            + " (marker uuid PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now())";

    private final Connections connections;

    public DrainMarkers(Connections connections) {
        this.connections = connections;
    }

    /** Creates the table if it is missing and commits a new marker on {@code database}; returns the marker. */
    public UUID write(Database database) throws SQLException {
        var marker = UUID.randomUUID();
        try (var connection = connections.open(database)) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute(CREATE);
            }
            try (var insert = connection.prepareStatement("INSERT INTO " + QUALIFIED + " (marker) VALUES (?)")) {
                insert.setObject(1, marker);
                insert.executeUpdate();
            }
        }
        return marker;
    }

    /**
     * Whether {@code marker} has arrived in {@code database}. A database without the table can never receive one, so
     * that is an error rather than a "not yet" that would keep writes frozen until the limit.
     */
    public boolean seen(Database database, UUID marker) throws SQLException {
        try (var connection = connections.open(database)) {
            try (var exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, QUALIFIED);
                try (var rows = exists.executeQuery()) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        throw new OperationException(QUALIFIED + " does not exist on " + database.label()
                                + ", so no drain marker can arrive there; the migration's preflight creates it on "
                                + "both databases (writeDrainMarker), so run the preflight or create it as that "
                                + "operation does");
                    }
                }
            }
            try (var query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + QUALIFIED
                    + " WHERE marker = ?)")) {
                query.setObject(1, marker);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            }
        }
    }

    /** The marker an event names, or an error naming the field. */
    static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new OperationException("'marker' must be the UUID writeDrainMarker returned, not " + text);
        }
    }
}
