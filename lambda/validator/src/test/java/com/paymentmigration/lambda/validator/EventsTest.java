package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.Options;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.schema.Normalisation;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TableSelection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events in and out: a plan item is a complete validate event, and what is malformed says so. */
class EventsTest {

    @Test
    void aPlanItemReadsBackAsTheSameValidateRequest() throws Exception {
        var table = new TableSelection(TableName.parse("ledger.entries"), Set.of("etl_at"),
                Map.of("reference", Normalisation.parse("reference", "trim")), true);
        var options = Json.MAPPER.readTree("{\"leafRows\": 500, \"recheckDelaySeconds\": 2}");
        var item = Events.item(table, 3, new KeyRange(List.of("a", "1"), null), options, "runs/x/p3.json");
        var request = Events.validate(Json.MAPPER.readTree(Json.write(item)));
        assertThat(request.table()).isEqualTo(table);
        assertThat(request.partition()).isEqualTo(3);
        assertThat(request.range()).isEqualTo(new KeyRange(List.of("a", "1"), null));
        assertThat(request.options().leafRows()).isEqualTo(500);
        assertThat(request.options().recheckDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(request.options().rowsPerChunk()).isEqualTo(Options.DEFAULTS.rowsPerChunk());
    }

    @Test
    void changeTrackingFieldsReadBackAndWhatIsMalformedSaysSo() throws Exception {
        var table = TableSelection.of("payments.payments");
        var item = Events.keysItem(table, 2, "runs/x/p2.keys.json", null, "runs/x/p2.json");
        assertThat(Events.validate(Json.MAPPER.readTree(Json.write(item))).keys()).isEqualTo("runs/x/p2.keys.json");
        var plan = "{\"action\": \"plan\", \"include\": [\"payments.%\"], \"reportPrefix\": \"v/final\", ";
        assertThat(Events.plan(Json.MAPPER.readTree(plan + "\"changesSince\": \"v/pre-freeze/\"}")).changesSince())
                .isEqualTo("v/pre-freeze");
        assertThat(Events.plan(Json.MAPPER.readTree(plan + "\"changeSlot\": \"migration_changes_dev\"}")).changeSlot())
                .isEqualTo("migration_changes_dev");
        assertThatThrownBy(() -> Events.plan(Json.MAPPER.readTree(plan + "\"changeSlot\": \"Bad-Slot\"}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> Events.plan(Json.MAPPER.readTree(plan + "\"changeSlot\": \"s\", \"changesSince\": \"v/a\"}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> Events.plan(Json.MAPPER.readTree(plan + "\"changesSince\": \"../other\"}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("relative");
        item.put("keys", "/etc/keys");
        assertThatThrownBy(() -> Events.validate(item)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("keys '/etc/keys' must be a relative key");
        assertThatThrownBy(() -> Events.options(Json.MAPPER.readTree("{\"recheckAttempts\": -1}")))
                .hasMessageContaining("between 0 (no re-check: every difference counts) and 10");
    }

    @Test
    void tableNamesDefaultToPublicAndRejectAnythingElse() {
        assertThat(TableName.parse("payments")).isEqualTo(new TableName("public", "payments"));
        assertThat(TableName.parse("Sales.Orders").sql()).isEqualTo("\"Sales\".\"Orders\"");
        assertThatThrownBy(() -> TableName.parse("x; DROP TABLE y")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> TableName.parse("")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void normalisationsAreAClosedSet() {
        assertThat(Normalisation.parse("c", "round:2").apply("\"c\"")).isEqualTo("round(\"c\"::numeric, 2)");
        assertThat(Normalisation.parse("c", "truncate:milliseconds").apply("\"c\"")).isEqualTo("date_trunc('milliseconds', \"c\")");
        assertThatThrownBy(() -> Normalisation.parse("c", "round:x")).hasMessageContaining(Normalisation.FORMS);
        assertThatThrownBy(() -> Normalisation.parse("c", "lower(c); --")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void optionsAreCheckedWithTheirRange() throws Exception {
        assertThatThrownBy(() -> Events.options(Json.MAPPER.readTree("{\"leafRows\": 1000000}")))
                .hasMessageContaining("leafRows");
        assertThatThrownBy(() -> Events.options(Json.MAPPER.readTree("{\"recheckDelaySeconds\": \"soon\"}")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> Events.options(Json.MAPPER.readTree("{\"chunk\": 5}")))
                .hasMessageContaining("chunk").hasMessageContaining("rowsPerChunk");
    }
}
