package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Composite, text and UUID keys; tables without a key; empty and one-row tables. */
class KeyShapesTest {

    private static final String SMALL_LEAVES = "{\"rowsPerChunk\": 1000, \"leafRows\": 10}";

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    @Test
    void compositeKeysFindEachDifferenceByItsFullKey() {
        var name = table("ledger");
        both("CREATE TABLE " + name + " (merchant text, seq int, amount numeric, PRIMARY KEY (merchant, seq))",
                "INSERT INTO " + name + " SELECT 'm' || (g % 7), g, g * 1.5 FROM generate_series(1, 3000) g");
        target("DELETE FROM " + name + " WHERE merchant = 'm3' AND seq = 3",
                "INSERT INTO " + name + " VALUES ('m3', 100000, 1)",
                "UPDATE " + name + " SET amount = 0 WHERE merchant = 'm0' AND seq = 2996");
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.sourceRows()).isEqualTo(3000);
        assertThat(report.differences()).extracting(Difference::key, Difference::kind).containsExactlyInAnyOrder(
                tuple(List.of("m3", "3"), Difference.Kind.MISSING_IN_TARGET),
                tuple(List.of("m3", "100000"), Difference.Kind.EXTRA_IN_TARGET),
                tuple(List.of("m0", "2996"), Difference.Kind.DIFFERENT));
    }

    @Test
    void uuidAndTextKeysWork() {
        var uuids = table("uuid_key");
        both("CREATE TABLE " + uuids + " (id uuid PRIMARY KEY, v int)",
                "INSERT INTO " + uuids + " SELECT md5(g::text)::uuid, g FROM generate_series(1, 2000) g");
        target("UPDATE " + uuids + " SET v = -1 WHERE id = md5('1234')::uuid");
        assertThat(harness.runOne(uuids, SMALL_LEAVES).differences()).extracting(Difference::key)
                .containsExactly(List.of(md5Uuid("1234")));

        var texts = table("text_key");
        both("CREATE TABLE " + texts + " (code text PRIMARY KEY, v int)",
                "INSERT INTO " + texts + " SELECT 'code-' || g, g FROM generate_series(1, 2000) g");
        target("DELETE FROM " + texts + " WHERE code = 'code-1999'");
        assertThat(harness.runOne(texts, SMALL_LEAVES).missingInTarget()).isEqualTo(1);
    }

    @Test
    void textKeysThatSortDifferentlyOnTheTwoSidesAreOrderedBytewise() {
        var name = table("collated");
        // ICU's English order ("a-1" < "A-2" < "b") and byte order ("A-2" < "B..." < "a-1") disagree: ranges cut
        // by the source's order would select other rows on the target.
        source("CREATE TABLE " + name + " (code text COLLATE \"en-x-icu\" PRIMARY KEY, v int)");
        target("CREATE TABLE " + name + " (code text COLLATE \"C\" PRIMARY KEY, v int)");
        both("INSERT INTO " + name + " SELECT (ARRAY['a', 'A', 'b', 'B', '-', '_'])[1 + g % 6] || g, g FROM generate_series(1, 3000) g");
        target("UPDATE " + name + " SET v = 0 WHERE code IN ('a6', 'B2997')");
        var report = harness.runOne(name, SMALL_LEAVES);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("another collation").contains("en-x-icu"));
        assertThat(report.differences()).extracting(d -> d.key().get(0)).containsExactlyInAnyOrder("a6", "B2997");
        assertThat(report.sourceRows()).isEqualTo(3000);

        var same = table("same_collation");
        both("CREATE TABLE " + same + " (code text COLLATE \"en-x-icu\" PRIMARY KEY)",
                "INSERT INTO " + same + " SELECT 'k' || g FROM generate_series(1, 100) g");
        assertThat(harness.runOne(same, null).notes()).isEmpty();
    }

    private static String md5Uuid(String text) {
        try {
            var hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes()));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTableWithoutPrimaryKeyIsReportedNotSkipped() {
        var name = table("events");
        both("CREATE TABLE " + name + " (kind text, amount int)", "INSERT INTO " + name + " VALUES ('a', 1)");
        var report = harness.runOne(name, null);
        assertThat(report.status()).isEqualTo(Status.NOT_COMPARED);
        assertThat(report.reason()).contains("no primary key").contains("compareWithoutKey");
        assertThat(harness.run(List.of(name), 1, null).status()).isEqualTo(Status.NOT_COMPARED);
    }

    @Test
    void aTableWithoutPrimaryKeyCanBeComparedAsAMultiset() {
        var name = table("events");
        both("CREATE TABLE " + name + " (kind text, amount int)",
                "INSERT INTO " + name + " SELECT 'k' || (g % 10), g FROM generate_series(1, 500) g",
                "INSERT INTO " + name + " VALUES ('dup', 1), ('dup', 1)");
        target("DELETE FROM " + name + " WHERE ctid = (SELECT min(ctid) FROM " + name + " WHERE kind = 'dup')",
                "INSERT INTO " + name + " VALUES ('new', 9)");
        var report = harness.runOne(Map.of("name", name, "compareWithoutKey", true), null);
        assertThat(report.method()).isEqualTo(PartitionReport.MULTISET);
        assertThat(report.differences()).extracting(Difference::key, Difference::kind, Difference::copies)
                .containsExactlyInAnyOrder(
                        tuple(List.of("(dup,1)"), Difference.Kind.MISSING_IN_TARGET, 1L),
                        tuple(List.of("(new,9)"), Difference.Kind.EXTRA_IN_TARGET, 1L));
        assertThat(report.sourceRows()).isEqualTo(502);
        assertThat(report.targetRows()).isEqualTo(502);
    }

    @Test
    void emptyAndOneRowTables() {
        var empty = table("empty");
        both("CREATE TABLE " + empty + " (id int PRIMARY KEY, v text)");
        var report = harness.runOne(empty, null);
        assertThat(report.status()).isEqualTo(Status.MATCH);
        assertThat(report.sourceRows()).isZero();

        var one = table("one");
        both("CREATE TABLE " + one + " (id int PRIMARY KEY, v text)");
        source("INSERT INTO " + one + " VALUES (1, 'x')");
        assertThat(harness.runOne(one, null).differences())
                .containsExactly(Difference.of(List.of("1"), Difference.Kind.MISSING_IN_TARGET));
        target("INSERT INTO " + one + " VALUES (1, 'x')");
        assertThat(harness.runOne(one, null).status()).isEqualTo(Status.MATCH);
    }
}
