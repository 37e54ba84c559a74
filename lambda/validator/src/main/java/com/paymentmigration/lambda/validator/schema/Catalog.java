package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.PermissionDeniedException;
import com.paymentmigration.lambda.validator.UnknownTableException;
import com.paymentmigration.lambda.validator.database.Side;

import java.util.ArrayList;
import java.util.List;

/** Reads a table's shape from {@code pg_catalog}, so that unknown tables and missing grants fail by name, early. */
public final class Catalog {
    private Catalog() {
    }

    /** The ordinary and partitioned tables (not their partitions) of the database that {@code patterns} select. */
    public static List<TableName> tables(Side side, TablePatterns patterns) {
        List<TableName> all = side.query("""
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                ORDER BY 1, 2""", s -> { }, rows -> {
                    var list = new ArrayList<TableName>();
                    while (rows.next()) {
                        list.add(new TableName(rows.getString(1), rows.getString(2)));
                    }
                    return list;
                });
        var selected = all.stream().filter(patterns::selects).toList();
        if (selected.isEmpty()) {
            throw new UnknownTableException("no table in the " + side.label() + " database matches " + patterns
                    + "; check the table selection (migration:replicatedTables, migration:excludedTables)");
        }
        return selected;
    }

    public static TableShape describe(Side side, TableName name) {
        var found = side.query("""
                SELECT c.oid, c.reltuples::bigint, has_table_privilege(c.oid, 'SELECT'), c.relpages
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')""",
                s -> {
                    s.setString(1, name.schema());
                    s.setString(2, name.table());
                },
                rows -> rows.next()
                        ? new long[] {rows.getLong(1), rows.getLong(2), rows.getBoolean(3) ? 1 : 0, rows.getLong(4)} : null);
        if (found == null) {
            throw new UnknownTableException("table " + name + " does not exist in the " + side.label()
                    + " database (or its schema is not visible to the validator's user); check the table selection");
        }
        if (found[2] == 0) {
            throw new PermissionDeniedException("the validator's user may not SELECT from " + name + " in the "
                    + side.label() + " database; run GRANT SELECT ON " + name.sql() + " TO <validator user>", null);
        }
        long oid = found[0];
        // The base type of a domain (through domains over domains) decides how values are compared.
        var columns = side.query("""
                SELECT a.attname, format_type(a.atttypid, NULL), t.typcollation <> 0,
                       coalesce(co.collname, ''), coalesce(co.collisdeterministic, true),
                       format_type(b.oid, NULL), b.typtype, b.typcategory, a.attnotnull
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_collation co ON co.oid = a.attcollation
                CROSS JOIN LATERAL (
                    WITH RECURSIVE chain(oid, depth) AS (
                        SELECT a.atttypid, 0
                        UNION ALL
                        SELECT d.typbasetype, chain.depth + 1 FROM chain JOIN pg_type d ON d.oid = chain.oid
                        WHERE d.typtype = 'd')
                    SELECT bt.oid, bt.typtype, bt.typcategory FROM chain JOIN pg_type bt ON bt.oid = chain.oid
                    ORDER BY chain.depth DESC LIMIT 1) b
                WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
                s -> s.setLong(1, oid), rows -> {
                    var list = new ArrayList<Column>();
                    while (rows.next()) {
                        list.add(new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                                rows.getString(4), rows.getBoolean(5), rows.getString(6), rows.getString(7).charAt(0),
                                rows.getString(8).charAt(0), rows.getBoolean(9)));
                    }
                    return list;
                });
        var keyNames = side.strings("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = ? AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)""", s -> s.setLong(1, oid));
        List<Column> key = keyNames.stream()
                .map(k -> columns.stream().filter(c -> c.name().equals(k)).findFirst().orElseThrow())
                .toList();
        // reltuples is -1 before the first ANALYZE: unknown, and the sampler then reads every key.
        return new TableShape(name, List.copyOf(columns), key, found[1], found[3]);
    }
}
