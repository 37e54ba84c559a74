package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.Options;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.schema.Normalisation;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TablePatterns;
import com.paymentmigration.lambda.validator.schema.TableSelection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads invocation events into typed requests, naming the field and the fix for anything malformed. The same
 * shapes are written back (plan items are complete validate events), so what plan emits validate accepts.
 */
public final class Events {

    /**
     * @param tables   tables named one by one (with their options); empty when chosen by pattern
     * @param patterns tables chosen as DMS chooses them, by {@code schema.table} patterns with {@code %}; null when
     *                 named one by one
     * @param changeSlot   the change slots' name: this full run records where they start (null: it does not)
     * @param changesSince the reportPrefix of a full run planned with {@code changeSlot}: check only what can have
     *                     changed since it (null: check everything)
     */
    public record Plan(List<TableSelection> tables, TablePatterns patterns, Options options, int partitionsPerTable,
                       String reportPrefix, String changeSlot, String changesSince) {
    }

    /** @param keys the store key of the list of keys to compare (null: compare the key range) */
    public record Validate(TableSelection table, int partition, KeyRange range, Options options, String reportKey,
                           String keys) {
    }

    public record Aggregate(List<String> partitionReportKeys, String reportKey) {
    }

    private static final Set<String> OPTION_FIELDS = Set.of("rowsPerChunk", "leafRows", "maxRowsPerSecond",
            "recheckDelaySeconds", "recheckAttempts", "maxReportedRows");
    private static final Set<String> TABLE_FIELDS = Set.of("name", "ignore", "normalise", "compareWithoutKey");

    private Events() {
    }

