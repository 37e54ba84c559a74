package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.PartitionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static com.paymentmigration.lambda.validator.TwoDatabases.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line prints the run's full report (or its summary) and takes every per-table setting. */
class CliTest {

    @TempDir
    Path out;

    private String[] args(String... more) {
        var list = new java.util.ArrayList<>(List.of("--source", url("source"), "--target", url("target"),
                "--out", out.toString(), "--options", "{\"recheckDelaySeconds\": 0}"));
        list.addAll(List.of(more));
        return list.toArray(String[]::new);
    }

    @Test
    void printsTheFullReportOrTheSummary() {
        var name = table("cli_report");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v text)", "INSERT INTO " + name + " VALUES (1, 'a'), (2, 'b')");
        target("UPDATE " + name + " SET v = 'x' WHERE id = 2");
        var report = Cli.run(args("--table", "public." + name));
        assertThat(report.get("status").asText()).isEqualTo("MISMATCH");
        var table = report.get("tables").get(0);
        assertThat(table.get("differences").get(0).get("key").get(0).asText()).isEqualTo("2");
        assertThat(table.get("differences").get(0).get("columns").get(0).asText()).isEqualTo("v");
        assertThat(table.get("columnRules").get("v").asText()).isEqualTo("text");

        var summary = Cli.run(args("--table", "public." + name, "--summary"));
        assertThat(summary.get("mismatches").asLong()).isEqualTo(1);
        assertThat(summary.has("tables") && summary.get("tables").isArray()).isFalse();
    }

    @Test
    void takesIgnoreNormaliseAndCompareWithoutKeyPerTable() {
        var keyed = table("cli_keyed");
        source("CREATE TABLE " + keyed + " (id int PRIMARY KEY, reference text, legacy int)",
                "INSERT INTO " + keyed + " VALUES (1, ' ref ', 7)");
        target("CREATE TABLE " + keyed + " (id int PRIMARY KEY, reference text, legacy int)",
                "INSERT INTO " + keyed + " VALUES (1, 'ref', 8)");
        var events = table("cli_events");
        both("CREATE TABLE " + events + " (kind text)", "INSERT INTO " + events + " VALUES ('a'), ('a')");
        var report = Cli.run(args("--table", "public." + keyed, "--table", "{\"name\": \"public." + events + "\"}",
                "--ignore", "public." + keyed + ".legacy", "--normalise", "public." + keyed + ".reference=trim",
                "--compare-without-key", "public." + events));
        assertThat(report.get("status").asText()).isEqualTo("MATCH");
        assertThat(report.get("tables").get(1).get("method").asText()).isEqualTo(PartitionReport.MULTISET);

        assertThatThrownBy(() -> Cli.run(args("--table", "public." + keyed, "--ignore", "public.other.legacy")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("public.other");
        assertThatThrownBy(() -> Cli.run(args("--table", "public." + keyed, "--normalise", "public." + keyed + ".reference")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("COLUMN=FORM");
    }
}
