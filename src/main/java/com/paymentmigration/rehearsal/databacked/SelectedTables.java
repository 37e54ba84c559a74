package com.paymentmigration.rehearsal.databacked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig.TablePattern;
import com.paymentmigration.rehearsal.data.Endpoint;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tables a DMS task's table mappings select on its source, as DMS selects them: a table is replicated when an
 * {@code include} selection rule matches it and no {@code exclude} rule does; {@code %} in a schema or table name
 * stands for any run of characters, everything else (an underscore too) matches itself.
 */
final class SelectedTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Rule(boolean include, Pattern schema, Pattern table) {

        boolean matches(String schemaName, String tableName) {
            return schema.matcher(schemaName).matches() && table.matcher(tableName).matches();
        }
    }

    private final List<Rule> rules;

    private SelectedTables(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads the selection rules of {@code tableMappings} (other rule types, transformations, are not selections). */
    static SelectedTables of(String tableMappings) {
        JsonNode root;
        try {
            root = JSON.readTree(tableMappings == null ? "" : tableMappings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the task's table mappings are not JSON: " + e.getOriginalMessage());
        }
        var rules = new ArrayList<Rule>();
        for (var rule : root == null ? JSON.createArrayNode() : root.path("rules")) {
            if (!rule.path("rule-type").asText().equals("selection")) {
                continue;
            }
            var action = rule.path("rule-action").asText();
            if (!action.equals("include") && !action.equals("exclude")) {
                throw new IllegalArgumentException("selection rule " + rule.path("rule-name").asText() + " has action '"
                        + action + "'; the rehearsal replicates include and exclude rules");
            }
            var locator = rule.path("object-locator");
            rules.add(new Rule(action.equals("include"), TablePattern.like(locator.path("schema-name").asText()),
                    TablePattern.like(locator.path("table-name").asText())));
        }
        if (rules.stream().noneMatch(Rule::include)) {
            throw new IllegalArgumentException("the task's table mappings include no table: " + tableMappings);
        }
        return new SelectedTables(rules);
    }

    boolean selects(String schema, String table) {
        return rules.stream().anyMatch(r -> r.include() && r.matches(schema, table))
                && rules.stream().noneMatch(r -> !r.include() && r.matches(schema, table));
    }

    /** The selected tables that exist on {@code source} now, as {@code schema.table}, in name order. */
    List<String> on(Endpoint source) throws SQLException {
        var selected = new ArrayList<String>();
        try (var connection = source.connect(); var query = connection.prepareStatement(
                "SELECT schemaname, tablename FROM pg_tables ORDER BY 1, 2"); var result = query.executeQuery()) {
            while (result.next()) {
                if (selects(result.getString(1), result.getString(2))) {
                    selected.add(result.getString(1) + "." + result.getString(2));
                }
            }
        }
        return selected;
    }
}