    public static String action(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new MalformedEventException("the event must be a JSON object with an action: plan, validate or aggregate");
        }
        var action = text(event, "action");
        if (!List.of("plan", "validate", "aggregate").contains(action)) {
            throw new MalformedEventException("action '" + action + "' is not one of plan, validate, aggregate");
        }
        return action;
    }

    public static Plan plan(JsonNode event) {
        var tables = event.get("tables");
        TablePatterns patterns = null;
        if (tables == null && event.has("include")) {
            patterns = TablePatterns.of(strings(event, "include"), event.has("exclude") ? strings(event, "exclude") : List.of());
            tables = Json.MAPPER.createArrayNode();
        } else if (tables == null || !tables.isArray() || tables.isEmpty()) {
            throw new MalformedEventException("plan needs 'tables' (a non-empty list of table names or table objects) or "
                    + "'include' (a list of schema.table patterns, % as wildcard, as DMS selects them)");
        }
        var selections = new ArrayList<TableSelection>();
        var names = new LinkedHashSet<TableName>();
        for (var table : tables) {
            var selection = table(table);
            if (!names.add(selection.name())) {
                throw new MalformedEventException("table " + selection.name() + " is selected twice; list it once");
            }
            selections.add(selection);
        }
        int partitions = event.path("partitionsPerTable").asInt(1);
        if (partitions < 1 || partitions > 1000 || event.has("partitionsPerTable") && !event.get("partitionsPerTable").canConvertToInt()) {
            throw new MalformedEventException("partitionsPerTable must be a whole number between 1 and 1000");
        }
        var changeSlot = event.has("changeSlot") ? slotName(text(event, "changeSlot")) : null;
        var changesSince = event.has("changesSince") ? prefix(text(event, "changesSince")) : null;
        if (changeSlot != null && changesSince != null) {
            throw new MalformedEventException("give changeSlot (a full run that records where the change slots start) "
                    + "or changesSince (a run of what changed since such a run), not both");
        }
        return new Plan(selections, patterns, options(event.get("options")), partitions, prefix(text(event, "reportPrefix")),
                changeSlot, changesSince);
    }

    public static Validate validate(JsonNode event) {
        var partition = event.get("partition");
        if (partition == null || !partition.canConvertToInt() || partition.asInt() < 0) {
            throw new MalformedEventException("validate needs 'partition': the partition's number from the plan (0 or more)");
        }
        var keys = event.has("keys") ? storeKey(text(event, "keys"), "keys") : null;
        return new Validate(table(event.get("table")), partition.asInt(),
                new KeyRange(key(event, "lower"), key(event, "upper")), options(event.get("options")), reportKey(event),
                keys);
    }

    public static Aggregate aggregate(JsonNode event) {
        var partitions = event.get("partitions");
        if (partitions == null || !partitions.isArray() || partitions.isEmpty()) {
            throw new MalformedEventException("aggregate needs 'partitions': the list of validate results (each with its reportKey)");
        }
        var keys = new ArrayList<String>();
        for (var partition : partitions) {
            keys.add(reportKey(partition));
        }
        return new Aggregate(keys, reportKey(event));
    }

    /** A plan item: a validate event for one partition, carrying everything the invocation needs. */
    public static ObjectNode item(TableSelection table, int partition, KeyRange range, JsonNode options, String reportKey) {
        var item = Json.MAPPER.createObjectNode();
        item.put("action", "validate");
        item.set("table", tableJson(table));
        item.put("partition", partition);
        item.set("lower", Json.MAPPER.valueToTree(range.lower()));
        item.set("upper", Json.MAPPER.valueToTree(range.upper()));
        if (options != null) {
            item.set("options", options);
        }
        item.put("reportKey", reportKey);
        return item;
    }

    /** A plan item that compares the keys listed under {@code keys} in the store, not a key range. */
    public static ObjectNode keysItem(TableSelection table, int partition, String keys, JsonNode options, String reportKey) {
        var item = item(table, partition, KeyRange.ALL, options, reportKey);
        item.put("keys", keys);
        return item;
    }

    static JsonNode tableJson(TableSelection table) {
        var node = Json.MAPPER.createObjectNode();
        node.put("name", table.name().toString());
        node.set("ignore", Json.MAPPER.valueToTree(table.ignoredColumns()));
        var normalise = node.putObject("normalise");
        table.normalisations().forEach((column, form) -> normalise.put(column, form.name()));
        node.put("compareWithoutKey", table.compareWithoutKey());
        return node;
    }

    static TableSelection table(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new MalformedEventException("'table' is missing: give a name like public.payments or a table object");
        }
        if (node.isTextual()) {
            return TableSelection.of(node.asText());
        }
        if (!node.isObject()) {
            throw new MalformedEventException("a table must be a name or an object with " + TABLE_FIELDS);
        }
        unknownFields(node, TABLE_FIELDS, "table");
        var name = TableName.parse(text(node, "name"));
        var ignored = new LinkedHashSet<String>();
        node.path("ignore").forEach(column -> ignored.add(column.asText()));
        var normalisations = new LinkedHashMap<String, Normalisation>();
        node.path("normalise").fields().forEachRemaining(entry ->
                normalisations.put(entry.getKey(), Normalisation.parse(name + "." + entry.getKey(), entry.getValue().asText())));
        var withoutKey = node.path("compareWithoutKey");
        if (!withoutKey.isMissingNode() && !withoutKey.isBoolean()) {
            throw new MalformedEventException("compareWithoutKey of " + name + " must be true or false");
        }
        return new TableSelection(name, Set.copyOf(ignored), Map.copyOf(normalisations), withoutKey.asBoolean(false));
    }

    static Options options(JsonNode node) {
        if (node == null || node.isNull()) {
            return Options.DEFAULTS;
        }
        if (!node.isObject()) {
            throw new MalformedEventException("'options' must be an object with any of " + OPTION_FIELDS);
        }
        unknownFields(node, OPTION_FIELDS, "options");
        var d = Options.DEFAULTS;
        return new Options(
                whole(node, "rowsPerChunk", d.rowsPerChunk()),
                whole(node, "leafRows", d.leafRows()),
                whole(node, "maxRowsPerSecond", d.maxRowsPerSecond()),
                Duration.ofSeconds(whole(node, "recheckDelaySeconds", d.recheckDelay().toSeconds())),
                whole(node, "recheckAttempts", d.recheckAttempts()),
                whole(node, "maxReportedRows", d.maxReportedRows()));
    }

    private static int whole(JsonNode node, String field, long fallback) {
        var value = node.get(field);
        if (value == null) {
            return (int) fallback;
        }
        if (!value.canConvertToInt()) {
            throw new MalformedEventException("option " + field + " must be a whole number, not " + value);
        }
        return value.asInt();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String what) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new MalformedEventException("unknown field '" + field + "' in " + what + "; known fields: "
                        + new java.util.TreeSet<>(known));
            }
        });
    }

    private static List<String> key(JsonNode event, String field) {
        var node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new MalformedEventException("'" + field + "' must be null or the key's column values as a list of strings");
        }
        var values = new ArrayList<String>();
        node.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static String reportKey(JsonNode node) {
        return storeKey(text(node, "reportKey"), "reportKey");
    }

    private static String storeKey(String key, String field) {
        if (key.startsWith("/") || key.contains("..") || !key.endsWith(".json")) {
            throw new MalformedEventException(field + " '" + key + "' must be a relative key ending in .json, e.g. "
                    + "validation/run-1/report.json");
        }
        return key;
    }

    /** PostgreSQL's rule for slot names (as replication-ops checks them). */
    private static String slotName(String name) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new MalformedEventException("changeSlot '" + name + "' must be 1 to 63 lower-case letters, digits or "
                    + "underscores");
        }
        return name;
    }

    private static String prefix(String prefix) {
        if (prefix.startsWith("/") || prefix.contains("..")) {
            throw new MalformedEventException("reportPrefix '" + prefix + "' must be a relative key prefix, e.g. validation/run-1");
        }
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static List<String> strings(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new MalformedEventException("'" + field + "' must be a list of schema.table patterns");
        }
        var list = new ArrayList<String>();
        for (var item : value) {
            if (!item.isTextual()) {
                throw new MalformedEventException("'" + field + "' must hold strings such as payments.%, not " + item);
            }
            list.add(item.asText());
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("'" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
