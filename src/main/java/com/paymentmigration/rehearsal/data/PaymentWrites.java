package com.paymentmigration.rehearsal.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL of each write, one transaction each, idempotent by its key: applying a write twice (a retry after a lost
 * acknowledgement) leaves the database as applying it once.
 */
final class PaymentWrites {

    private static final String CREATE = "INSERT INTO " + PaymentSchema.PAYMENT
            + " (idempotency_key, merchant_id, amount, currency, status, captured, refunded, version, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp()) ON CONFLICT (idempotency_key) DO NOTHING";
    private static final String EVENT = "INSERT INTO " + PaymentSchema.EVENT
            + " (idempotency_key, payment_id, kind, amount, created_at)"
            + " SELECT ?, id, ?, ?, clock_timestamp() FROM " + PaymentSchema.PAYMENT + " WHERE idempotency_key = ?"
            + " ON CONFLICT (idempotency_key) DO NOTHING";
    private static final String UPDATE = "UPDATE " + PaymentSchema.PAYMENT
            + " SET status = ?, captured = ?, refunded = ?, version = ?, updated_at = clock_timestamp()"
            + " WHERE idempotency_key = ?";
    private static final String EVENT_EXISTS = "SELECT 1 FROM " + PaymentSchema.EVENT + " WHERE idempotency_key = ?";

    private PaymentWrites() {
    }

    /**
     * Applies {@code write} on {@code connection} (autocommit off) and commits. Returns false when the write changes
     * a payment the database does not have: nothing was written, and retrying cannot help.
     */
    static boolean apply(Connection connection, WriteOperation write) throws SQLException {
        try {
            boolean applied = write.kind() == WriteOperation.Kind.CREATE ? create(connection, write)
                    : change(connection, write);
            connection.commit();
            return applied;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private static boolean create(Connection connection, WriteOperation write) throws SQLException {
        var state = write.after();
        try (var insert = connection.prepareStatement(CREATE)) {
            insert.setObject(1, write.paymentKey());
            insert.setLong(2, write.merchant());
            insert.setBigDecimal(3, state.amount());
            insert.setString(4, write.currency());
            insert.setString(5, state.status());
            insert.setBigDecimal(6, state.captured());
            insert.setBigDecimal(7, state.refunded());
            insert.setInt(8, state.version());
            insert.executeUpdate();
        }
        return true;
    }

    private static boolean change(Connection connection, WriteOperation write) throws SQLException {
        int inserted;
        try (var insert = connection.prepareStatement(EVENT)) {
            insert.setObject(1, write.eventKey());
            insert.setString(2, write.kind().name().toLowerCase(java.util.Locale.ROOT));
            insert.setBigDecimal(3, write.eventAmount());
            insert.setObject(4, write.paymentKey());
            inserted = insert.executeUpdate();
        }
        if (inserted == 0) {
            // Either this write was applied before (its event exists: done) or the payment is not here.
            try (var exists = connection.prepareStatement(EVENT_EXISTS)) {
                exists.setObject(1, write.eventKey());
                try (var result = exists.executeQuery()) {
                    return result.next();
                }
            }
        }
        var state = write.after();
        try (var update = connection.prepareStatement(UPDATE)) {
            update.setString(1, state.status());
            update.setBigDecimal(2, state.captured());
            update.setBigDecimal(3, state.refunded());
            update.setInt(4, state.version());
            update.setObject(5, write.paymentKey());
            update.executeUpdate();
        }
        return true;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is closed by the caller; the transaction dies with it.
        }
    }
}
