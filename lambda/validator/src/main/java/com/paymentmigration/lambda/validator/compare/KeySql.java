package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.MalformedEventException;
import com.paymentmigration.lambda.validator.schema.Column;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that addresses rows by primary key: the key expression, range predicates (which the primary key index
 * serves), the bucket expression over sampled thresholds, and lookups of listed keys. Single and composite keys
 * alike; with {@code byteOrder}, text key columns are ordered bytewise on both sides.
 */
public final class KeySql {

    private final List<Column> key;
    private final boolean byteOrder;

    public KeySql(List<Column> key, boolean byteOrder) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one column");
        }
        this.key = List.copyOf(key);
        this.byteOrder = byteOrder;
    }

    public int width() {
        return key.size();
    }

    /** The key as one comparable value: the column, or a row of the columns. */
    public String expression() {
        var columns = key.stream().map(this::ordered).collect(Collectors.joining(", "));
        return key.size() == 1 ? columns : "ROW(" + columns + ")";
    }

    private String ordered(Column column) {
        return byteOrder && column.collatable() ? column.sql() + " COLLATE \"C\"" : column.sql();
    }

    /** The key from the first {@link #width} columns of the current row, as {@link #texts} selected it. */
    public List<String> read(java.sql.ResultSet rows) throws SQLException {
        var values = new String[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.getString(i + 1);
        }
        return List.of(values);
    }

    /** The key columns, as a select list. */
    public String columns() {
        return key.stream().map(Column::sql).collect(Collectors.joining(", "));
    }

    /**
     * The select list of the key's text forms, one per column. Aliased, because an output column named like the
     * key column would win in ORDER BY, and keys would be ordered as text (10 before 9).
     */
    public String texts() {
        var list = new java.util.ArrayList<String>();
        for (int i = 0; i < key.size(); i++) {
            list.add(text(key.get(i)) + " AS key_text_" + (i + 1));
        }
        return String.join(", ", list);
    }

    /**
     * A key column's text, the same on both sides for keys the key type calls equal, since rows are matched by it:
     * a numeric without trailing fractional zeros (2.0 and 2.00 are one row, as the primary key says), a citext in
     * lower case (citext matches keys case-insensitively; the value itself is still compared byte-exact), a float
     * plus zero (so -0 and 0, one key, print alike).
     */
    private static String text(Column column) {
        var text = column.sql() + "::text";
        return switch (column.baseType()) {
            case "numeric" -> "CASE WHEN " + text + " LIKE '%.%' THEN rtrim(rtrim(" + text + ", '0'), '.') ELSE " + text + " END";
            case "citext" -> "lower(" + text + ")";
            case "real", "double precision" -> "(" + column.sql() + " + 0)::text";
            default -> text;
        };
    }

    private String value() {
        var casts = key.stream().map(c -> "?::" + c.castType() + (byteOrder && c.collatable() ? " COLLATE \"C\"" : ""))
                .collect(Collectors.joining(", "));
        return key.size() == 1 ? casts : "ROW(" + casts + ")";
    }

    public String where(KeyRange range) {
        if (range.lower() == null && range.upper() == null) {
            return "TRUE";
        }
        var lower = range.lower() == null ? null : expression() + " >= " + value();
        var upper = range.upper() == null ? null : expression() + " < " + value();
        return lower == null ? upper : upper == null ? lower : lower + " AND " + upper;
    }

    /** Binds what {@link #where} asked for, from {@code index}; returns the next free index. */
    public int bind(PreparedStatement statement, int index, KeyRange range) throws SQLException {
        index = bindKey(statement, index, range.lower());
        return bindKey(statement, index, range.upper());
    }

    private int bindKey(PreparedStatement statement, int index, List<String> values) throws SQLException {
        if (values == null) {
            return index;
        }
        if (values.size() != key.size()) {
            throw new MalformedEventException("key " + values + " has " + values.size() + " values but the key has "
                    + key.size() + " columns");
        }
        for (var value : values) {
            statement.setString(index++, value);
        }
        return index;
    }

    /** {@code width_bucket(key, thresholds)}: bucket i holds thresholds[i-1] <= key < thresholds[i]. */
    public String bucket(int thresholds) {
        if (key.size() == 1) {
            var column = key.get(0);
            return "width_bucket(" + expression() + ", ?::text[]::" + column.castType() + "[])";
        }
        return "width_bucket(" + expression() + ", ARRAY[" + String.join(", ", java.util.Collections.nCopies(thresholds, value())) + "])";
    }

    public int bindBucket(PreparedStatement statement, int index, List<List<String>> thresholds) throws SQLException {
        if (key.size() == 1) {
            var values = thresholds.stream().map(t -> t.get(0)).toArray();
            statement.setArray(index, statement.getConnection().createArrayOf("text", values));
            return index + 1;
        }
        for (var threshold : thresholds) {
            index = bindKey(statement, index, threshold);
        }
        return index;
    }

    /** A predicate matching exactly the listed keys. */
    public String in(int keys) {
        if (key.size() == 1) {
            return expression() + " = ANY(?::text[]::" + key.get(0).castType() + "[])";
        }
        return expression() + " IN (" + String.join(", ", java.util.Collections.nCopies(keys, value())) + ")";
    }

    public int bindIn(PreparedStatement statement, int index, List<List<String>> keys) throws SQLException {
        return bindBucket(statement, index, keys);
    }
}
