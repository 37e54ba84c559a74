package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.schema.ValueRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL that turns a row into a 64-bit digest, computed inside each database so no value leaves it.
 *
 * <p><b>Per column</b>, a {@link ValueRule} maps the value to a canonical form and hashes it with a PostgreSQL
 * function that reads every bit of that form. NULL flips the seed by a constant instead of hashing a value, so NULL
 * differs from every value, empty containers, zero and NaN included (some of which PostgreSQL hashes to the bare
 * seed).
 *
 * <p><b>Per row</b>, the columns are chained through the hash functions' 64-bit seed: column i is hashed with the
 * digest of columns 1..i-1 as its seed, and a last call mixes the whole 64-bit state once more. Every column thus
 * enters non-linearly, in its position. PostgreSQL's {@code hash_record_extended} instead adds
 * {@code 31 * previous + column hash}, a linear form; summed over a leaf, values swapped between two rows of it
 * cancel exactly. Each column expression appears once in the chain, so the SQL grows linearly with the columns.
 *
 * <p><b>Per leaf</b>, {@code (count, sum)} of the row digests, summed as an exact numeric (no wrap-around). The
 * key is one of the hashed columns, so a digest stands for (key, row). Two sides' sums can only agree on different
 * rows if the digests of the rows one side lacks add up exactly to those of the rows the other lacks; as each
 * digest is a keyed hash of the whole row, any particular set of differences does so with probability about
 * 2^-64 (the digests of a swap are new, unrelated values, not the old ones moved). This is a guard against
 * accidents (a migration bug, a lost sign, a swapped status), not against forgery: the hash is Jenkins' lookup3,
 * not a cryptographic hash, so someone able to write crafted rows into the target could build colliding values.
 */
public final class Fingerprint {

    /**
     * One compared column: its canonical value expression (after any normalisation), its rule, its type (null when
     * normalised), and whether both sides declare it NOT NULL (then no NULL handling is computed for it).
     */
    public record Value(String column, String type, String expression, ValueRule rule, boolean notNull) {
    }

    // Fixed, arbitrary 64-bit constants (hexadecimal digits of pi), the same on both sides.
    private static final long ROW_SEED = 0x243F6A8885A308D3L;
    private static final long COLUMN_SEED = 0x13198A2E03707344L;
    private static final long NULL_FLAG = 0x29F31D0082EFA98EL;
    private static final long NEGATIVE_FLAG = 0x452821E638D01377L;
    private static final long NAN_FLAG = 0x3BE5466CF34E90C6L;

    private final List<Value> values;
    private final boolean exactInstants;

    /**
     * @param exactInstants both sides run PostgreSQL 14 or later, where {@code extract(epoch)} is an exact numeric;
     *                      before that it is a double, and instants are hashed by their text (UTC) instead
     */
    public Fingerprint(List<Value> values, boolean exactInstants) {
        this.values = List.copyOf(values);
        this.exactInstants = exactInstants;
    }

    /** The row's digest: a bigint. */
    public String row() {
        var digest = literal(ROW_SEED);
        for (var value : values) {
            digest = hash(value, digest);
        }
        return "hashint4extended(" + values.size() + ", " + digest + ")";
    }

    /** Each column's own digest, as one {@code bigint[]}: which columns of a differing row differ. */
    public String columns() {
        return values.stream().map(v -> hash(v, literal(COLUMN_SEED))).collect(Collectors.joining(", ", "ARRAY[", "]"));
    }

    /** Column name to the rule it is compared by, for the report. */
    public Map<String, String> rules() {
        var rules = new LinkedHashMap<String, String>();
        values.forEach(v -> rules.put(v.column(), ruleName(v.rule())));
        return rules;
    }

    /** The types compared through their text form, each with what equal means for it. */
    public Map<String, String> textTypes() {
        var types = new java.util.TreeMap<String, String>();
        for (var value : values) {
            if (value.type() != null && hashesText(value.rule())) {
                types.put(value.type(), ruleName(value.rule()) + ": " + value.rule().meaning());
            }
        }
        return types;
    }

    private boolean hashesText(ValueRule rule) {
        return switch (rule) {
            case JSONB, INTERVAL, TIME, ARRAY, ENUM, TEXT_OUTPUT -> true;
            case INSTANT -> !exactInstants;
            default -> false;
        };
    }

    private String ruleName(ValueRule rule) {
        return rule == ValueRule.INSTANT && !exactInstants ? ValueRule.INSTANT.key() + " (as UTC text: a side runs "
                + "PostgreSQL before 14)" : rule.key();
    }

    private String hash(Value value, String seed) {
        var x = "(" + value.expression() + ")";
        var isNull = value.notNull() ? "" : "WHEN " + x + " IS NULL THEN " + literal(NULL_FLAG);
        var flagged = value.notNull() ? seed : "(" + seed + ") # CASE " + isNull + " ELSE 0 END";
        return switch (value.rule()) {
            case INTEGER, BOOLEAN -> "hashint4extended(coalesce(" + x + "::int4, 0), " + flagged + ")";
            case BIGINT -> "hashint4extended(coalesce((" + x + "::int8 << 32 >> 32)::int4, 0), hashint4extended(coalesce(("
                    + x + "::int8 >> 32)::int4, 0), " + flagged + "))";
            case NUMERIC -> "hash_numeric_extended(coalesce(" + x + "::numeric, 0), (" + seed + ") # CASE " + isNull
                    + " WHEN " + x + "::numeric < 0 THEN " + literal(NEGATIVE_FLAG) + " WHEN " + x
                    + "::numeric = 'NaN' THEN " + literal(NAN_FLAG) + " ELSE 0 END)";
            case INSTANT -> exactInstants
                    ? "hash_numeric_extended(coalesce(extract(epoch FROM " + x + "), 0), (" + seed + ") # CASE " + isNull
                            + " WHEN " + x + " < 'epoch' THEN " + literal(NEGATIVE_FLAG) + " ELSE 0 END)"
                    : text(x + "::text", flagged);
            case FLOAT -> "hashfloat8extended(coalesce(" + x + "::float8, 0), " + flagged + ")";
            case UUID -> "uuid_hash_extended(coalesce(" + x + "::uuid, '00000000-0000-0000-0000-000000000000'), " + flagged + ")";
            case DATE -> "hash_record_extended(ROW(coalesce(" + x + "::date, 'epoch')), " + flagged + ")";
            case BYTEA -> "hash_record_extended(ROW(coalesce(" + x + "::bytea, '')), " + flagged + ")";
            case CHARACTER -> "hashbpcharextended(coalesce(" + x + "::bpchar, '') COLLATE \"C\", " + flagged + ")";
            case JSONB -> text(x + "::jsonb::text", flagged);
            case TEXT, INTERVAL, TIME, ARRAY, ENUM, TEXT_OUTPUT -> text(x + "::text", flagged);
        };
    }

    private static String text(String expression, String seed) {
        return "hashtextextended(coalesce(" + expression + ", '') COLLATE \"C\", " + seed + ")";
    }

    private static String literal(long value) {
        return "(" + value + ")::int8";
    }
}
