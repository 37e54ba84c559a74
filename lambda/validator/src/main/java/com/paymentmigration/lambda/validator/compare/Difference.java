package com.paymentmigration.lambda.validator.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One row that differs. {@code key} holds the text form of each primary key column; for a table compared as a
 * multiset it holds the row's text form, and {@code copies} how many more copies one side has.
 *
 * @param columns the compared columns whose values differ (for {@link Kind#DIFFERENT}, when looked up)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(List<String> key, Kind kind, List<String> columns, Long copies) {

    public enum Kind { MISSING_IN_TARGET, EXTRA_IN_TARGET, DIFFERENT }

    public static Difference of(List<String> key, Kind kind) {
        return new Difference(key, kind, null, null);
    }

    public Difference withColumns(List<String> differing) {
        return new Difference(key, kind, differing, copies);
    }

    /** The kind, from each side's row hash, or null when the row now agrees (both absent, or equal). */
    public static Kind classify(Long source, Long target) {
        if (source == null && target == null || source != null && source.equals(target)) {
            return null;
        }
        return source == null ? Kind.EXTRA_IN_TARGET : target == null ? Kind.MISSING_IN_TARGET : Kind.DIFFERENT;
    }
}
