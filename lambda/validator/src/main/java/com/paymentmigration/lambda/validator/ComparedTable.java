package com.paymentmigration.lambda.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table as both sides must agree on it: the compared columns, the key, and the SQL that hashes one row from its
 * typed values. Built only when the shapes match, so a comparison never starts on a meaningless question.
 */
public record ComparedTable(TableSelection selection, List<Column> columns, List<Column> key, long estimatedRows,
                            long pages) {

    public static ComparedTable of(TableSelection selection, TableShape source, TableShape target) {
        var name = selection.name();
        for (var ignored : selection.ignoredColumns()) {
            if (byName(source).get(ignored) == null && byName(target).get(ignored) == null) {
                throw new MalformedEventException("ignored column " + ignored + " is not a column of " + name
                        + " on either side; fix the selection's ignore list");
            }
        }
        var sourceColumns = compared(source, selection);
        var targetColumns = byName(target);
        var problems = new ArrayList<String>();
        for (var column : sourceColumns) {
            var other = targetColumns.get(column.name());
            if (other == null) {
                problems.add(column.name() + " is missing in the target");
            } else if (!other.type().equals(column.type())) {
                problems.add(column.name() + " is " + column.type() + " in the source but " + other.type() + " in the target");
            }
        }
        var sourceNames = sourceColumns.stream().map(Column::name).collect(Collectors.toSet());
        compared(target, selection).stream().filter(c -> !sourceNames.contains(c.name()))
                .forEach(c -> problems.add(c.name() + " exists only in the target"));
        var sourceKey = source.key().stream().map(Column::name).toList();
        var targetKey = target.key().stream().map(Column::name).toList();
        if (!sourceKey.equals(targetKey)) {
            problems.add("the primary key is " + sourceKey + " in the source but " + targetKey + " in the target");
        }
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException("table " + name + " differs in shape: " + String.join("; ", problems)
                    + ". Align the schemas, or list the column under the table's ignore list");
        }
        for (var column : selection.normalisations().keySet()) {
            if (sourceNames.stream().noneMatch(column::equals)) {
                throw new MalformedEventException("normalisation for " + name + "." + column
                        + " names no compared column; fix the selection");
            }
        }
        return new ComparedTable(selection, sourceColumns, source.key(), source.estimatedRows(), source.pages());
    }

    private static List<Column> compared(TableShape shape, TableSelection selection) {
        return shape.columns().stream().filter(c -> !selection.ignoredColumns().contains(c.name())).toList();
    }

    private static Map<String, Column> byName(TableShape shape) {
        return shape.columns().stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }

    public TableName name() {
        return selection.name();
    }

    public boolean hasPrimaryKey() {
        return !key.isEmpty();
    }

    /** The distinct types of the compared columns, the ones the hash probe must check. */
    public Set<String> types() {
        return columns.stream().map(Column::type).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * One 64-bit hash of a row from its typed values: PostgreSQL's own per-type hash functions, combined in column
     * order by {@code hash_record_extended} (a NULL column contributes 0, an empty string does not). Equal
     * numerics, instants and jsonb already hash equal. Types in {@code textTypes} (the probe found their hashes
     * differ between the sides) are hashed from their text form; with {@code textRows}, the whole row is.
     */
    public String rowHash(Set<String> textTypes, boolean textRows) {
        var values = columns.stream().map(c -> value(c, textTypes)).collect(Collectors.joining(", "));
        return textRows
                ? "hashtextextended(ROW(" + values + ")::text, 0)"
                : "hash_record_extended(ROW(" + values + "), 0)";
    }

    /** One column's canonical value, as {@link #rowHash} hashes it. */
    public String value(Column column, Set<String> textTypes) {
        var normalisation = selection.normalisations().get(column.name());
        var expression = normalisation == null ? column.sql() : normalisation.apply(column.sql());
        if (normalisation == null && column.type().equals("json")) {
            // json has no hash function and keeps its input text; as jsonb, equal documents are equal.
            expression = expression + "::jsonb";
        } else if (normalisation == null && textTypes.contains(column.type())) {
            expression = expression + "::text";
        }
        if (column.collatable() && !column.deterministic()) {
            // Under a nondeterministic collation equal is not byte-equal; the comparison is byte-exact.
            expression = "(" + expression + ")::text COLLATE \"C\"";
        }
        return expression;
    }
}
