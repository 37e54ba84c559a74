package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.MalformedEventException;
import com.paymentmigration.lambda.validator.SchemaMismatchException;
import com.paymentmigration.lambda.validator.schema.Column;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TableSelection;
import com.paymentmigration.lambda.validator.schema.TableShape;
import com.paymentmigration.lambda.validator.schema.ValueRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table as both sides must agree on it: the compared columns, the key, and the fingerprint that hashes one row
 * inside each database. Built only when the shapes match, so a comparison never starts on a meaningless question.
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
            } else if (!other.baseType().equals(column.baseType())) {
                problems.add(column.name() + " is a " + column.type() + " over " + column.baseType() + " in the source but over "
                        + other.baseType() + " in the target");
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
        // NULL needs no handling in the fingerprint only where neither side can hold one: the SQL must be the same on both.
        var bothSides = sourceColumns.stream().map(c -> c.notNull() == targetColumns.get(c.name()).notNull() ? c
                : new Column(c.name(), c.type(), c.collatable(), c.collation(), c.deterministic(), c.baseType(),
                        c.typeKind(), c.category(), false)).toList();
        return new ComparedTable(selection, bothSides, source.key(), source.estimatedRows(), source.pages());
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

    /**
     * The row fingerprint over the compared columns, each by its {@link ValueRule} (a normalised column by the rule
     * of what the normalisation yields).
     */
    public Fingerprint fingerprint(boolean exactInstants) {
        return new Fingerprint(columns.stream().map(this::value).toList(), exactInstants);
    }

    private Fingerprint.Value value(Column column) {
        var normalisation = selection.normalisations().get(column.name());
        var rule = ValueRule.of(column);
        return normalisation == null ? new Fingerprint.Value(column.name(), column.type(), column.sql(), rule, column.notNull())
                : new Fingerprint.Value(column.name(), null, normalisation.apply(column.sql()), normalisation.rule(rule),
                        column.notNull());
    }
}
