package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.database.Side;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.database.Sql;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TableShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Key ranges are only comparable if both servers order text keys the same way; two collations (or two C library or
 * ICU versions of one) may not, and then a range would select different rows on each side and report phantom
 * differences. Keys are ordered bytewise ({@code COLLATE "C"}) on both sides, which is always correct but cannot use
 * the primary key index, unless every collatable key column has (1) the same collation definition on both sides
 * (provider, locale, settings and the library's actual version), and (2) the same order on both sides for a fixed set
 * of strings that tell collations apart (case, accents, punctuation, spaces, digits) and for keys sampled across the
 * whole key range (one per sampled page of the whole table, or every key of a small table).
 */
public final class KeyOrdering {

    /** Strings on which common collations disagree: case, accents, punctuation, spaces, digits, ligatures. */
    private static final List<String> PROBES = List.of("a", "A", "b", "B", "-a", "_a", "a-b", "ab", "a b", " a", "a ",
            "1", "10", "9", "a1", "a10", "a9", "é", "e", "f", "ä", "z", "ß", "ss", "Ö", "o", "p", "æ", "ae", "ı", "i", "I",
            "α", "~", "@", "#", ".", "a.b", "a_b", "ǅ", "dz", "ch", "h", "ł", "m");
    /** Keys sampled across the whole range for the order check. */
    private static final double SAMPLED_KEYS = 10_000;

    private KeyOrdering() {
    }

    /** Null when native ordering is safe; otherwise the reason to order bytewise. */
    public static String byteOrderReason(Sides sides, ComparedTable table, TableShape target) {
        for (var column : table.key()) {
            if (!column.collatable()) {
                continue;
            }
            var targetColumn = target.columns().stream().filter(c -> c.name().equals(column.name())).findFirst().orElseThrow();
            if (bytewise(column.collation()) && bytewise(targetColumn.collation())) {
                continue;
            }
            var definitions = sides.both(side -> definition(side, side == sides.source() ? table.name() : target.name(),
                    column.name()));
            if (!definitions.source().equals(definitions.target())) {
                return "key column " + column.name() + " has another collation on each side (" + column.collation() + " "
                        + definitions.source() + " vs " + targetColumn.collation() + " " + definitions.target()
                        + "): keys are ordered bytewise, without the key index";
            }
            var values = new ArrayList<>(PROBES);
            var sampling = KeySampler.sampling(table.estimatedRows(), table.pages(),
                    Math.max(1, table.estimatedRows() / SAMPLED_KEYS));
            KeySampler.sample(sides.source(), table, new KeySql(List.of(column), false), KeyRange.ALL, sampling)
                    .forEach(key -> values.add(key.get(0)));
            var sorted = sides.both(side -> sort(side, values, column.baseType().equals("character") ? "bpchar"
                    : column.baseType(), side == sides.source() ? column.collation() : targetColumn.collation()));
            if (!sorted.source().equals(sorted.target())) {
                return "key column " + column.name() + " sorts differently on the two sides (" + column.collation()
                        + " vs " + targetColumn.collation() + "): keys are ordered bytewise, without the key index";
            }
        }
        return null;
    }

    private static boolean bytewise(String collation) {
        return collation.equals("C") || collation.equals("POSIX");
    }

    /** The column's collation as the catalog defines it, the database's locale for "default", and its library version. */
    private static String definition(Side side, TableName table, String column) {
        return side.query("""
                SELECT jsonb_build_object(
                    'collation', to_jsonb(c) - ARRAY['oid', 'collname', 'collnamespace', 'collowner', 'collversion'],
                    'version', pg_collation_actual_version(c.oid),
                    'database', CASE WHEN c.collprovider = 'd' THEN (
                        SELECT jsonb_object_agg(key, value) FROM pg_database d, jsonb_each(to_jsonb(d))
                        WHERE d.datname = current_database() AND key IN ('encoding', 'datcollate', 'datctype',
                              'datlocprovider', 'daticulocale', 'datlocale', 'daticurules', 'datcollversion')) END)::text
                FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
                WHERE a.attrelid = ?::regclass AND a.attname = ?""",
                s -> {
                    s.setString(1, table.sql());
                    s.setString(2, column);
                }, rows -> rows.next() ? rows.getString(1) : "");
    }

    private static List<String> sort(Side side, List<String> values, String type, String collation) {
        return side.strings("SELECT v FROM unnest(?::text[]) AS v ORDER BY v::" + type + " COLLATE " + Sql.quote(collation)
                        + ", v COLLATE \"C\"",
                s -> s.setArray(1, s.getConnection().createArrayOf("text", values.toArray())));
    }
}
