package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The operators' command line: the whole run (plan, every partition until complete, aggregate) in one process,
 * reports written under a directory.
 *
 * <pre>
 * java -jar validator.jar --source jdbc:postgresql://onprem/payments?user=v&amp;password=... \
 *      --target jdbc:postgresql://aurora/payments?user=v&amp;password=... \
 *      --table public.payments [--table ...] [--partitions 4] [--options '{"leafRows":1000}'] [--out validation]
 * </pre>
 * Exit status: 0 MATCH, 1 MISMATCH, 3 NOT_COMPARED, 2 an error (message on stderr).
 */
public final class Cli {

    private Cli() {
    }

    public static void main(String[] args) {
        try {
            var run = run(args);
            System.out.println(new String(Json.write(run)));
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

    static JsonNode run(String[] args) {
        String source = null;
        String target = null;
        String out = "validation";
        String options = null;
        int partitions = 1;
        var tables = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            var value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--source" -> source = value;
                case "--target" -> target = value;
                case "--table" -> tables.add(value);
                case "--out" -> out = value;
                case "--options" -> options = value;
                case "--partitions" -> partitions = parseInt("--partitions", value);
                default -> throw new MalformedEventException("unknown argument " + args[i]
                        + "; use --source URL --target URL --table NAME [--partitions N] [--options JSON] [--out DIR]");
            }
            i++;
        }
        if (source == null || target == null || tables.isEmpty() || tables.contains(null)) {
            throw new MalformedEventException("--source, --target and at least one --table are required");
        }
        var from = new DatabaseAddress(source, null, null);
        var to = new DatabaseAddress(target, null, null);
        var validator = new Validator(() -> Sides.open(from, to), new DirectoryReportStore(Path.of(out)),
                new EmbeddedMetrics(System.err, "cli"), Recheck.Sleeper.REAL, System::currentTimeMillis);
        return runAll(validator, Json.MAPPER.valueToTree(tables), partitions, options);
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
        var planned = validator.handle(plan, PartitionValidator.Deadline.NONE);
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
