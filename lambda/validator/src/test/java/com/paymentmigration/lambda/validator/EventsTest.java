package com.paymentmigration.lambda.validator;

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
