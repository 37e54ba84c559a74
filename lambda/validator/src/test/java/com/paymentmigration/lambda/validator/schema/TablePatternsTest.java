package com.paymentmigration.lambda.validator.schema;

import com.paymentmigration.lambda.validator.MalformedEventException;
import com.paymentmigration.lambda.validator.TwoDatabases;
import com.paymentmigration.lambda.validator.UnknownTableException;
import com.paymentmigration.lambda.validator.report.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans over tables chosen by the stack's DMS selection patterns, against the real catalog. */
class TablePatternsTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    @Test
    void percentMatchesAnyRunAndEverythingElseIsLiteral() {
        assertThat(TablePatterns.matches("payments.%", "payments.cards")).isTrue();
        assertThat(TablePatterns.matches("payments.tmp_%", "payments.tmp_load")).isTrue();
        // '_' is a LIKE wildcard but not a DMS one: it matches only itself.
        assertThat(TablePatterns.matches("payments.tmp_%", "payments.tmpxload")).isFalse();
        assertThat(TablePatterns.matches("%.entries", "ledger.entries")).isTrue();
        assertThat(TablePatterns.matches("ledger.entries", "ledger.entries_old")).isFalse();
    }

    @Test
    void aPlanBySelectionCoversTheIncludedTablesLessTheExcludedOnesAndNoPartitions() {
        var schema = "sel_" + SCHEMAS.incrementAndGet();
        both("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".cards (id int PRIMARY KEY)",
                "CREATE TABLE " + schema + ".tmp_load (id int PRIMARY KEY)",
                "CREATE TABLE " + schema + ".events (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE TABLE " + schema + ".events_2026 PARTITION OF " + schema + ".events "
                        + "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        var plan = harness.validator.handle(Json.MAPPER.valueToTree(java.util.Map.of("action", "plan",
                "include", List.of(schema + ".%"), "exclude", List.of(schema + ".tmp_%"),
                "reportPrefix", "validation/run-1/initial")), null);

        assertThat(plan.get("items").findValuesAsText("name")).containsExactly(schema + ".cards", schema + ".events");
    }

    @Test
    void aSelectionThatMatchesNothingSaysSo() {
        var event = Json.MAPPER.valueToTree(java.util.Map.of("action", "plan", "include", List.of("nothing_here.%"),
                "reportPrefix", "validation/run-1/initial"));
        assertThatThrownBy(() -> harness.validator.handle(event, null)).isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("no table in the source database matches include [nothing_here.%]");
    }

    @Test
    void aMalformedPatternIsRefusedWithAnExample() {
        assertThatThrownBy(() -> TablePatterns.of(List.of("payments"), List.of()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("e.g. payments.%");
        assertThatThrownBy(() -> TablePatterns.of(List.of(), List.of()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("at least one");
    }
}
