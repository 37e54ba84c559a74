package com.paymentmigration.lambda.validator.changes;

import com.paymentmigration.lambda.validator.schema.TableName;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The primary keys that decoded changes touched, per tracked table: an INSERT's new key, an UPDATE's new key and (when
 * the key changed) its old one, a DELETE's old key. A change that cannot be mapped to keys (a TRUNCATE, a DELETE
 * without its old key, a key column NULL or TOASTed in the change, a line that cannot be read) marks its table to be
 * checked in full instead, with the reason; so does a table whose changed keys pass {@link #MAX_KEYS_PER_TABLE}
 * (which also bounds memory).
 */
public final class ChangedKeys {

    /** Keys held per table; past this, checking the table in full is as cheap and needs no memory. */
    public static final int MAX_KEYS_PER_TABLE = 1_000_000;

    private final Map<TableName, List<String>> keyColumns;
    private final Map<TableName, List<TableName>> trackedAs;
    private final int maxKeys;
    private final Map<TableName, Set<List<String>>> keys = new LinkedHashMap<>();
    private final Map<TableName, String> inFull = new LinkedHashMap<>();

    /**
     * @param keyColumns each tracked table's primary key columns, in key order
     * @param trackedAs  a decoded table (a partition or inheritance child, or the table itself) to the tracked
     *                   tables whose rows it holds
     */
    public ChangedKeys(Map<TableName, List<String>> keyColumns, Map<TableName, List<TableName>> trackedAs, int maxKeys) {
        this.keyColumns = Map.copyOf(keyColumns);
        this.trackedAs = Map.copyOf(trackedAs);
        this.maxKeys = maxKeys;
        keyColumns.keySet().forEach(table -> keys.put(table, new LinkedHashSet<>()));
    }

    /** One line of {@code test_decoding} output. */
    public void add(String line) {
        if (!line.startsWith("table ")) {
            return;
        }
        DecodedChange change;
        try {
            change = DecodedChange.parse(line).orElseThrow();
        } catch (DecodedChange.UnreadableChangeException e) {
            // The line names its table first; if even that is unreadable, every table is checked in full.
            List.copyOf(keys.keySet()).forEach(table -> checkInFull(table, e.getMessage()));
            return;
        }
        for (var decoded : change.tables()) {
            for (var table : trackedAs.getOrDefault(decoded, List.of())) {
                add(table, decoded, change);
            }
        }
    }

    private void add(TableName table, TableName decoded, DecodedChange change) {
        if (inFull.containsKey(table)) {
            return;
        }
        switch (change.action()) {
            case TRUNCATE -> checkInFull(table, decoded + " was truncated");
            case INSERT -> key(table, decoded, change.newTuple(), "an INSERT");
            case UPDATE -> {
                if (change.oldTuple() != null) {
                    key(table, decoded, change.oldTuple(), "an UPDATE's old key");
                }
                key(table, decoded, change.newTuple(), "an UPDATE");
            }
            case DELETE -> key(table, decoded, change.oldTuple(), "a DELETE (replica identity NOTHING?)");
        }
    }

    private void key(TableName table, TableName decoded, Map<String, DecodedChange.Datum> tuple, String what) {
        if (inFull.containsKey(table)) {
            return;
        }
        if (tuple == null) {
            checkInFull(table, what + " of " + decoded + " carries no row data");
            return;
        }
        var columns = keyColumns.get(table);
        var key = new String[columns.size()];
        for (int i = 0; i < key.length; i++) {
            var datum = tuple.get(columns.get(i));
            if (datum == null || datum.text() == null) {
                checkInFull(table, what + " of " + decoded + " does not carry key column " + columns.get(i)
                        + (datum != null && datum.unchangedToast() ? " (TOASTed, unchanged)" : ""));
                return;
            }
            key[i] = datum.text();
        }
        include(table, List.of(key));
    }

    public void checkInFull(TableName table, String reason) {
        inFull.putIfAbsent(table, reason);
        keys.put(table, new LinkedHashSet<>());
    }

    /** Tables to check in full, each with why. */
    public Map<TableName, String> inFull() {
        return Map.copyOf(inFull);
    }

    /** The changed keys of a table not checked in full (each key: its columns' text, in key order). */
    public Set<List<String>> keys(TableName table) {
        return keys.get(table);
    }

    /** Adds what the other side's changes touched: the union of keys, and of the tables to check in full. */
    public void addAll(ChangedKeys other) {
        other.inFull.forEach(this::checkInFull);
        other.keys.forEach((table, set) -> set.forEach(key -> include(table, key)));
    }

    /** Adds one key of a tracked table (e.g. one an earlier run reported). */
    public void include(TableName table, List<String> key) {
        if (inFull.containsKey(table)) {
            return;
        }
        var set = keys.get(table);
        set.add(key);
        if (set.size() > maxKeys) {
            checkInFull(table, "more than " + maxKeys + " rows changed");
        }
    }
}
