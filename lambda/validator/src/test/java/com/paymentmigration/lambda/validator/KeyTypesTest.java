package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Keys whose text is not their identity: char(n), varchar(n), numeric written with other scales, citext, and text
 * keys that the two sides' collations order differently far into the table.
 */
class KeyTypesTest {

    private static final String SMALL_LEAVES = "{\"rowsPerChunk\": 1000, \"leafRows\": 10}";

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    @Test
    void characterKeysFindRealDifferences() {
        for (var type : List.of("char(6)", "varchar(6)")) {
            var name = table("char_key");
            both("CREATE TABLE " + name + " (code " + type + " PRIMARY KEY, v int)",
                    "INSERT INTO " + name + " SELECT 'c' || lpad(g::text, 5, '0'), g FROM generate_series(1, 500) g");
            target("UPDATE " + name + " SET v = -1 WHERE code = 'c00042'", "DELETE FROM " + name + " WHERE code = 'c00300'");
            var report = harness.runOne(name, SMALL_LEAVES);
            assertThat(report.differences()).as(type).extracting(d -> d.key().get(0), Difference::kind).containsExactlyInAnyOrder(
                    tuple("c00042", Difference.Kind.DIFFERENT), tuple("c00300", Difference.Kind.MISSING_IN_TARGET));
            assertThat(report.transientDifferences()).as(type).isZero();
        }
    }

    @Test
    void numericKeysWrittenWithOtherScalesAreOneRowComparedByValue() {
        var name = table("numeric_key");
        both("CREATE TABLE " + name + " (k numeric PRIMARY KEY, v text)");
        source("INSERT INTO " + name + " VALUES (2.0, 'a'), (3.50, 'b'), (10, 'c'), (-0.10, 'd')");
        target("INSERT INTO " + name + " VALUES (2.00, 'a'), (3.5, 'changed'), (10.000, 'c'), (-0.1, 'd')");
        var report = harness.runOne(name, null);
        assertThat(report.differences()).extracting(Difference::key, Difference::kind, Difference::columns)
                .containsExactly(tuple(List.of("3.5"), Difference.Kind.DIFFERENT, List.of("v")));
        assertThat(report.sourceRows()).isEqualTo(4);
    }

    @Test
    void floatKeysMinusZeroAndZeroAreOneRow() {
        var name = table("float_key");
        both("CREATE TABLE " + name + " (k double precision PRIMARY KEY, v text)");
        source("INSERT INTO " + name + " VALUES ('-0', 'a'), (1.5, 'b')");
        target("INSERT INTO " + name + " VALUES ('0', 'a'), (1.5, 'c')");
        var report = harness.runOne(name, null);
        assertThat(report.differences()).extracting(Difference::key, Difference::kind, Difference::columns)
                .containsExactly(tuple(List.of("1.5"), Difference.Kind.DIFFERENT, List.of("v")));
    }

    @Test
    void citextKeysMatchAsCitextDoesAndCompareTheirBytes() {
        var name = table("citext_key");
        both("CREATE EXTENSION IF NOT EXISTS citext", "CREATE TABLE " + name + " (email citext PRIMARY KEY, v int)",
                "INSERT INTO " + name + " SELECT 'user' || g || '@example.com', g FROM generate_series(1, 300) g");
        target("UPDATE " + name + " SET email = 'USER7@example.com' WHERE email = 'user7@example.com'",
                "UPDATE " + name + " SET v = 0 WHERE email = 'user200@example.com'");
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.differences()).extracting(d -> d.key().get(0), Difference::columns).containsExactlyInAnyOrder(
                tuple("user7@example.com", List.of("email")), tuple("user200@example.com", List.of("v")));
        assertThat(report.transientDifferences()).isZero();
    }

    @Test
    void collationsThatDisagreeOnlyFarIntoTheTableAreNoticed() {
        var name = table("late_collation");
        source("CREATE TABLE " + name + " (code text COLLATE \"en-x-icu\" PRIMARY KEY, v int)");
        target("CREATE TABLE " + name + " (code text COLLATE \"C\" PRIMARY KEY, v int)");
        // The first 6,000 rows sort alike under both collations; the mixed-case keys after them do not.
        both("INSERT INTO " + name + " SELECT 'k' || lpad(g::text, 6, '0'), g FROM generate_series(1, 6000) g",
                "INSERT INTO " + name + " SELECT (ARRAY['a', 'B', 'c', 'D', '-e', '_f'])[1 + g % 6] || g, g"
                        + " FROM generate_series(1, 600) g");
        target("UPDATE " + name + " SET v = -1 WHERE code IN ('B1', 'a6', '_f5')");
        var report = harness.runOne(name, "{\"rowsPerChunk\": 1000, \"leafRows\": 50}");
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactlyInAnyOrder("B1", "a6", "_f5");
        assertThat(report.transientDifferences()).isZero();
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("bytewise"));
    }

    @Test
    void textKeysUnderOneCollationOnBothSidesKeepTheIndexOrder() {
        var name = table("same_collation");
        both("CREATE TABLE " + name + " (code text COLLATE \"en-x-icu\" PRIMARY KEY, v int)",
                "INSERT INTO " + name + " SELECT (ARRAY['a', 'B', 'c', 'D', '-e', '_f'])[1 + g % 6] || g, g"
                        + " FROM generate_series(1, 2000) g");
        target("UPDATE " + name + " SET v = -1 WHERE code = 'D3'");
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.notes()).isEmpty();
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactly("D3");
    }
}
