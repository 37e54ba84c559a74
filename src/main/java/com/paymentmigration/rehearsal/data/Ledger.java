package com.paymentmigration.rehearsal.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every write the writer was told had committed, and the state each payment must therefore have. It is the ground
 * truth of a rehearsal: kept outside both databases, so no replication defect can change it.
 */
public final class Ledger {

    private static final int BATCH = 5_000;

    private final Map<UUID, PaymentState> payments = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> events = new ConcurrentHashMap<>();

    void acknowledged(WriteOperation write) {
        payments.put(write.paymentKey(), write.after());
        if (write.kind() != WriteOperation.Kind.CREATE) {
            events.put(write.eventKey(), write.paymentKey());
        }
    }

    public int payments() {
        return payments.size();
    }

    public int events() {
        return events.size();
    }

    /**
     * Counts, in the database at {@code endpoint}, the acknowledged payments and events that are missing (lost), that
     * exist more than once (duplicated), or whose row differs from the last acknowledged state (stale).
     */
    public Audit audit(Endpoint endpoint) throws SQLException {
        var examples = new ArrayList<String>();
        int lost = 0;
        int duplicated = 0;
        int stale = 0;
        try (var connection = endpoint.connect()) {
            connection.setReadOnly(true);
            var paymentKeys = new ArrayList<>(payments.keySet());
            for (int from = 0; from < paymentKeys.size(); from += BATCH) {
                var batch = paymentKeys.subList(from, Math.min(paymentKeys.size(), from + BATCH));
                var rows = paymentRows(connection, batch);
                for (var key : batch) {
                    var found = rows.getOrDefault(key, List.of());
                    if (found.isEmpty()) {
                        lost++;
                        note(examples, "payment " + key + " lost");
                    } else if (found.size() > 1) {
                        duplicated++;
                        note(examples, "payment " + key + " stored " + found.size() + " times");
                    } else if (!payments.get(key).sameAs(found.get(0))) {
                        stale++;
                        note(examples, "payment " + key + " is " + found.get(0) + ", expected " + payments.get(key));
                    }
                }
            }
            var eventKeys = new ArrayList<>(events.keySet());
            for (int from = 0; from < eventKeys.size(); from += BATCH) {
                var batch = eventKeys.subList(from, Math.min(eventKeys.size(), from + BATCH));
                var counts = eventCounts(connection, batch);
                for (var key : batch) {
                    int count = counts.getOrDefault(key, 0);
                    if (count == 0) {
                        lost++;
                        note(examples, "event " + key + " of payment " + events.get(key) + " lost");
                    } else if (count > 1) {
                        duplicated++;
                        note(examples, "event " + key + " stored " + count + " times");
                    }
                }
            }
        }
        return new Audit(payments.size(), events.size(), lost, duplicated, stale, List.copyOf(examples));
    }

    private static Map<UUID, List<PaymentState>> paymentRows(Connection connection, List<UUID> keys)
            throws SQLException {
        var rows = new HashMap<UUID, List<PaymentState>>();
        try (var query = connection.prepareStatement("SELECT idempotency_key, amount, status, captured, refunded,"
                + " version FROM " + PaymentSchema.PAYMENT + " WHERE idempotency_key = ANY (?)")) {
            query.setArray(1, uuids(connection, keys));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows.computeIfAbsent(result.getObject(1, UUID.class), k -> new ArrayList<>()).add(new PaymentState(
                            result.getBigDecimal(2), result.getString(3), result.getBigDecimal(4),
                            result.getBigDecimal(5), result.getInt(6)));
                }
            }
        }
        return rows;
    }

    private static Map<UUID, Integer> eventCounts(Connection connection, List<UUID> keys) throws SQLException {
        var counts = new HashMap<UUID, Integer>();
        try (var query = connection.prepareStatement("SELECT idempotency_key, count(*) FROM " + PaymentSchema.EVENT
                + " WHERE idempotency_key = ANY (?) GROUP BY idempotency_key")) {
            query.setArray(1, uuids(connection, keys));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    counts.put(result.getObject(1, UUID.class), result.getInt(2));
                }
            }
        }
        return counts;
    }

    private static Array uuids(Connection connection, List<UUID> keys) throws SQLException {
        return connection.createArrayOf("uuid", keys.toArray());
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    /** The outcome of an audit; {@link #clean()} when nothing acknowledged is missing, doubled or stale. */
    public record Audit(int payments, int events, int lost, int duplicated, int stale, List<String> examples) {

        public boolean clean() {
            return lost == 0 && duplicated == 0 && stale == 0;
        }
    }
}
