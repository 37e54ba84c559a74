package com.paymentmigration.lambda.replicationops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The replicated tables, chosen the way the DMS table mappings choose them ({@code schema.table}, {@code %} any run
 * of characters; in when an include matches and no exclude does). The state machines pass the stack's selection.
 */
public record TableSelection(List<String> include, List<String> exclude) {

    private static final Pattern SHAPE = Pattern.compile("[^.]+\\.[^.]+");

    public TableSelection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (include.isEmpty()) {
            throw new OperationException("'include' needs at least one schema.table pattern, e.g. payments.%");
        }
        for (var pattern : include) {
            check(pattern);
        }
        for (var pattern : exclude) {
            check(pattern);
        }
    }

    /** Table in the selection, as {@code "schema"."table"} (quoted), in name order. */
    public List<QualifiedName> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<QualifiedName>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                        + "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2")) {
            while (rows.next()) {
                var name = new QualifiedName(rows.getString(1), rows.getString(2));
                if (selects(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    boolean selects(QualifiedName name) {
        var text = name.schema() + "." + name.name();
        return include.stream().anyMatch(p -> matches(p, text)) && exclude.stream().noneMatch(p -> matches(p, text));
    }

    static boolean matches(String pattern, String text) {
        var regex = new StringBuilder();
        var parts = pattern.split("%", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return text.matches(regex.toString());
    }

    private static void check(String pattern) {
        if (!SHAPE.matcher(pattern).matches()) {
            throw new OperationException("table pattern '" + pattern + "' is not schema.table (% as wildcard), e.g. "
                    + "payments.% or ledger.entries");
        }
    }

    /** A schema-qualified relation name. */
    public record QualifiedName(String schema, String name) {

        /** As SQL writes it, each part quoted. */
        public String sql() {
            return quote(schema) + "." + quote(name);
        }

        static String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }
}
