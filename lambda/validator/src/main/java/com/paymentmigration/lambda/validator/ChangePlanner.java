package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.changes.ChangeSlots;
import com.paymentmigration.lambda.validator.changes.ChangedKeys;
import com.paymentmigration.lambda.validator.compare.ComparedTable;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;
import com.paymentmigration.lambda.validator.database.Side;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.ReportStore;
import com.paymentmigration.lambda.validator.report.RunReport;
import com.paymentmigration.lambda.validator.schema.Catalog;
import com.paymentmigration.lambda.validator.schema.Column;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TableSelection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans a check of only the rows that can differ since an earlier full run (the freeze-time validation), so its
 * cost follows the changes, not the database.
 *
 * <p><b>Why a row outside the set cannot differ.</b> The change slots (one per side, same name) existed before the
 * full run began: the run recorded their start positions, and they are found unchanged now (an unconsumed slot's
 * {@code confirmed_flush_lsn} does not move; a slot dropped and created again starts elsewhere). A logical slot
 * decodes every transaction that commits after its start, and a snapshot taken after its creation sees every one
 * that committed before. Take a key k of a table checked this way that is in none of: the keys the source's slot
 * decoded, the keys the target's slot decoded, the keys the full run listed as different or transient. Then k's row
 * (or its absence) did not change on either side from the slots' creation until now, so the full run read the same
 * row on each side that is there now; the full run compared it (leaf sums equal: the same rows, up to the
 * fingerprint's 2^-64; or row by row in a dirty leaf, where it would have been listed had it differed), found it
 * equal, and it is still equal. (A key the full run listed as transient moved after the slots' creation, so the slots
 * saw it too: the listed keys are a second, independent source, and a truncated list is refused below out of the same
 * caution.) The keys in the set are compared now, on both sides. What the slots cannot map to keys
 * sends its table to a full check instead: a TRUNCATE, a DELETE without its old key, a key column TOASTed or missing,
 * a line that cannot be read, too many keys; so does a table the slots cannot see completely (no primary key, an
 * unlogged or foreign table or partition, a replica identity other than the primary key or FULL, under which an
 * UPDATE of the key would not carry the old key) and a table the full run did not cover, compared as a multiset, or
 * listed only in part ({@code truncated}: the transients it did not list are unknown, so the set would be incomplete).
 */
final class ChangePlanner {

    /** Keys per validate item: about 2 MB of keys in the store, and seconds of lookups. */
    static final int KEYS_PER_ITEM = 50_000;

    /** The items, and why each table checked in full is. */
    record Planned(List<ObjectNode> items, Map<String, String> checkedInFull, long changedKeys) {
    }

    private final Sides sides;
    private final ReportStore store;

    ChangePlanner(Sides sides, ReportStore store) {
        this.sides = sides;
        this.store = store;
    }

    /** Where the full run at {@code reportPrefix} records the change slots' start. */
    static String positionsKey(String reportPrefix) {
        return reportPrefix + "/change-slots.json";
    }

    /** The full run's part: the slots must exist on both sides; their start is recorded. */
    void record(String reportPrefix, String slotName) {
        store.write(positionsKey(reportPrefix), Json.write(ChangeSlots.positions(sides, slotName)));
    }

    /**
     * @param fullItems the ordinary plan items of a table (for the tables checked in full)
     */
    Planned plan(Events.Plan plan, List<TableSelection> selections, JsonNode options,
                 Function<TableSelection, List<ObjectNode>> fullItems) {
        var since = plan.changesSince();
        var recorded = Json.read(store.read(positionsKey(since)).orElseThrow(() -> new ChangeTrackingException(
                "the run at " + since + " did not record the change slots (plan it with changeSlot)")),
                ChangeSlots.Positions.class, positionsKey(since));
        var full = Json.read(store.read(since + "/report.json").orElseThrow(() -> new ChangeTrackingException(
                "the run at " + since + " has no report: it did not finish")), RunReport.class, since + "/report.json");
        if (full.status() != Status.MATCH) {
            throw new ChangeTrackingException("the run at " + since + " ended " + full.status()
                    + ", not MATCH: only a matching full run can be built on");
        }
        if (!ChangeSlots.positions(sides, recorded.slotName()).equals(recorded)) {
            throw new ChangeTrackingException("the change slots " + recorded.slotName() + " are not those the run at "
                    + since + " recorded (" + recorded + "): changes between them are unknown; run the full validation again");
        }
        var inFull = new LinkedHashMap<TableName, String>();
        var keyColumns = new LinkedHashMap<TableName, List<String>>();
        for (var selection : selections) {
            var shapes = sides.both(side -> Catalog.describe(side, selection.name()));
            var table = ComparedTable.of(selection, shapes.source(), shapes.target());
            if (table.hasPrimaryKey()) {
                keyColumns.put(selection.name(), table.key().stream().map(Column::name).toList());
            } else {
                inFull.put(selection.name(), "no primary key");
            }
        }
        var decoded = sides.both(side -> decode(side, recorded.slotName(), keyColumns));
        var changed = decoded.source();
        changed.addAll(decoded.target());
        var previous = new HashMap<String, PartitionReport>();
        full.tables().forEach(report -> previous.put(report.table(), report));
        for (var table : keyColumns.keySet()) {
            var report = previous.get(table.toString());
            if (report == null || !PartitionReport.KEY_RANGES.equals(report.method())) {
                changed.checkInFull(table, report == null ? "not in the run at " + since : "compared as " + report.method()
                        + " in the run at " + since);
            } else if (report.truncated()) {
                changed.checkInFull(table, "the run at " + since + " listed only part of its differences and transients");
            } else {
                report.differences().forEach(d -> changed.include(table, d.key()));
                report.transients().forEach(d -> changed.include(table, d.key()));
            }
        }
        changed.inFull().forEach(inFull::putIfAbsent);
        return items(plan, selections, options, fullItems, inFull, changed);
    }

    private Planned items(Events.Plan plan, List<TableSelection> selections, JsonNode options,
                          Function<TableSelection, List<ObjectNode>> fullItems, Map<TableName, String> inFull,
                          ChangedKeys changed) {
        var items = new ArrayList<ObjectNode>();
        var reasons = new LinkedHashMap<String, String>();
        long count = 0;
        for (var selection : selections) {
            var name = selection.name();
            if (inFull.containsKey(name)) {
                reasons.put(name.toString(), inFull.get(name));
                items.addAll(fullItems.apply(selection));
                continue;
            }
            var keys = new ArrayList<>(changed.keys(name));
            count += keys.size();
            int partition = 0;
            do {
                var part = keys.subList(Math.min(keys.size(), partition * KEYS_PER_ITEM),
                        Math.min(keys.size(), (partition + 1) * KEYS_PER_ITEM));
                var prefix = plan.reportPrefix() + "/partitions/" + name + "/" + partition;
                store.write(prefix + ".keys.json", Json.line(part).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                items.add(Events.keysItem(selection, partition, prefix + ".keys.json", options, prefix + ".json"));
                partition++;
            } while (partition * KEYS_PER_ITEM < keys.size());
        }
        return new Planned(items, reasons, count);
    }

    /** The keys one side's slot decoded, for the tracked tables and every partition or child of theirs. */
    private static ChangedKeys decode(Side side, String slotName, Map<TableName, List<String>> keyColumns) {
        var trackedAs = new HashMap<TableName, List<TableName>>();
        var untrackable = new LinkedHashMap<TableName, String>();
        for (var table : keyColumns.keySet()) {
            for (var relation : relations(side, table)) {
                trackedAs.computeIfAbsent(relation.name(), r -> new ArrayList<>()).add(table);
                var reason = relation.untrackable();
                if (reason != null) {
                    untrackable.putIfAbsent(table, relation.name() + " in the " + side.label() + " database " + reason);
                }
            }
        }
        var changed = new ChangedKeys(keyColumns, trackedAs, ChangedKeys.MAX_KEYS_PER_TABLE);
        untrackable.forEach(changed::checkInFull);
        ChangeSlots.peek(side, slotName, changed::add);
        return changed;
    }

    /** A relation whose rows a table's scan returns: the table, and its partitions and inheritance children. */
    private record Relation(TableName name, String kind, String persistence, String replicaIdentity) {

        /** Why the slots cannot see every change of its rows by key, or null. */
        String untrackable() {
            if (kind.equals("f")) {
                return "is a foreign table: its changes are not in this database's WAL";
            }
            if (!persistence.equals("p")) {
                return "is unlogged: its changes are not decoded";
            }
            if (kind.equals("r") && !replicaIdentity.equals("d") && !replicaIdentity.equals("f")) {
                return "has replica identity " + (replicaIdentity.equals("n") ? "NOTHING" : "USING INDEX")
                        + ": a DELETE or an UPDATE of the key would not carry the old key";
            }
            return null;
        }
    }

    private static List<Relation> relations(Side side, TableName table) {
        return side.query("""
                WITH RECURSIVE tree(rel) AS (
                    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relname = ?
                    UNION SELECT i.inhrelid FROM pg_inherits i JOIN tree ON i.inhparent = tree.rel)
                SELECT n.nspname, c.relname, c.relkind::text, c.relpersistence::text, c.relreplident::text
                FROM tree JOIN pg_class c ON c.oid = tree.rel JOIN pg_namespace n ON n.oid = c.relnamespace""",
                s -> {
                    s.setString(1, table.schema());
                    s.setString(2, table.table());
                }, rows -> {
                    var list = new ArrayList<Relation>();
                    while (rows.next()) {
                        list.add(new Relation(new TableName(rows.getString(1), rows.getString(2)), rows.getString(3),
                                rows.getString(4), rows.getString(5)));
                    }
                    return list;
                });
    }
}
