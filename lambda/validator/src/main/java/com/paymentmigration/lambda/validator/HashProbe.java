package com.paymentmigration.lambda.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Before trusting typed hashes across two servers, hash the same values of every compared type on both sides.
 * A type whose hashes disagree (an enum hashes its OID, which differs per database; a hash function may change
 * between major versions) is compared through its text form instead, and the report says so.
 */
public final class HashProbe {

    /** The outcome: types to compare as text, each with the reason, and whether whole rows must be text. */
    public record Result(Map<String, String> textTypes, boolean textRows, String textRowsReason) {
    }

    /** Edge values per built-in type; other types are probed with values read from the source table. */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("smallint", List.of("0", "-1", "32767")),
            Map.entry("integer", List.of("0", "-1", "2147483647")),
            Map.entry("bigint", List.of("0", "-1", "9223372036854775807")),
            Map.entry("numeric", List.of("0", "1.50", "-123456789.000001", "1e20", "NaN")),
            Map.entry("real", List.of("0", "-0", "1.5", "NaN")),
            Map.entry("double precision", List.of("0", "-0", "1.5", "1e308", "NaN")),
            Map.entry("text", List.of("", "a", "zürich", "x\ty")),
            Map.entry("character varying", List.of("", "a", "zürich")),
            Map.entry("character", List.of("a", "EUR")),
            Map.entry("boolean", List.of("true", "false")),
            Map.entry("date", List.of("2024-02-29", "1970-01-01")),
            Map.entry("timestamp with time zone", List.of("2024-01-01 00:00:00+00", "1999-12-31 23:59:59.999999+05:30")),
            Map.entry("timestamp without time zone", List.of("2024-01-01 00:00:00", "1999-12-31 23:59:59.999999")),
            Map.entry("interval", List.of("1 day", "-03:00:00", "1 mon 2 days")),
            Map.entry("uuid", List.of("00000000-0000-0000-0000-000000000000", "6f1c0b3e-2b1d-4c7a-9c1e-7b0e6a1d2f3c")),
            Map.entry("bytea", List.of("\\x", "\\x00ff10")),
            Map.entry("jsonb", List.of("{\"a\": 1, \"b\": [1, 2.50]}", "null", "[]", "\"x\"")));

    private HashProbe() {
    }

    public static Result run(Sides sides, ComparedTable table) {
        int oldest = Math.min(sides.source().serverVersion(), sides.target().serverVersion());
        if (oldest < 140000) {
            return new Result(Map.of(), true, "a side runs PostgreSQL " + oldest / 10000
                    + ", which has no hash_record_extended (14+): whole rows are hashed as text");
        }
        var textTypes = new TreeMap<String, String>();
        for (var type : table.types()) {
            if (type.equals("json")) {
                continue;
            }
            var samples = SAMPLES.containsKey(type) ? SAMPLES.get(type) : fromSource(sides.source(), table, type);
            if (samples.isEmpty()) {
                continue;
            }
            var hashes = sides.both(side -> hashes(side, type, samples));
            if (hashes.source() == null || hashes.target() == null) {
                textTypes.put(type, "the type cannot be hashed on the "
                        + (hashes.source() == null ? "source" : "target") + " side");
            } else if (!hashes.source().equals(hashes.target())) {
                textTypes.put(type, "its hash functions disagree between the sides");
            }
        }
        return new Result(textTypes, false, null);
    }

    private static List<Long> hashes(Side side, String type, List<String> samples) {
        try {
            return side.query("SELECT hash_record_extended(ROW(v::" + type + "), 0) "
                            + "FROM unnest(?::text[]) WITH ORDINALITY AS u(v, i) ORDER BY i",
                    s -> s.setArray(1, s.getConnection().createArrayOf("text", samples.toArray())),
                    rows -> {
                        var list = new ArrayList<Long>();
                        while (rows.next()) {
                            list.add(rows.getLong(1));
                        }
                        return list;
                    });
        } catch (QueryFailedException e) {
            return null;
        }
    }

    private static List<String> fromSource(Side source, ComparedTable table, String type) {
        var column = table.columns().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
        return source.strings("SELECT " + column.sql() + "::text FROM " + table.name().sql()
                + " WHERE " + column.sql() + " IS NOT NULL LIMIT 3", s -> { });
    }

}
