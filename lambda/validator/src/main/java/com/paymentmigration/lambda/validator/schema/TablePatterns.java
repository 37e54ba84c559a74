package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.MalformedEventException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables chosen the way the DMS table mappings choose them: {@code schema.table} patterns where {@code %} matches any
 * run of characters and everything else matches itself; a table is in when an include matches and no exclude does.
 * The state machine passes the stack's own selection, so the validator compares exactly what DMS replicates.
 */
public record TablePatterns(List<String> include, List<String> exclude) {

    private static final Pattern PATTERN = Pattern.compile("[^.]+\\.[^.]+");

    public TablePatterns {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (include.isEmpty()) {
            throw new MalformedEventException("'include' needs at least one schema.table pattern, e.g. public.%");
        }
        for (var pattern : java.util.stream.Stream.concat(include.stream(), exclude.stream()).toList()) {
            if (!PATTERN.matcher(pattern).matches()) {
                throw new MalformedEventException("table pattern '" + pattern + "' is not schema.table (% as wildcard), "
                        + "e.g. payments.% or ledger.entries");
            }
        }
    }

    public static TablePatterns of(List<String> include, List<String> exclude) {
        return new TablePatterns(include, exclude);
    }

    public boolean selects(TableName name) {
        var text = name.schema() + "." + name.table();
        return include.stream().anyMatch(p -> matches(p, text)) && exclude.stream().noneMatch(p -> matches(p, text));
    }

    static boolean matches(String pattern, String text) {
        var regex = new StringBuilder();
        for (var part : pattern.split("%", -1)) {
            if (regex.length() > 0 || pattern.startsWith("%")) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    @Override
    public String toString() {
        return "include " + include + (exclude.isEmpty() ? "" : " exclude " + exclude);
    }
}
