package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.database.Sql;

/**
 * One column as the catalog describes it.
 *
 * @param type          the type without modifiers ({@code format_type(oid, NULL)}), as the sides' shapes compare it
 * @param collatable    whether comparisons of it depend on a collation
 * @param deterministic false for a nondeterministic collation, under which equal is not byte-equal
 * @param baseType      the type under any domains ({@code type} itself for a plain type): what the fingerprint rule
 *                      and the key casts follow
 * @param typeKind      {@code pg_type.typtype} of the base type: b base, e enum, c composite, r range, m multirange
 * @param category      {@code pg_type.typcategory} of the base type: A array, S string, ...
 * @param notNull       declared NOT NULL
 */
public record Column(String name, String type, boolean collatable, String collation, boolean deterministic,
                     String baseType, char typeKind, char category, boolean notNull) {

    /** A plain (non-domain) base type, as most tests and most columns have. */
    public static Column plain(String name, String type, boolean collatable, String collation) {
        return new Column(name, type, collatable, collation, true, type, 'b', collatable ? 'S' : 'N', false);
    }

    public String sql() {
        return Sql.quote(name);
    }

    /**
     * The type to cast a key value's text to. Without its modifier {@code character} means {@code character(1)}, which
     * would cut every longer key to its first letter, so it is cast to {@code bpchar} (any length).
     */
    public String castType() {
        return baseType.equals("character") ? "bpchar" : type;
    }
}
