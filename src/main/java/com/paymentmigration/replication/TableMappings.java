package com.paymentmigration.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.paymentmigration.config.MigrationConfig.TablePattern;
import com.paymentmigration.config.MigrationConfig.TableSelection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DMS table mappings (selection rules) from the configured table selection, plus the drain marker table
 * ({@link DrainMarker}). The same selection drives both directions, so the reverse task returns exactly the tables the
 * forward task brought over.
 */
public final class TableMappings {

    /** A PostgreSQL identifier, where DMS's {@code %} wildcard may stand for any run of characters. */
    private static final Pattern PART = Pattern.compile("[A-Za-z_%][A-Za-z0-9_$%]{0,62}");
    /**
     * DMS's own tables (heartbeat, status, validation failures) live in {@link TaskSettings#CONTROL_SCHEMA}; a
     * wildcard selection must never pick them up, or DMS's bookkeeping would loop between the two databases.
     */
    static final TablePattern DMS_CONTROL_TABLES = new TablePattern(TaskSettings.CONTROL_SCHEMA, "%");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableMappings() {
    }

    /** The {@code tableMappings} JSON for a task replicating {@code selection}. */
    public static String of(TableSelection selection) {
        if (selection == null || selection.included().isEmpty()) {
            throw new IllegalArgumentException("no table selected: list at least one schema.table in "
                    + "migration:replicatedTables, e.g. [\"payments.%\"]");
        }
        check("migration:replicatedTables", selection.included());
        check("migration:excludedTables", selection.excluded());
        for (var excluded : selection.excluded()) {
            if (selection.included().contains(excluded)) {
                throw new IllegalArgumentException("table pattern " + excluded + " is both replicated and excluded; "
                        + "remove it from one of migration:replicatedTables and migration:excludedTables");
            }
        }
        var root = JSON.createObjectNode();
        var rules = root.putArray("rules");
        for (var pattern : selection.included()) {
            rule(rules, "include", pattern);
        }
        for (var pattern : selection.excluded()) {
            rule(rules, "exclude", pattern);
        }
        for (var pattern : selection.included()) {
            if (pattern.schema().equals(TaskSettings.CONTROL_SCHEMA) || pattern.schema().equals(DrainMarker.SCHEMA)) {
                throw new IllegalArgumentException("migration:replicatedTables: '" + pattern + "' selects the control "
                        + "schema " + pattern.schema() + " (DMS's or the migration's own); replicate the application's "
                        + "schemas only");
            }
        }
        for (var pattern : selection.excluded()) {
            if (DrainMarker.selectedBy(pattern)) {
                throw new IllegalArgumentException("migration:excludedTables: '" + pattern + "' excludes the drain "
                        + "marker table " + DrainMarker.MARKER_TABLE + ", which both tasks must replicate for the cutover "
                        + "to prove the drain; narrow the pattern");
            }
        }
        // The drain gate's marker travels with the data, so its arrival proves everything committed before it has.
        rule(rules, "include", DrainMarker.MARKER_TABLE);
        rule(rules, "exclude", DMS_CONTROL_TABLES);
        return root.toString();
    }

    private static void rule(ArrayNode rules, String action, TablePattern pattern) {
        var id = String.valueOf(rules.size() + 1);
        var rule = rules.addObject();
        rule.put("rule-type", "selection");
        rule.put("rule-id", id);
        rule.put("rule-name", action + "-" + id);
        var locator = rule.putObject("object-locator");
        locator.put("schema-name", pattern.schema());
        locator.put("table-name", pattern.table());
        rule.put("rule-action", action);
        rule.putArray("filters");
    }

    private static void check(String key, List<TablePattern> patterns) {
        var seen = new HashSet<TablePattern>();
        for (var pattern : patterns) {
            for (var part : Arrays.asList(pattern.schema(), pattern.table())) {
                if (part == null || !PART.matcher(part).matches()) {
                    throw new IllegalArgumentException(key + ": '" + pattern + "' is not schema.table with PostgreSQL "
                            + "identifiers (letters, digits, _ and $, starting with a letter or _; % as wildcard)");
                }
            }
            if (!seen.add(pattern)) {
                throw new IllegalArgumentException(key + ": '" + pattern + "' is listed twice; list each pattern once");
            }
        }
    }
}
