package com.paymentmigration.lambda.validator;

import java.util.List;

/**
 * Key ranges are only comparable if both servers order text keys the same way; two collations (or two C library
 * versions of one) may not, and then a range would select different rows on each side and report phantom
 * differences. Each collatable key column's sampled values are sorted by both sides; if they disagree, keys are
 * ordered bytewise ({@code COLLATE "C"}) on both, which is correct but cannot use the primary key index.
 */
public final class KeyOrdering {
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
            var values = sides.source().strings("SELECT " + column.sql() + "::text FROM " + table.name().sql()
                    + (table.estimatedRows() > KeySampler.SAMPLE_ABOVE_ROWS ? " TABLESAMPLE SYSTEM (1) REPEATABLE (7)" : "")
                    + " LIMIT 5000", s -> { });
            var sorted = sides.both(side -> sort(side, values, column.type(),
                    side == sides.source() ? column.collation() : targetColumn.collation()));
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

    private static List<String> sort(Side side, List<String> values, String type, String collation) {
        return side.strings("SELECT v FROM unnest(?::text[]) AS v ORDER BY v::" + type + " COLLATE " + Sql.quote(collation),
                s -> s.setArray(1, s.getConnection().createArrayOf("text", values.toArray())));
    }
}
