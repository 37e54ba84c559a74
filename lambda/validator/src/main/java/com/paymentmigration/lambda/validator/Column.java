package com.paymentmigration.lambda.validator;

/**
 * One column as the catalog describes it.
 *
 * @param type          the type without modifiers ({@code format_type(oid, NULL)}), used for casts
 * @param collatable    whether comparisons of it depend on a collation
 * @param deterministic false for a nondeterministic collation, under which equal is not byte-equal
 */
public record Column(String name, String type, boolean collatable, String collation, boolean deterministic) {

    public String sql() {
        return Sql.quote(name);
    }
}
