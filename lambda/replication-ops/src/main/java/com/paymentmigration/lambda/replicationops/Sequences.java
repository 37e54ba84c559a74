package com.paymentmigration.lambda.replicationops;

import com.paymentmigration.lambda.replicationops.TableSelection.QualifiedName;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Carries sequences over at a writer flip. DMS replicates rows, never sequence state, and a schema restored with
 * {@code pg_dump --schema-only} starts every sequence at 1: the new writer's first insert would collide with a
 * replicated key. Run inside the write freeze, after the last change has arrived: every sequence of the replicated
 * schemas (serial, identity or stand-alone) is set on the new writer past the largest value in use on either side
 * and past the old writer's own position, plus {@link #DEFAULT_MARGIN}. A sequence is never moved backwards; one
 * that only tables outside the selection use is left alone.
 */
public final class Sequences {

    /**
     * Values left unused between the old writer's last value and the new writer's first one. The freeze guarantees
     * nothing is written meanwhile; the margin covers what the freeze cannot see: values sessions pre-allocated with
     * a sequence CACHE above 1, and a writer that had not yet read the freeze flag. A bigint key can afford it.
     */
    public static final long DEFAULT_MARGIN = 10_000;

    /** Every column whose values come from a sequence: OWNED BY (serial), identity, or a nextval() default. */
    private static final String USES = """
            SELECT format('%I.%I', sn.nspname, s.relname) AS seq, n.nspname, t.relname, a.attname
              FROM pg_depend d
              JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
              JOIN pg_namespace sn ON sn.oid = s.relnamespace
              JOIN pg_class t ON t.oid = d.refobjid
              JOIN pg_namespace n ON n.oid = t.relnamespace
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            UNION
            SELECT format('%I.%I', sn.nspname, s.relname), n.nspname, t.relname, a.attname
              FROM pg_depend d
              JOIN pg_attrdef ad ON ad.oid = d.objid
              JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
              JOIN pg_namespace sn ON sn.oid = s.relnamespace
              JOIN pg_class t ON t.oid = ad.adrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ad.adnum
             WHERE d.classid = 'pg_attrdef'::regclass AND d.refclassid = 'pg_class'::regclass""";

    private final Connections connections;

    public Sequences(Connections connections) {
        this.connections = connections;
    }

    /** The outcome per sequence: its new last value on the new writer. */
    public Map<String, Long> sync(Database from, Database to, TableSelection selection, long margin)
            throws SQLException {
        if (from == to) {
            throw new OperationException("'from' and 'to' are both " + from.label() + "; sequences move between the two");
        }
        if (margin < 1) {
            throw new OperationException("'margin' must be at least 1, not " + margin);
        }
        try (var source = connections.open(from); var target = connections.open(to)) {
            var sourceState = state(source, selection);
            var targetState = state(target, selection);
            var result = new TreeMap<String, Long>();
            target.setAutoCommit(false);
            for (var entry : targetState.entrySet()) {
                var name = entry.getKey();
                var onTarget = entry.getValue();
                var onSource = sourceState.get(name);
                if (onSource == null) {
                    throw new OperationException("sequence " + name + " exists on " + to.label() + " but not on "
                            + from.label() + "; restore the same schema on both sides");
                }
                if (onTarget.increment() < 0) {
                    throw new OperationException("sequence " + name + " descends (INCREMENT " + onTarget.increment()
                            + "); only ascending sequences can be carried past the values in use");
                }
                var inUse = onSource.highest().max(onTarget.highest()).max(onSource.lastValue());
                var next = inUse.add(BigInteger.valueOf(margin)).max(onTarget.lastValue());
                if (next.compareTo(BigInteger.valueOf(onTarget.maxValue())) > 0) {
                    throw new OperationException("sequence " + name + " would pass its MAXVALUE " + onTarget.maxValue()
                            + " (values in use reach " + inUse + "); widen it before the cutover");
                }
                try (var setval = target.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                    setval.setString(1, name);
                    setval.setLong(2, next.longValueExact());
                    setval.execute();
                }
                result.put(name, next.longValueExact());
            }
            target.commit();
            return result;
        }
    }

    /** What one database knows of a sequence: its own position and the highest value its columns hold. */
    record State(BigInteger lastValue, BigInteger highest, long increment, long maxValue) {
    }

    /** Every sequence in the schemas of the replicated tables, keyed by its qualified name. */
    private static Map<String, State> state(Connection connection, TableSelection selection) throws SQLException {
        var tables = selection.tables(connection);
        var schemas = tables.stream().map(QualifiedName::schema).distinct().toList();
        var usedBy = new LinkedHashMap<String, List<String>>();
        // A sequence that only tables outside the selection use is theirs, not the migration's.
        var usedOutside = new HashSet<String>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(USES)) {
            while (rows.next()) {
                var table = new QualifiedName(rows.getString(2), rows.getString(3));
                if (tables.contains(table)) {
                    usedBy.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add("SELECT max(" + QualifiedName.quote(rows.getString(4)) + ")::numeric FROM " + table.sql());
                } else {
                    usedOutside.add(rows.getString(1));
                }
            }
        }
        var states = new TreeMap<String, State>();
        try (var query = connection.prepareStatement("SELECT format('%I.%I', schemaname, sequencename), "
                + "coalesce(last_value, start_value - increment_by), increment_by, max_value FROM pg_sequences "
                + "WHERE schemaname = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var name = rows.getString(1);
                    if (usedOutside.contains(name) && !usedBy.containsKey(name)) {
                        continue;
                    }
                    states.put(name, new State(BigInteger.valueOf(rows.getLong(2)),
                            highest(connection, usedBy.getOrDefault(name, List.of())), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return states;
    }

    private static BigInteger highest(Connection connection, List<String> maxQueries) throws SQLException {
        var highest = BigInteger.ZERO;
        for (var sql : maxQueries) {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                if (rows.next() && rows.getBigDecimal(1) != null) {
                    highest = highest.max(rows.getBigDecimal(1).toBigInteger());
                }
            }
        }
        return highest;
    }
}
