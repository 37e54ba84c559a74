package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.DirectoryReportStore;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.schema.Normalisation;
import com.paymentmigration.lambda.validator.schema.TableName;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The operators' command line: the whole run (plan, every partition until complete, aggregate) in one process,
 * reports written under a directory, the run's full report printed (only its summary with {@code --summary}).
 *
 * <pre>
 * java -jar validator.jar --source jdbc:postgresql://onprem/payments?user=v&amp;password=... \
 *      --target jdbc:postgresql://aurora/payments?user=v&amp;password=... \
 *      --table public.payments [--table '{"name": "public.refunds", "ignore": ["legacy"]}'] \
 *      [--ignore public.payments.migrated_at] [--normalise public.payments.reference=trim] \
 *      [--compare-without-key public.events] [--partitions 4] [--options '{"leafRows":1000}'] [--out validation]
 *      [--summary]
 * </pre>
 * Per-table settings name the table as given by {@code --table}; they add to a table object's own.
 * Exit status: 0 MATCH, 1 MISMATCH, 3 NOT_COMPARED, 2 an error (message on stderr).
 */
public final class Cli {

    private static final String USAGE = "use --source URL --target URL --table NAME|JSON [--ignore TABLE.COLUMN] "
            + "[--normalise TABLE.COLUMN=FORM] [--compare-without-key TABLE] [--partitions N] [--options JSON] "
            + "[--out DIR] [--summary]";

    private Cli() {
    }

    public static void main(String[] args) {
        try {
            var run = run(args);
            System.out.println(new String(Json.write(run), java.nio.charset.StandardCharsets.UTF_8));
            System.exit(switch (run.get("status").asText()) {
                case "MATCH" -> 0;
                case "MISMATCH" -> 1;
                default -> 3;
            });
        } catch (ValidatorException e) {
            System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The full run report, or with {@code --summary} the aggregate step's summary. */
    static JsonNode run(String[] args) {
        String source = null;
        String target = null;
        String out = "validation";
        String options = null;
        int partitions = 1;
        boolean summary = false;
        var tables = new java.util.LinkedHashMap<String, ObjectNode>();
        var settings = new ArrayList<String[]>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--summary")) {
                summary = true;
                continue;
            }
            var value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new MalformedEventException(args[i] + " needs a value; " + USAGE);
            }
            switch (args[i]) {
                case "--source" -> source = value;
                case "--target" -> target = value;
                case "--table" -> {
                    var table = table(value);
                    tables.put(table.get("name").asText(), table);
                }
                case "--ignore", "--normalise", "--compare-without-key" -> settings.add(new String[] {args[i], value});
                case "--out" -> out = value;
                case "--options" -> options = value;
                case "--partitions" -> partitions = parseInt("--partitions", value);
                default -> throw new MalformedEventException("unknown argument " + args[i] + "; " + USAGE);
            }
            i++;
        }
        if (source == null || target == null || tables.isEmpty()) {
            throw new MalformedEventException("--source, --target and at least one --table are required; " + USAGE);
        }
        for (var setting : settings) {
            apply(tables, setting[0], setting[1]);
        }
        var store = new DirectoryReportStore(Path.of(out));
        var from = new DatabaseAddress(source, null, null);
        var to = new DatabaseAddress(target, null, null);
        var validator = new Validator(() -> Sides.open(from, to), store,
                new EmbeddedMetrics(System.err, "cli"), Recheck.Sleeper.REAL, System::currentTimeMillis);
        var result = runAll(validator, Json.MAPPER.valueToTree(tables.values()), partitions, options);
        if (summary) {
            return result;
        }
        var key = result.get("reportKey").asText();
        var written = store.read(key);
        if (written.isEmpty()) {
            throw new ReportStoreException("the run's report " + key + " was not written under " + out, null);
        }
        return Json.read(written.get(), JsonNode.class, "the run's report " + key);
    }

    /** A table argument: a name, or a table object as in a plan event (checked by the plan like any other). */
    private static ObjectNode table(String value) {
        ObjectNode table;
        if (value.trim().startsWith("{")) {
            try {
                table = (ObjectNode) Json.MAPPER.readTree(value);
            } catch (java.io.IOException | ClassCastException e) {
                throw new MalformedEventException("--table " + value + " is neither a table name nor a JSON object");
            }
            Events.table(table);
        } else {
            table = Json.MAPPER.createObjectNode().put("name", TableName.parse(value).toString());
        }
        return table;
    }

    /** Adds one per-table setting to the table it names (schema.table.column, or schema.table). */
    private static void apply(java.util.Map<String, ObjectNode> tables, String flag, String value) {
        var target = flag.equals("--normalise") ? value.split("=", 2)[0] : value;
        var tableName = flag.equals("--compare-without-key") ? target
                : target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : "";
        var table = tables.get(tableName);
        if (table == null) {
            throw new MalformedEventException(flag + " " + value + " names table '" + tableName + "', which no --table "
                    + "selects; use " + (flag.equals("--compare-without-key") ? "SCHEMA.TABLE" : "SCHEMA.TABLE.COLUMN")
                    + " with a table given by --table " + tables.keySet());
        }
        switch (flag) {
            case "--ignore" -> array(table, "ignore").add(target.substring(tableName.length() + 1));
            case "--normalise" -> {
                if (!value.contains("=")) {
                    throw new MalformedEventException("--normalise " + value + " needs SCHEMA.TABLE.COLUMN=FORM, FORM one of "
                            + Normalisation.FORMS);
                }
                var forms = table.has("normalise") ? (ObjectNode) table.get("normalise") : table.putObject("normalise");
                forms.put(target.substring(tableName.length() + 1), value.split("=", 2)[1]);
            }
            default -> table.put("compareWithoutKey", true);
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode array(ObjectNode table, String field) {
        return table.has(field) ? (com.fasterxml.jackson.databind.node.ArrayNode) table.get(field) : table.putArray(field);
    }

    /** Plan, validate every item to completion, aggregate: what the migration state machine does, in one process. */
    static JsonNode runAll(Validator validator, JsonNode tables, int partitions, String options) {
        var plan = Json.MAPPER.createObjectNode();
        plan.put("action", "plan");
        plan.set("tables", tables);
        plan.put("partitionsPerTable", partitions);
        plan.put("reportPrefix", "run-" + System.currentTimeMillis());
        if (options != null) {
            try {
                plan.set("options", Json.MAPPER.readTree(options));
            } catch (java.io.IOException e) {
                throw new MalformedEventException("--options is not JSON: " + e.getMessage());
            }
        }
        return runPlanned(validator, validator.handle(plan, PartitionValidator.Deadline.NONE));
    }

    /** Every item of a plan's answer validated to completion, then aggregated: the summary of the run. */
    static JsonNode runPlanned(Validator validator, JsonNode planned) {
        var results = Json.MAPPER.createArrayNode();
        for (var item : planned.get("items")) {
            JsonNode result;
            do {
                result = validator.handle(item, PartitionValidator.Deadline.NONE);
            } while (!result.get("complete").asBoolean());
            results.add(result);
        }
        var aggregate = Json.MAPPER.createObjectNode();
        aggregate.put("action", "aggregate");
        aggregate.set("partitions", results);
        aggregate.put("reportKey", planned.get("reportKey").asText());
        return validator.handle(aggregate, PartitionValidator.Deadline.NONE);
    }

    private static int parseInt(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MalformedEventException(flag + " needs a whole number, not " + value);
        }
    }
}
