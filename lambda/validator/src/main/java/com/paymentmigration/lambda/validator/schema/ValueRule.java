package com.paymentmigration.lambda.validator.schema;

/**
 * How one column's values are compared: what "equal" means for the type and how a value is hashed so that unequal
 * values never share a hash by design (only by a 2^-64 chance). PostgreSQL's own hash functions are made for hash
 * tables, not integrity, and are used only where they hash every bit of the value: {@code hash_numeric} ignores
 * the sign and hashes NaN and the infinities alike, {@code hashint8} and the timestamp hashes fold 64 bits into 32,
 * {@code jsonb_hash} ignores structure, array hashes ignore dimensions, and enum hashes follow OIDs that differ
 * per database. The README's "equal means" table is this enum.
 *
 * <p>Every rule is {@code family(canonical value, seed)}: the seed carries the row's digest so far (see
 * {@link com.paymentmigration.lambda.validator.compare.Fingerprint}), flipped by a constant for NULL and, for
 * numbers, for the sign class.
 */
public enum ValueRule {
    INTEGER("integer", "smallint, integer",
            "the same integer", "hashint4extended: all 32 bits"),
    BIGINT("bigint", "bigint",
            "the same integer", "hashint4extended of the high 32 bits, then of the low 32 bits (hashint8 folds them)"),
    NUMERIC("numeric", "numeric, money (as numeric)",
            "equal by value with its sign (1.5 = 1.500, -0.10 <> 0.10); NaN, Infinity and -Infinity are equal only to "
                    + "themselves",
            "hash_numeric_extended (digits and weight, scale-free), seeded by the sign class: negative, NaN, other"),
    INSTANT("instant", "timestamp, timestamptz",
            "the same instant to the microsecond (12:00+01 = 11:00+00); infinity and -infinity only to themselves",
            "the exact numeric extract(epoch), hashed as numeric (the timestamp hash folds 64 bits into 32)"),
    FLOAT("float", "real, double precision",
            "equal under = : -0 = 0, NaN = NaN, Infinity and -Infinity distinct; real compared as its exact double",
            "hashfloat8extended of the value as double precision (all 64 bits)"),
    BOOLEAN("boolean", "boolean", "the same truth value", "hashint4extended of 0 or 1"),
    UUID("uuid", "uuid", "the same 128 bits", "uuid_hash_extended: all 16 bytes"),
    DATE("date", "date", "the same day; infinity and -infinity only to themselves",
            "the type's own extended hash (hashint4extended of the day number: all 32 bits)"),
    BYTEA("bytea", "bytea", "the same bytes", "the type's own extended hash over every byte"),
    TEXT("text", "text, varchar, name, citext and every other string type",
            "byte-exact: composed and decomposed é differ, case differs (also for citext), trailing spaces count",
            "hashtextextended over the bytes under COLLATE \"C\" (a nondeterministic collation would hash equal-but-"
                    + "different strings alike)"),
    CHARACTER("character", "character(n)",
            "byte-exact except trailing spaces, which char(n) pads and PostgreSQL ignores: 'EU ' = 'EU'",
            "hashbpcharextended under COLLATE \"C\" (bytes without trailing spaces)"),
    JSONB("jsonb", "jsonb, json (parsed as jsonb)",
            "the same document: same structure, keys in any order (duplicates: the last wins), strings byte-exact, "
                    + "numbers as written (1.0 <> 1.00); {} , [] , a scalar and a one-element array all differ",
            "hashtextextended of jsonb's canonical text (keys sorted, whitespace normalised)"),
    INTERVAL("interval", "interval",
            "the same months, days and microseconds, field by field: '1 day' <> '24 hours' and '1 mon' <> '30 days' "
                    + "(they differ across a DST change or a short month); PostgreSQL's = would call them equal",
            "hashtextextended of its text (IntervalStyle postgres)"),
    TIME("time", "time, timetz",
            "the same time of day to the microsecond (timetz: and the same offset)",
            "hashtextextended of its text (the time hash folds 64 bits into 32)"),
    ARRAY("array", "every array type",
            "the same dimensions, lower bounds and elements, each element compared as its text ({1.0} <> {1.00}; "
                    + "'{}' <> NULL; [0:1]={1,2} <> {1,2})",
            "hashtextextended of the array's text, which prints bounds other than 1 and every dimension"),
    ENUM("enum", "enum types",
            "the same label (enum OIDs differ per database, so PostgreSQL's enum hash cannot be compared across them)",
            "hashtextextended of the label"),
    TEXT_OUTPUT("text-output", "every other type: composite, range, multirange, network, geometric, bit, "
            + "tsvector, xml, pg_lsn, extension types (hstore, ltree, ...)",
            "the same canonical text output under the validator's fixed session settings (TimeZone UTC, DateStyle "
                    + "ISO, IntervalStyle postgres, extra_float_digits 3, bytea_output hex); floats in them compare "
                    + "as their exact text (-0 <> 0)",
            "hashtextextended of the value's text");

    private final String key;
    private final String types;
    private final String meaning;
    private final String hashing;

    ValueRule(String key, String types, String meaning, String hashing) {
        this.key = key;
        this.types = types;
        this.meaning = meaning;
        this.hashing = hashing;
    }

    /** The rule's name in reports. */
    public String key() {
        return key;
    }

    public String types() {
        return types;
    }

    public String meaning() {
        return meaning;
    }

    public String hashing() {
        return hashing;
    }

    /** The rule for a column, from its base type (domains compare as their base type). */
    public static ValueRule of(Column column) {
        return switch (column.baseType()) {
            case "smallint", "integer" -> INTEGER;
            case "bigint" -> BIGINT;
            case "numeric", "money" -> NUMERIC;
            case "real", "double precision" -> FLOAT;
            case "boolean" -> BOOLEAN;
            case "uuid" -> UUID;
            case "date" -> DATE;
            case "bytea" -> BYTEA;
            case "character" -> CHARACTER;
            case "timestamp with time zone", "timestamp without time zone" -> INSTANT;
            case "jsonb", "json" -> JSONB;
            case "interval" -> INTERVAL;
            case "time with time zone", "time without time zone" -> TIME;
            default -> column.category() == 'A' ? ARRAY
                    : column.typeKind() == 'e' ? ENUM
                    : column.category() == 'S' ? TEXT
                    : TEXT_OUTPUT;
        };
    }
}
