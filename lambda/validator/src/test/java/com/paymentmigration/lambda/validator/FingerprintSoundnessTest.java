package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * No corrupted row may pass as equal: values that PostgreSQL's own hash functions confuse, values swapped between
 * rows of one leaf, and equal data full of special values that must still match.
 */
class FingerprintSoundnessTest {

    private static final String SMALL_LEAVES = "{\"rowsPerChunk\": 1000, \"leafRows\": 10}";

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    /** Per type class, pairs of unequal values (source, target) that a PostgreSQL hash confuses. */
    static Stream<Arguments> confusedPairs() {
        return Stream.of(
                // hash_numeric ignores the sign and hashes NaN and both infinities like NULL.
                Arguments.of("numeric(12,2)", List.of("-0.10", "0.10", "-1.00", "1.00", "-123.45", "123.45")),
                Arguments.of("numeric", List.of("-0.10", "0.10", "'NaN'", "NULL", "'Infinity'", "NULL",
                        "'-Infinity'", "NULL", "'NaN'", "'Infinity'", "'Infinity'", "'-Infinity'", "'-Infinity'", "'NaN'",
                        "0", "NULL")),
                // hashint8 folds 64 bits into 32: 1 and 2^32 collide, and so do 0 and 2^32 + 1.
                Arguments.of("bigint", List.of("1", "4294967296", "0", "4294967297", "-1", "-4294967297", "0", "NULL")),
                Arguments.of("integer", List.of("0", "NULL", "-1", "1")),
                // Timestamps and times fold their 64-bit microseconds the same way; before 1970 is negative.
                Arguments.of("timestamp", List.of("'2000-01-01 00:00:00.000001'", "'2000-01-01 01:11:34.967296'",
                        "'1969-12-31 23:59:59'", "'1970-01-01 00:00:01'", "'infinity'", "'-infinity'", "'infinity'", "NULL")),
                Arguments.of("timestamptz", List.of("'2000-01-01 00:00:00.000001+00'", "'2000-01-01 01:11:34.967296+00'",
                        "'1969-12-31 23:59:59+00'", "'1970-01-01 00:00:01+00'", "'-infinity'", "NULL")),
                Arguments.of("time", List.of("'00:00:00.000001'", "'01:11:34.967296'", "'00:00'", "NULL")),
                Arguments.of("timetz", List.of("'00:00:00.000001+00'", "'01:11:34.967296+00'")),
                // The float hash returns the bare seed for zero, which hash_record_extended also gives NULL.
                Arguments.of("double precision", List.of("0", "NULL", "'Infinity'", "'-Infinity'", "'NaN'", "NULL")),
                Arguments.of("real", List.of("0", "NULL")),
                // jsonb_hash skips brackets and hashes keys like values: structure is lost, {} and [] hash like NULL.
                Arguments.of("jsonb", List.of("'1'", "'[1]'", "'{}'", "NULL", "'[]'", "NULL", "'{}'", "'[]'",
                        "'{\"a\": \"b\"}'", "'[\"a\", \"b\"]'", "'{\"a\": [\"b\"]}'", "'{\"a\": \"b\"}'", "'[[1, 2]]'", "'[1, 2]'")),
                Arguments.of("json", List.of("'[]'", "NULL", "'{\"a\": [1]}'", "'{\"a\": 1}'")),
                // Array hashes ignore dimensions and lower bounds, and hash an empty array like NULL.
                Arguments.of("integer[]", List.of("'{1,2}'", "'[0:1]={1,2}'", "'{{1,2}}'", "'{1,2}'", "'{}'", "NULL",
                        "'{{1,2},{3,4}}'", "'{1,2,3,4}'")),
                Arguments.of("numeric[]", List.of("'{-1}'", "'{1}'", "'{NaN}'", "'{NULL}'")),
                // citext hashes case-insensitively; the comparison is byte-exact.
                Arguments.of("citext", List.of("'abc'", "'ABC'", "'Straße'", "'STRASSE'")),
                // interval's = calls 1 day 24 hours; the comparison keeps the fields apart.
                Arguments.of("interval", List.of("'1 day'", "'24 hours'", "'1 mon'", "'30 days'", "'0'", "NULL")),
                Arguments.of("money", List.of("'-1.00'", "'1.00'", "0", "NULL")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confusedPairs")
    void valuesThatPostgresHashesConfuseAreDifferences(String type, List<String> pairs) {
        var name = table("confused");
        both("CREATE EXTENSION IF NOT EXISTS citext", "CREATE TABLE " + name + " (id int PRIMARY KEY, v " + type + ")");
        var keys = new ArrayList<String>();
        for (int i = 0; i < pairs.size(); i += 2) {
            int id = i / 2 + 1;
            source("INSERT INTO " + name + " VALUES (" + id + ", " + pairs.get(i) + ")");
            target("INSERT INTO " + name + " VALUES (" + id + ", " + pairs.get(i + 1) + ")");
            // The same pair reversed: a difference must not depend on which side holds which value.
            source("INSERT INTO " + name + " VALUES (" + (id + 1000) + ", " + pairs.get(i + 1) + ")");
            target("INSERT INTO " + name + " VALUES (" + (id + 1000) + ", " + pairs.get(i) + ")");
            keys.add(Integer.toString(id));
            keys.add(Integer.toString(id + 1000));
        }
        var report = harness.runOne(name, null);
        assertThat(report.status()).isEqualTo(Status.MISMATCH);
        assertThat(report.differences()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Difference.Kind.DIFFERENT);
            assertThat(d.columns()).containsExactly("v");
        });
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(report.transientDifferences()).isZero();
    }

    /** Columns of a payments table, each with a value expression that differs between rows g. */
    private static final Map<String, String> PAYMENT_COLUMNS = new java.util.LinkedHashMap<>();

    static {
        PAYMENT_COLUMNS.put("merchant_id integer", "g % 997");
        PAYMENT_COLUMNS.put("amount numeric(12,2)", "(g * 7919 % 100000) / 100.0 - 400");
        PAYMENT_COLUMNS.put("currency char(3)", "(ARRAY['EUR','USD','GBP','CHF'])[1 + g % 4]");
        PAYMENT_COLUMNS.put("status text", "(ARRAY['AUTHORIZED','CAPTURED','REFUNDED','FAILED'])[1 + g % 4]");
        PAYMENT_COLUMNS.put("reference varchar(40)", "'ref-' || md5(g::text)");
        PAYMENT_COLUMNS.put("created_at timestamptz", "timestamptz '2024-01-01' + g * interval '1 second'");
        PAYMENT_COLUMNS.put("booked_on date", "date '2024-01-01' + g");
        PAYMENT_COLUMNS.put("metadata jsonb", "jsonb_build_object('channel', 'web', 'attempt', g)");
        PAYMENT_COLUMNS.put("refunded boolean", "g % 2 = 0");
        PAYMENT_COLUMNS.put("external_id uuid", "md5(g::text)::uuid");
        PAYMENT_COLUMNS.put("fee double precision", "g / 8.0");
        PAYMENT_COLUMNS.put("tags text[]", "ARRAY['t' || g]");
        PAYMENT_COLUMNS.put("hold interval", "g * interval '1 minute'");
        PAYMENT_COLUMNS.put("ledger_seq bigint", "g * 4294967296");
        PAYMENT_COLUMNS.put("payload bytea", "decode(md5(g::text), 'hex')");
    }

    @Test
    void valuesSwappedBetweenTwoRowsOfOneLeafAreFoundForEveryColumn() {
        var name = table("payments");
        var columns = new ArrayList<>(PAYMENT_COLUMNS.keySet());
        // Half the columns NOT NULL on both sides: the fingerprint then skips their NULL flag.
        var declared = IntStream.range(0, columns.size()).mapToObj(i -> columns.get(i) + (i % 2 == 0 ? " NOT NULL" : "")).toList();
        both("CREATE TABLE " + name + " (id bigint PRIMARY KEY, " + String.join(", ", declared) + ")",
                "INSERT INTO " + name + " SELECT g, " + String.join(", ", PAYMENT_COLUMNS.values())
                        + " FROM generate_series(1, 300) g");
        var expected = new ArrayList<org.assertj.core.groups.Tuple>();
        for (int i = 0; i < columns.size(); i++) {
            var column = columns.get(i).split(" ")[0];
            // Rows 10i+3 and 10i+4 lie in one leaf of about 10 rows: their values of one column change places.
            long a = 10L * i + 3;
            long b = a + 1;
            target("UPDATE " + name + " t SET " + column + " = o." + column + " FROM " + name + " o WHERE (t.id, o.id) IN (("
                    + a + ", " + b + "), (" + b + ", " + a + "))");
            expected.add(tuple(List.of(Long.toString(a)), List.of(column)));
            expected.add(tuple(List.of(Long.toString(b)), List.of(column)));
        }
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.differences()).extracting(Difference::key, Difference::columns)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.different()).isEqualTo(expected.size());
    }

    @Test
    void equalDataFullOfSpecialValuesMatchesWithoutDifferencesOrTransients() {
        var mood = table("mood");
        // The target gets another enum first, so the same labels have other OIDs there.
        target("CREATE TYPE " + mood + "_other AS ENUM ('x')");
        both("CREATE TYPE " + mood + " AS ENUM ('calm', 'angry')", "CREATE EXTENSION IF NOT EXISTS citext",
                "CREATE DOMAIN " + mood + "_amount AS numeric(12,2)");
        var name = table("specials");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, n numeric, f float8, r real, j jsonb, js json, a int[],"
                        + " moods " + mood + "[], m " + mood + ", cash money, doc xml, t text, c citext, i interval,"
                        + " ts timestamptz, d date, b bytea, amount " + mood + "_amount, p point, rng int4range)",
                "INSERT INTO " + name + " (id) SELECT g FROM generate_series(1, 40) g",
                "UPDATE " + name + " SET n = (ARRAY['NaN', 'Infinity', '-Infinity', '0', '-0.10', '1.500'])[1 + id % 6]::numeric,"
                        + " f = (ARRAY['NaN', 'Infinity', '-Infinity', '-0', '0', '1e308'])[1 + id % 6]::float8,"
                        + " r = (ARRAY['NaN', '-0', 'Infinity'])[1 + id % 3]::real,"
                        + " j = (ARRAY['{}', '[]', 'null', '\"\"', '0', '{\"a\": []}'])[1 + id % 6]::jsonb,"
                        + " js = (ARRAY['{}', '[]', '{\"b\": 1, \"a\": 2}'])[1 + id % 3]::json,"
                        + " a = (ARRAY['{}', '{NULL}', '[0:0]={1}'])[1 + id % 3]::int[],"
                        + " moods = (ARRAY['{}', '{calm,angry}', '{NULL}'])[1 + id % 3]::" + mood + "[],"
                        + " m = (ARRAY['calm', 'angry'])[1 + id % 2]::" + mood + ","
                        + " t = (ARRAY['', ' ', 'NULL'])[1 + id % 3], c = (ARRAY['', 'Abc'])[1 + id % 2],"
                        + " i = (ARRAY['0', '1 day', '24 hours', '-1 mon'])[1 + id % 4]::interval,"
                        + " ts = (ARRAY['infinity', '-infinity', '1969-12-31 23:59:59.999999+00'])[1 + id % 3]::timestamptz,"
                        + " d = (ARRAY['infinity', '-infinity', '1970-01-01'])[1 + id % 3]::date,"
                        + " b = (ARRAY['', '\\x00'])[1 + id % 2]::bytea,"
                        + " amount = (ARRAY['-0.10', '0'])[1 + id % 2]::numeric,"
                        + " p = (ARRAY['(0,0)', '(-0,1)'])[1 + id % 2]::point,"
                        + " rng = (ARRAY['empty', '[1,2]'])[1 + id % 2]::int4range"
                        + " WHERE id % 5 <> 0");
        // Rows 5, 10, ... stay NULL in every column; cash and doc hold only NULLs (they have no hash function).
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.status()).isEqualTo(Status.MATCH);
        assertThat(report.differences()).isEmpty();
        assertThat(report.transientDifferences()).isZero();
        assertThat(report.sourceRows()).isEqualTo(40);
        assertThat(report.columnRules()).containsEntry("n", "numeric").containsEntry("cash", "numeric")
                .containsEntry("amount", "numeric").containsEntry("moods", "array").containsEntry("m", "enum")
                .containsEntry("c", "text").containsEntry("doc", "text-output").containsEntry("ts", "instant")
                .containsEntry("i", "interval").containsEntry("j", "jsonb").containsEntry("js", "jsonb");
    }

    @Test
    void notNullColumnsSkipTheNullFlagOnlyWhenBothSidesDeclareIt() {
        var name = table("not_null");
        source("CREATE TABLE " + name + " (id int PRIMARY KEY, a numeric NOT NULL, b double precision NOT NULL)");
        // b may hold NULL in the target: its NULL must still differ from the source's 0.
        target("CREATE TABLE " + name + " (id int PRIMARY KEY, a numeric NOT NULL, b double precision)");
        source("INSERT INTO " + name + " VALUES (1, -0.10, 1), (2, 5, 0), (3, 'NaN', 2)");
        target("INSERT INTO " + name + " VALUES (1, 0.10, 1), (2, 5, NULL), (3, 'Infinity', 2)");
        var report = harness.runOne(name, null);
        assertThat(report.differences()).extracting(d -> d.key().get(0), Difference::columns).containsExactlyInAnyOrder(
                tuple("1", List.of("a")), tuple("2", List.of("b")), tuple("3", List.of("a")));
    }

    @Test
    void everyRowOfALargerTableStillMatchesWhenEqual() {
        var name = table("equal_rows");
        both("CREATE TABLE " + name + " (id bigint PRIMARY KEY, amount numeric(12,2), at timestamptz)",
                "INSERT INTO " + name + " SELECT g, (g % 2000 - 1000) / 100.0, timestamptz '1969-12-31' + g * interval '1 second'"
                        + " FROM generate_series(1, 5000) g");
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.status()).isEqualTo(Status.MATCH);
        assertThat(IntStream.of((int) report.transientDifferences())).containsOnly(0);
    }
}
