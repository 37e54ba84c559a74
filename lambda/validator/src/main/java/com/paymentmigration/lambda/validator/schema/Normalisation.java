package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.MalformedEventException;

import java.util.regex.Pattern;

/**
 * A per-column rewrite applied on both sides before hashing, for differences the migration is allowed to make.
 * A closed set, not free SQL: the expression runs inside both production databases.
 */
public record Normalisation(String name, String sqlTemplate) {

    private static final Pattern ROUND = Pattern.compile("round:(\\d{1,2})");
    private static final Pattern TRUNCATE = Pattern.compile("truncate:(milliseconds|seconds|minutes)");

    public static final String FORMS = "trim, lower, upper, text, round:<digits 0-99>, "
            + "truncate:<milliseconds|seconds|minutes>";

    public static Normalisation parse(String column, String text) {
        var value = text == null ? "" : text.trim();
        switch (value) {
            case "trim":
                return new Normalisation(value, "btrim(%s::text)");
            case "lower":
                return new Normalisation(value, "lower(%s::text)");
            case "upper":
                return new Normalisation(value, "upper(%s::text)");
            case "text":
                return new Normalisation(value, "%s::text");
            default:
                break;
        }
        var round = ROUND.matcher(value);
        if (round.matches()) {
            return new Normalisation(value, "round(%s::numeric, " + Integer.parseInt(round.group(1)) + ")");
        }
        var truncate = TRUNCATE.matcher(value);
        if (truncate.matches()) {
            return new Normalisation(value, "date_trunc('" + truncate.group(1) + "', %s)");
        }
        throw new MalformedEventException("normalisation '" + text + "' for column " + column
                + " is not one of: " + FORMS);
    }

    /** The rule that compares the normalised value, given the column's own. */
    public ValueRule rule(ValueRule columnRule) {
        if (name.startsWith("round")) {
            return ValueRule.NUMERIC;
        }
        if (name.startsWith("truncate")) {
            // date_trunc keeps an interval an interval, and makes every other input a timestamp.
            return columnRule == ValueRule.INTERVAL ? ValueRule.INTERVAL : ValueRule.INSTANT;
        }
        return ValueRule.TEXT;
    }

    public String apply(String expression) {
        return String.format(sqlTemplate, expression);
    }
}
