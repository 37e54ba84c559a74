package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.source;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of bad input is a typed error naming what is wrong, and nothing is reported as complete. */
class BadInputTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private JsonNode plan(String tables) throws Exception {
        return harness.validator.handle(json("{\"action\": \"plan\", \"tables\": " + tables
                + ", \"reportPrefix\": \"runs/bad\"}"), PartitionValidator.Deadline.NONE);
    }

    @Test
    void unknownTablesFailByName() {
        var name = table("only_source");
        source("CREATE TABLE " + name + " (id int PRIMARY KEY)");
        assertThatThrownBy(() -> plan("[\"" + name + "\"]"))
                .isInstanceOf(UnknownTableException.class)
                .hasMessageContaining(name).hasMessageContaining("target database");
        assertThatThrownBy(() -> plan("[\"public.nowhere\"]")).isInstanceOf(UnknownTableException.class);
    }

    @Test
    void shapesThatDisagreeFailBeforeAnyComparison() {
        var name = table("shape");
        source("CREATE TABLE " + name + " (id int PRIMARY KEY, amount numeric, note text)");
        target("CREATE TABLE " + name + " (id int PRIMARY KEY, amount double precision)");
        assertThatThrownBy(() -> plan("[\"" + name + "\"]"))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("amount is numeric in the source but double precision in the target")
                .hasMessageContaining("note is missing in the target");
    }

    @Test
    void malformedEventsNameTheField() {
        assertThatThrownBy(() -> harness.validator.handle(json("{\"action\": \"compare\"}"), PartitionValidator.Deadline.NONE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("compare");
        assertThatThrownBy(() -> harness.validator.handle(json("[]"), PartitionValidator.Deadline.NONE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> plan("[]")).isInstanceOf(MalformedEventException.class).hasMessageContaining("tables");
        assertThatThrownBy(() -> plan("[\"a.b.c\"]")).isInstanceOf(MalformedEventException.class).hasMessageContaining("a.b.c");
        assertThatThrownBy(() -> plan("[{\"name\": \"t\", \"normalise\": {\"v\": \"soundex\"}}]"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("soundex").hasMessageContaining("trim");
        assertThatThrownBy(() -> plan("[{\"name\": \"t\", \"colour\": 1}]"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> harness.validator.handle(json("{\"action\": \"validate\", \"table\": \"t\", "
                + "\"partition\": 0, \"options\": {\"leafRows\": 0}, \"reportKey\": \"r.json\"}"), PartitionValidator.Deadline.NONE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("leafRows");
        assertThatThrownBy(() -> harness.validator.handle(json("{\"action\": \"validate\", \"table\": \"t\", "
                + "\"partition\": 0, \"reportKey\": \"../escape.json\"}"), PartitionValidator.Deadline.NONE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("reportKey");
    }

    @Test
    void anUnreachableDatabaseIsATypedError() {
        var validator = new Validator(() -> Sides.open(new DatabaseAddress("jdbc:postgresql://127.0.0.1:1/none", "u", "secret-pw"),
                new DatabaseAddress(TwoDatabases.url("target"), null, null)), harness.store,
                new EmbeddedMetrics(System.out, "test"), harness.sleeps, System::currentTimeMillis);
        assertThatThrownBy(() -> Cli.runAll(validator, Json.MAPPER.valueToTree(List.of("t")), 1, null))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining("source database").hasMessageNotContaining("secret-pw");
    }

    @Test
    void aMissingGrantIsATypedError() {
        var name = table("private");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY)");
        var role = table("reader");
        source("CREATE ROLE " + role + " LOGIN");
        var validator = new Validator(() -> Sides.open(new DatabaseAddress(
                "jdbc:postgresql://localhost:" + TwoDatabases.server().getPort() + "/source", role, null),
                new DatabaseAddress(TwoDatabases.url("target"), null, null)), harness.store,
                new EmbeddedMetrics(System.out, "test"), harness.sleeps, System::currentTimeMillis);
        assertThatThrownBy(() -> Cli.runAll(validator, Json.MAPPER.valueToTree(List.of(name)), 1, null))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("GRANT SELECT");
    }

    @Test
    void aggregatingBeforeEveryPartitionIsDoneFails() throws Exception {
        var name = table("unfinished");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY)", "INSERT INTO " + name + " SELECT generate_series(1, 3000)");
        var validate = json("{\"action\": \"validate\", \"table\": \"" + name + "\", \"partition\": 0, "
                + "\"options\": {\"rowsPerChunk\": 1000, \"leafRows\": 100}, \"reportKey\": \"runs/u/p0.json\"}");
        harness.validator.handle(validate, () -> 1);
        var aggregate = json("{\"action\": \"aggregate\", \"partitions\": [{\"reportKey\": \"runs/u/p0.json\"}], "
                + "\"reportKey\": \"runs/u/report.json\"}");
        assertThatThrownBy(() -> harness.validator.handle(aggregate, PartitionValidator.Deadline.NONE))
                .isInstanceOf(IncompleteRunException.class).hasMessageContaining("still in progress");
        assertThat(harness.store.read("runs/u/report.json")).isEmpty();
        var missing = json("{\"action\": \"aggregate\", \"partitions\": [{\"reportKey\": \"runs/u/none.json\"}], "
                + "\"reportKey\": \"runs/u/report.json\"}");
        assertThatThrownBy(() -> harness.validator.handle(missing, PartitionValidator.Deadline.NONE))
                .isInstanceOf(IncompleteRunException.class).hasMessageContaining("does not exist");
    }

    @Test
    void metricsAreEmbeddedMetricFormatLines() throws Exception {
        var name = table("metered");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY)", "INSERT INTO " + name + " SELECT generate_series(1, 100)");
        target("DELETE FROM " + name + " WHERE id = 50");
        harness.runOne(name, null);
        var line = Json.MAPPER.readTree(harness.metricLines.toString().lines().findFirst().orElseThrow());
        var directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("PaymentMigration/Validation");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Environment\"]]");
        assertThat(line.get("Environment").asText()).isEqualTo("test");
        assertThat(line.get("RowsChecked").asLong()).isEqualTo(100);
        assertThat(line.get("Mismatches").asLong()).isEqualTo(1);
    }
}
