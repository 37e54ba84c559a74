package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.config.MigrationConfig.TablePattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The validator function's contract (lambda/validator: Events, Validator.plan/validate/aggregate) without its
 * databases: {@code plan} selects tables by DMS-style patterns from a scripted catalog and answers one validate event
 * per partition; {@code validate} answers a partition's summary, unfinished for its first invocations as a long
 * partition is; {@code aggregate} checks it got every partition of the plan, complete and once, and answers the
 * run's verdict, which a scenario scripts. Malformed events fail as the function does.
 *
 * <p>Change tracking as the function does it: a plan with {@code changeSlot} needs the change slots on both databases
 * (replication-ops' stand-in) and records where they start; one with {@code changesSince} needs that run to have
 * recorded them, ended MATCH, and the same slots still there ({@code ChangeTrackingException} otherwise). A run that
 * sees writes still landing ({@link #lateWritesWhen}) excuses them as transient after its re-check, unless
 * {@code options.recheckAttempts} is 0: then they are differences.
 */
public final class ValidatorFunction {

    private static final String ERRORS = "com.paymentmigration.lambda.validator.";

    private List<String> catalog = List.of("payments.payments", "payments.refunds", "payments.tmp_import",
            "ledger.entries", "ledger.accounts", "audit.events");
    private int invocationsPerPartition = 2;
    private Predicate<String> mismatchIn = reportKey -> false;
    private Predicate<String> lateWritesIn = reportKey -> false;
    private final Map<String, Integer> invocations = new HashMap<>();
    private final Map<String, Boolean> completed = new HashMap<>();
    private final Map<String, Boolean> transientsIn = new HashMap<>();
    private final ReplicationOpsFunction replicationOps;
    /** Report prefix of a run planned with changeSlot, to the slots' positions then. */
    private final Map<String, String> changeSlotsAt = new HashMap<>();
    /** Report key of an aggregated run, to its status. */
    private final Map<String, String> verdicts = new HashMap<>();

    ValidatorFunction(ReplicationOpsFunction replicationOps) {
        this.replicationOps = replicationOps;
    }

    /** Tables the source database has ({@code schema.table}). */
    public void catalog(List<String> tables) {
        this.catalog = List.copyOf(tables);
    }

    /** A run whose report key this matches finds differences. */
    public void mismatchWhen(Predicate<String> reportKey) {
        this.mismatchIn = reportKey;
    }

    /** A run whose report key this matches reads rows that a write is still changing (one side moved, the other not yet). */
    public void lateWritesWhen(Predicate<String> reportKey) {
        this.lateWritesIn = reportKey;
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
        recheckAttempts(event);
        if (event.has("changeSlot")) {
            changeSlotsAt.put(prefix, changeSlots(text(event, "changeSlot")));
        }
        if (event.has("changesSince")) {
            var since = text(event, "changesSince");
            var recorded = changeSlotsAt.get(since);
            if (recorded == null || !"MATCH".equals(verdicts.get(since + "/report.json"))) {
                throw changeTracking("the run at " + since + " did not record the change slots or did not end MATCH");
            }
            if (!recorded.equals(changeSlots(recorded.substring(0, recorded.indexOf('@'))))) {
                throw changeTracking("the change slots are not those the run at " + since + " recorded");
            }
        }
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
                    if (event.has("options")) {
                        item.set("options", event.get("options"));
                    }
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
        boolean late = lateWritesIn.test(key);
        boolean strict = recheckAttempts(event) == 0;
        boolean mismatch = mismatchIn.test(key) || late && strict;
        if (complete) {
            completed.put(key, mismatch);
            transientsIn.put(key, late && !strict);
        }
        return SdkShapes.JSON.createObjectNode().put("table", table.asText()).put("partition", event.get("partition").asInt())
                .put("status", !complete ? "IN_PROGRESS" : mismatch ? "MISMATCH" : "MATCH").put("complete", complete)
                .put("sourceRows", 25_000).put("targetRows", mismatch ? 24_998 : 25_000)
                .put("mismatches", mismatch && complete ? 2 : 0)
                .put("transientDifferences", complete && late && !strict ? 1 : 0).put("reportKey", key);
    }

    private JsonNode aggregate(JsonNode event) throws FunctionError {
        var partitions = event.get("partitions");
        if (partitions == null || !partitions.isArray() || partitions.isEmpty()) {
            throw malformed("aggregate needs 'partitions': the list of validate results (each with its reportKey)");
        }
        var byTable = new TreeMap<String, List<Integer>>();
        boolean mismatch = false;
        int transients = 0;
        for (var partition : partitions) {
            var key = reportKey(partition);
            if (!completed.containsKey(key)) {
                throw new FunctionError(ERRORS + "IncompleteRunException", "partition report " + key
                        + " does not exist or is still in progress; run validate for it until it completes");
            }
            mismatch |= completed.get(key);
            transients += transientsIn.get(key) ? 1 : 0;
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
        verdicts.put(reportKey(event), mismatch ? "MISMATCH" : "MATCH");
        ObjectNode result = SdkShapes.JSON.createObjectNode();
        return result.put("status", mismatch ? "MISMATCH" : "MATCH").put("tables", byTable.size())
                .put("sourceRows", 25_000L * partitions.size()).put("mismatches", mismatch ? 2 : 0)
                .put("transientDifferences", transients).put("notCompared", 0).put("reportKey", reportKey(event));
    }

    /** The change slots' name and start positions ({@code name@onprem-lsn,aurora-lsn}); both must exist. */
    private String changeSlots(String name) throws FunctionError {
        var positions = new StringBuilder(name).append('@');
        for (var database : List.of("onprem", "aurora")) {
            var slot = replicationOps.live(database, name);
            if (slot.isEmpty()) {
                throw changeTracking("the " + database + " database has no logical slot " + name);
            }
            positions.append(slot.get().lsn()).append(',');
        }
        return positions.toString();
    }

    /** options.recheckAttempts as the function reads it (default 2, 0 to 10). */
    private static int recheckAttempts(JsonNode event) throws FunctionError {
        var attempts = event.path("options").path("recheckAttempts");
        if (attempts.isMissingNode()) {
            return 2;
        }
        if (!attempts.canConvertToInt() || attempts.asInt() < 0 || attempts.asInt() > 10) {
            throw malformed("option recheckAttempts must be between 0 (no re-check: every difference counts) and 10");
        }
        return attempts.asInt();
    }

    private static FunctionError changeTracking(String message) {
        return new FunctionError(ERRORS + "ChangeTrackingException", message);
    }

    /** DMS table selection, as lambda/validator's TablePatterns reads it: the whole {@code schema.table} at once. */
    static boolean like(String pattern, String table) {
        return TablePattern.like(pattern).matcher(table).matches();
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
