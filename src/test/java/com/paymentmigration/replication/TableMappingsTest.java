package com.paymentmigration.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig.TablePattern;
import com.paymentmigration.config.MigrationConfig.TableSelection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableMappingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The members DMS documents for a selection rule. */
    private static final Set<String> SELECTION_MEMBERS = Set.of("rule-type", "rule-id", "rule-name", "object-locator",
            "rule-action", "filters", "load-order");

    private static TableSelection selection(List<String> included, List<String> excluded) {
        return new TableSelection(patterns(included), patterns(excluded));
    }

    private static List<TablePattern> patterns(List<String> texts) {
        var patterns = new ArrayList<TablePattern>();
        for (var text : texts) {
            var parts = text.split("\\.", -1);
            patterns.add(new TablePattern(parts[0], parts.length > 1 ? parts[1] : null));
        }
        return patterns;
    }

    private static JsonNode rules(TableSelection selection) throws Exception {
        return JSON.readTree(TableMappings.of(selection)).get("rules");
    }

    @Test
    void includesThenExcludesThenTheDrainMarkerThenKeepsDmsControlSchemaOut() throws Exception {
        var rules = rules(selection(List.of("payments.%", "ledger.entries", "ledger.accounts"), List.of("payments.tmp_%")));
        assertThat(rules).hasSize(6);
        var summary = new ArrayList<String>();
        rules.forEach(r -> summary.add(r.get("rule-action").asText() + " " + r.at("/object-locator/schema-name").asText()
                + "." + r.at("/object-locator/table-name").asText()));
        assertThat(summary).containsExactly("include payments.%", "include ledger.entries", "include ledger.accounts",
                "exclude payments.tmp_%", "include migration_control.drain_marker", "exclude dms_control.%");
    }

    @Test
    void theDrainMarkerIsSelectedExactlyAndNoConfiguredPatternMayTakeItOrItsSchema() throws Exception {
        var rules = rules(selection(List.of("payments.%"), List.of()));
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.get("rule-action").asText()).isEqualTo("include");
            assertThat(rule.at("/object-locator/schema-name").asText()).isEqualTo(DrainMarker.SCHEMA);
            assertThat(rule.at("/object-locator/table-name").asText()).as("no wildcard").isEqualTo(DrainMarker.TABLE);
        });
        assertThatThrownBy(() -> TableMappings.of(selection(List.of("migration_control.%"), List.of())))
                .hasMessageContaining("selects the control schema migration_control");
        for (var exclusion : List.of("migration_control.%", "%.drain_%", "%.%", "migration_control.drain_marker")) {
            assertThatThrownBy(() -> TableMappings.of(selection(List.of("payments.%"), List.of(exclusion))))
                    .as(exclusion).hasMessageContaining("excludes the drain marker table migration_control.drain_marker");
        }
        assertThat(rules(selection(List.of("payments.%"), List.of("%.tmp_%", "migration.%")))).isNotEmpty();
    }

    @Test
    void theExclusionCoversTheSchemaDmsWritesItsTablesToAndAWildcardCannotSelectIt() throws Exception {
        var rules = rules(selection(List.of("%.%"), List.of()));
        var exclusion = rules.get(rules.size() - 1);
        assertThat(exclusion.get("rule-action").asText()).isEqualTo("exclude");
        assertThat(exclusion.at("/object-locator/schema-name").asText()).isEqualTo(TaskSettings.CONTROL_SCHEMA)
                .as("the control and heartbeat tables live there, not in the data schemas")
                .isEqualTo(JSON.readTree(TaskSettings.document()).at("/ControlTablesSettings/ControlSchema").asText());
        assertThat(exclusion.at("/object-locator/table-name").asText()).isEqualTo("%");
        assertThatThrownBy(() -> TableMappings.of(selection(List.of("dms_control.awsdms_status"), List.of())))
                .hasMessageContaining("the control schema dms_control");
    }

    @Test
    void everyRuleHasTheDocumentedShapeAndUniqueIds() throws Exception {
        var rules = rules(selection(List.of("payments.%", "ledger.entries"), List.of()));
        var ids = new HashSet<String>();
        var names = new HashSet<String>();
        for (var rule : rules) {
            var members = new HashSet<String>();
            rule.fieldNames().forEachRemaining(members::add);
            assertThat(SELECTION_MEMBERS).containsAll(members);
            assertThat(rule.get("rule-type").asText()).isEqualTo("selection");
            assertThat(rule.get("rule-action").asText()).isIn("include", "exclude", "explicit");
            assertThat(rule.get("rule-id").isTextual()).as("DMS takes ids as strings").isTrue();
            assertThat(rule.get("rule-id").asText()).matches("[1-9][0-9]*");
            assertThat(ids.add(rule.get("rule-id").asText())).isTrue();
            assertThat(names.add(rule.get("rule-name").asText())).isTrue();
            assertThat(rule.get("object-locator").size()).isEqualTo(2);
        }
    }

    @Test
    void refusesAnEmptySelection() {
        assertThatThrownBy(() -> TableMappings.of(selection(List.of(), List.of("a.b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table selected").hasMessageContaining("migration:replicatedTables");
        assertThatThrownBy(() -> TableMappings.of(null)).hasMessageContaining("no table selected");
    }

    @Test
    void refusesDuplicates() {
        assertThatThrownBy(() -> TableMappings.of(selection(List.of("a.b", "c.%", "a.b"), List.of())))
                .hasMessage("migration:replicatedTables: 'a.b' is listed twice; list each pattern once");
        assertThatThrownBy(() -> TableMappings.of(selection(List.of("a.%"), List.of("a.x", "a.x"))))
                .hasMessageContaining("migration:excludedTables: 'a.x' is listed twice");
    }

    @Test
    void refusesInvalidIdentifiers() {
        for (var bad : List.of("pay-ments.x", "1abc.x", "a.b c", "a.", "a.b;drop table x", "a")) {
            assertThatThrownBy(() -> TableMappings.of(selection(List.of(bad), List.of())))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not schema.table with PostgreSQL identifiers");
        }
    }

    @Test
    void refusesATableThatIsBothIncludedAndExcluded() {
        assertThatThrownBy(() -> TableMappings.of(selection(List.of("a.%", "a.b"), List.of("a.b"))))
                .hasMessageContaining("a.b is both replicated and excluded");
    }
}
