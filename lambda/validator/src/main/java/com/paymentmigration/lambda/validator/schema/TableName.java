package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.MalformedEventException;
import com.paymentmigration.lambda.validator.database.Sql;

import java.util.regex.Pattern;

/** A schema-qualified table as the selection names it: {@code schema.table}, or {@code table} in {@code public}. */
public record TableName(String schema, String table) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    public static TableName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedEventException("a table name is empty; name tables as schema.table, e.g. public.payments");
        }
        var parts = text.trim().split("\\.", -1);
        if (parts.length > 2 || !validParts(parts)) {
            throw new MalformedEventException("table '" + text + "' is not schema.table of plain identifiers "
                    + "(letters, digits, _ and $, starting with a letter or _), e.g. public.payments");
        }
        return parts.length == 1 ? new TableName("public", parts[0]) : new TableName(parts[0], parts[1]);
    }

    private static boolean validParts(String[] parts) {
        for (var part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The name as SQL text, quoted so case and reserved words survive. */
    public String sql() {
        return Sql.quote(schema) + "." + Sql.quote(table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
