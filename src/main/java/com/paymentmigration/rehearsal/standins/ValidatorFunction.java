package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The validator function's contract (lambda/validator: Events, Validator.plan/validate/aggregate) without its
 * databases: {@code plan} selects tables by DMS-style patterns from a scripted catalog and answers one validate event
 * per partition; {@code validate} answers a partition's summary, unfinished for its first invocations as a long
 * partition is; {@code aggregate} checks it got every partition of the plan, complete and once, and answers the
 * run's verdict, which a scenario scripts. Malformed events fail as the function does.
 */
public final class ValidatorFunction {

    private static final String ERRORS = "com.paymentmigration.lambda.validator.";

    private List<String> catalog = List.of("payments.payments", "payments.refunds", "payments.tmp_import",
            "ledger.entries", "ledger.accounts", "audit.events");
    private int invocationsPerPartition = 2;
    private Predicate<String> mismatchIn = reportKey -> false;
    private final Map<String, Integer> invocations = new HashMap<>();
    private final Map<String, Boolean> completed = new HashMap<>();

    /** Tables the source database has ({@code schema.table}). */
    public void catalog(List<String> tables) {
        this.catalog = List.copyOf(tables);
    }

    /** A run whose report key this matches finds differences. */
    public void mismatchWhen(Predicate<String> reportKey) {
        this.mismatchIn = reportKey;
    }

    public void invocationsPerPartition(int count) {
        this.invocationsPerPartition = count;
    }

    JsonNode handle(JsonNode event) throws FunctionError {
        if (event == null || !event.isObject() || !event.path("action").isTextual()) {
            throw malformed("the event must be a JSON object with an action: plan, validate or aggregate");
        }
        return switch (event.get("action").asText()) {
            case "plan" -> plan(event);
            case "validate" -> validate(event);
            case "aggregate" -> aggregate(event);
            default -> throw malformed("action '" + event.get("action").asText() + "' is not one of plan, validate, aggregate");
        };
    }

    private JsonNode plan(JsonNode event) throws FunctionError {
        var include = strings(event, "include");
        var exclude = event.has("exclude") ? strings(event, "exclude") : List.<String>of();
        var partitions = event.path("partitionsPerTable");
        if (!partitions.canConvertToInt() || partitions.asInt() < 1 || partitions.asInt() > 1000) {
            throw malformed("partitionsPerTable must be a whole number between 1 and 1000");
        }
        var prefix = relative(text(event, "reportPrefix"), "reportPrefix");
        var items = SdkShapes.JSON.createArrayNode();
        for (var table : catalog) {
            if (include.stream().anyMatch(p -> like(p, table)) && exclude.stream().noneMatch(p -> like(p, table))) {
                for (int i = 0; i < partitions.asInt(); i++) {
                    var item = items.addObject().put("action", "validate");
                    var selection = item.putObject("table").put("name", table);
                    selection.putArray("ignore");
                    selection.putObject("normalise");
                    selection.put("compareWithoutKey", false);
                    item.put("partition", i).putNull("lower").putNull("upper");
                    item.put("reportKey", prefix + "/partitions/" + table + "/" + i + ".json");
                }
            }
        }
        if (items.isEmpty()) {
            throw new FunctionError(ERRORS + "UnknownTableException", "no table matches " + include);
        }
        var result = SdkShapes.JSON.createObjectNode();
        result.set("items", items);
        return result.put("partitions", items.size()).put("reportKey", prefix + "/report.json");
    }

    private JsonNode validate(JsonNode event) throws FunctionError {
        var table = event.path("table").path("name");
        if (!table.isTextual()) {
            throw malformed("'table' is missing: give a name like public.payments or a table object");
        }
        if (!event.path("partition").canConvertToInt() || event.get("partition").asInt() < 0) {
            throw malformed("validate needs 'partition': the partition's number from the plan (0 or more)");
        }
        var key = reportKey(event);
        int count = invocations.merge(key, 1, Integer::sum);
        boolean complete = count >= invocationsPerPartition;
        boolean mismatch = mismatchIn.test(key);
        if (complete) {
            completed.put(key, mismatch);
        }
        return SdkShapes.JSON.createObjectNode().put("table", table.asText()).put("partition", event.get("partition").asInt())
                .put("status", !complete ? "IN_PROGRESS" : mismatch ? "MISMATCH" : "MATCH").put("complete", complete)
                .put("sourceRows", 25_000).put("targetRows", mismatch ? 24_998 : 25_000)
                .put("mismatches", mismatch && complete ? 2 : 0).put("transientDifferences", 0).put("reportKey", key);
    }

    private JsonNode aggregate(JsonNode event) throws FunctionError {
        var partitions = event.get("partitions");
        if (partitions == null || !partitions.isArray() || partitions.isEmpty()) {
            throw malformed("aggregate needs 'partitions': the list of validate results (each with its reportKey)");
        }
        var byTable = new TreeMap<String, List<Integer>>();
        boolean mismatch = false;
        for (var partition : partitions) {
            var key = reportKey(partition);
            if (!completed.containsKey(key)) {
                throw new FunctionError(ERRORS + "IncompleteRunException", "partition report " + key
                        + " does not exist or is still in progress; run validate for it until it completes");
            }
            mismatch |= completed.get(key);
            byTable.computeIfAbsent(partition.path("table").asText(), t -> new ArrayList<>())
                    .add(partition.path("partition").asInt());
        }
        for (var entry : byTable.entrySet()) {
            var numbers = entry.getValue().stream().sorted().toList();
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i) {
                    throw new FunctionError(ERRORS + "IncompleteRunException", "the partitions of " + entry.getKey()
                            + " are " + numbers + "; aggregate every partition of the plan exactly once");
                }
            }
        }
        ObjectNode result = SdkShapes.JSON.createObjectNode();
        return result.put("status", mismatch ? "MISMATCH" : "MATCH").put("tables", byTable.size())
                .put("sourceRows", 25_000L * partitions.size()).put("mismatches", mismatch ? 2 : 0)
                .put("transientDifferences", 0).put("notCompared", 0).put("reportKey", reportKey(event));
    }

    /** DMS table selection: {@code %} any run of characters, {@code _} matched literally (lambda/validator TablePatterns). */
    static boolean like(String pattern, String table) {
        var regex = new StringBuilder();
        for (var part : pattern.split("%", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return table.matches(regex.toString());
    }

    private static String reportKey(JsonNode node) throws FunctionError {
        var key = text(node, "reportKey");
        if (!key.endsWith(".json")) {
            throw malformed("reportKey '" + key + "' must be a relative key ending in .json");
        }
        return relative(key, "reportKey");
    }

    private static String relative(String key, String field) throws FunctionError {
        if (key.startsWith("/") || key.contains("..")) {
            throw malformed(field + " '" + key + "' must be relative");
        }
        return key;
    }

    private static List<String> strings(JsonNode event, String field) throws FunctionError {
        var value = event.get(field);
        if (value == null || !value.isArray()) {
            throw malformed("'" + field + "' must be a list of schema.table patterns");
        }
        var list = new ArrayList<String>();
        for (var item : value) {
            if (!item.isTextual()) {
                throw malformed("'" + field + "' must hold strings such as payments.%, not " + item);
            }
            list.add(item.asText());
        }
        return list;
    }

    private static String text(JsonNode node, String field) throws FunctionError {
        var value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed("'" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static FunctionError malformed(String message) {
        return new FunctionError(ERRORS + "MalformedEventException", message);
    }
}
