package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;

/** What counts as equal: values equal in meaning hash equal on both sides; anything else is a difference. */
class CanonicalFormTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    private PartitionReport compare(String columnType, String sourceValue, String targetValue) {
        var name = table("canon");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v " + columnType + ")");
        source("INSERT INTO " + name + " VALUES (1, " + sourceValue + ")");
        target("INSERT INTO " + name + " VALUES (1, " + targetValue + ")");
        return harness.runOne(name, null);
    }

    @Test
    void numericScaleIsNormalised() {
        assertThat(compare("numeric", "1.5", "1.500").status()).isEqualTo(Status.MATCH);
        assertThat(compare("numeric", "1.5", "1.501").status()).isEqualTo(Status.MISMATCH);
    }

    @Test
    void timestampsWithTimeZoneAreComparedAsInstants() {
        assertThat(compare("timestamptz", "'2024-03-01 12:00:00+01'", "'2024-03-01 11:00:00+00'").status())
                .isEqualTo(Status.MATCH);
        assertThat(compare("timestamptz", "'2024-03-01 12:00:00+01'", "'2024-03-01 12:00:00+00'").status())
                .isEqualTo(Status.MISMATCH);
    }

    @Test
    void timestampsKeepMicroseconds() {
        assertThat(compare("timestamptz", "'2024-03-01 12:00:00.123456+00'", "'2024-03-01 12:00:00.123+00'").status())
                .isEqualTo(Status.MISMATCH);
    }

    @Test
    void jsonIsComparedSemantically() {
        assertThat(compare("jsonb", "'{\"a\": 1, \"b\": [1, 2]}'", "'{\"b\":[1,2],\"a\":1}'").status()).isEqualTo(Status.MATCH);
        assertThat(compare("json", "'{\"a\": 1.0, \"b\": 2}'", "'{ \"b\" : 2, \"a\" : 1.0 }'").status()).isEqualTo(Status.MATCH);
        // Numbers inside documents compare as written: a rewritten number is reported (README, "equal means").
        assertThat(compare("json", "'{\"a\": 1.0}'", "'{ \"a\" : 1.00 }'").status()).isEqualTo(Status.MISMATCH);
        assertThat(compare("jsonb", "'{\"a\": 1}'", "'{\"a\": \"1\"}'").status()).isEqualTo(Status.MISMATCH);
    }

    @Test
    void nullAndEmptyStringAreDistinct() {
        var report = compare("text", "NULL", "''");
        assertThat(report.status()).isEqualTo(Status.MISMATCH);
        assertThat(report.differences()).containsExactly(
                new Difference(List.of("1"), Difference.Kind.DIFFERENT, List.of("v"), null));
        assertThat(compare("text", "NULL", "NULL").status()).isEqualTo(Status.MATCH);
    }

    @Test
    void textIsComparedByteExact() {
        // é composed (U+00E9) and decomposed (e + U+0301) look alike and are different bytes.
        assertThat(compare("text", "U&'\\00E9'", "U&'e\\0301'").status()).isEqualTo(Status.MISMATCH);
        assertThat(compare("text", "'EUR'", "'EUR '").status()).isEqualTo(Status.MISMATCH);
        assertThat(compare("text", "'eur'", "'EUR'").status()).isEqualTo(Status.MISMATCH);
        assertThat(compare("bytea", "'\\x00ff'", "'\\x00ff'").status()).isEqualTo(Status.MATCH);
    }

    @Test
    void floatsCompareByValue() {
        assertThat(compare("double precision", "0.1::float8 + 0.2::float8", "0.30000000000000004").status()).isEqualTo(Status.MATCH);
        assertThat(compare("double precision", "'-0'", "'0'").status()).isEqualTo(Status.MATCH);
    }

    @Test
    void enumsAreComparedByLabelWhateverTheirOids() {
        var type = table("status");
        // The target gets another enum first, so the same labels have other OIDs there: their hashes differ.
        target("CREATE TYPE " + type + "_other AS ENUM ('x')");
        both("CREATE TYPE " + type + " AS ENUM ('AUTHORIZED', 'CAPTURED')");
        var name = table("enum");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, s " + type + ")",
                "INSERT INTO " + name + " VALUES (1, 'AUTHORIZED'), (2, 'CAPTURED')");
        var report = harness.runOne(name, null);
        assertThat(report.status()).isEqualTo(Status.MATCH);
        assertThat(report.textTypes()).containsOnlyKeys(type);
        assertThat(report.textTypes().get(type)).startsWith("enum: the same label");
        assertThat(report.columnRules()).containsEntry("s", "enum").containsEntry("id", "integer");

        target("UPDATE " + name + " SET s = 'AUTHORIZED' WHERE id = 2");
        assertThat(harness.runOne(name, null).different()).isEqualTo(1);
    }

    @Test
    void ignoredColumnsAndNormalisationsApplyOnBothSides() {
        var name = table("norm");
        source("CREATE TABLE " + name + " (id int PRIMARY KEY, reference text, legacy_flag int)");
        target("CREATE TABLE " + name + " (id int PRIMARY KEY, reference text, migrated_at timestamptz)");
        source("INSERT INTO " + name + " VALUES (1, ' ref-1 ', 7)");
        target("INSERT INTO " + name + " VALUES (1, 'ref-1', now())");
        var selection = java.util.Map.of("name", name, "ignore", List.of("legacy_flag", "migrated_at"),
                "normalise", java.util.Map.of("reference", "trim"));
        assertThat(harness.runOne(selection, null).status()).isEqualTo(Status.MATCH);
        // Without the normalisation the padded reference is a difference; without the ignore list, a shape error.
        assertThat(harness.runOne(java.util.Map.of("name", name, "ignore", List.of("legacy_flag", "migrated_at")), null)
                .differences()).extracting(Difference::columns).containsExactly(List.of("reference"));
    }
}
