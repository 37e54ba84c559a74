package com.paymentmigration.lambda.validator.schema;

import java.util.Map;
import java.util.Set;

/**
 * One table to compare and how.
 *
 * @param ignoredColumns    columns left out of the comparison (for example a column only the target has)
 * @param normalisations    per-column rewrites applied on both sides before hashing
 * @param compareWithoutKey a table without a primary key is compared as a multiset of whole rows; otherwise it is
 *                          reported as not compared
 */
public record TableSelection(TableName name, Set<String> ignoredColumns, Map<String, Normalisation> normalisations,
                             boolean compareWithoutKey) {

    public static TableSelection of(String name) {
        return of(TableName.parse(name));
    }

    /** A table compared whole, with its primary key: what a pattern-selected table gets. */
    public static TableSelection of(TableName name) {
        return new TableSelection(name, Set.of(), Map.of(), false);
    }
}
