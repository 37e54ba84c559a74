package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.lambda.validator.compare.ComparedTable;
import com.paymentmigration.lambda.validator.compare.KeyOrdering;
import com.paymentmigration.lambda.validator.compare.KeyRange;
import com.paymentmigration.lambda.validator.compare.KeySampler;
import com.paymentmigration.lambda.validator.compare.KeySql;
import com.paymentmigration.lambda.validator.compare.Options;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.compare.Status;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.Aggregator;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.ReportStore;
import com.paymentmigration.lambda.validator.schema.Catalog;
import com.paymentmigration.lambda.validator.schema.TableSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The three steps a state machine drives: {@code plan} splits the selected tables into partitions (one
 * Distributed Map item each), {@code validate} checks one partition (resuming from its stored progress), and
 * {@code aggregate} merges the partition reports into the run's report. Each returns a small summary; the full
 * reports go to the store.
 */
public final class Validator {

    /** Sampled keys per planned partition: enough for partitions of about equal size. */
    private static final int KEYS_PER_PARTITION = 200;

    private final Supplier<Sides> connect;
    private final ReportStore store;
    private final EmbeddedMetrics metrics;
    private final Recheck.Sleeper sleeper;
    private final LongSupplier clock;

    public Validator(Supplier<Sides> connect, ReportStore store, EmbeddedMetrics metrics, Recheck.Sleeper sleeper,
                     LongSupplier clock) {
        this.connect = connect;
        this.store = store;
        this.metrics = metrics;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public JsonNode handle(JsonNode event, PartitionValidator.Deadline deadline) {
        return switch (Events.action(event)) {
            case "plan" -> plan(Events.plan(event), event.get("options"));
            case "validate" -> validate(Events.validate(event), deadline);
            default -> aggregate(Events.aggregate(event));
        };
    }

    public ObjectNode plan(Events.Plan plan, JsonNode options) {
        var result = Json.MAPPER.createObjectNode();
        List<ObjectNode> items;
        try (var sides = connect.get()) {
            var selections = plan.patterns() == null ? plan.tables() : Catalog.tables(sides.source(), plan.patterns())
                    .stream().map(TableSelection::of).toList();
            var changes = new ChangePlanner(sides, store);
            if (plan.changeSlot() != null) {
                changes.record(plan.reportPrefix(), plan.changeSlot());
            }
            if (plan.changesSince() != null) {
                var planned = changes.plan(plan, selections, options, selection -> fullItems(sides, plan, selection, options));
                items = planned.items();
                result.put("changedKeys", planned.changedKeys());
                result.set("checkedInFull", Json.MAPPER.valueToTree(planned.checkedInFull()));
            } else {
                items = new ArrayList<>();
                for (var selection : selections) {
                    items.addAll(fullItems(sides, plan, selection, options));
                }
            }
        }
        result.set("items", Json.MAPPER.valueToTree(items));
        result.put("partitions", items.size());
        result.put("reportKey", plan.reportPrefix() + "/report.json");
        return result;
    }

    /** One validate item per key range of the table (the whole table when it has no key or one partition). */
    private List<ObjectNode> fullItems(Sides sides, Events.Plan plan, TableSelection selection, JsonNode options) {
        var shapes = sides.both(side -> Catalog.describe(side, selection.name()));
        var table = ComparedTable.of(selection, shapes.source(), shapes.target());
        var ranges = List.of(KeyRange.ALL);
        if (table.hasPrimaryKey() && plan.partitionsPerTable() > 1) {
            var keys = new KeySql(table.key(), KeyOrdering.byteOrderReason(sides, table, shapes.target()) != null);
            var sampling = KeySampler.sampling(table.estimatedRows(), table.pages(),
                    (double) table.estimatedRows() / KEYS_PER_PARTITION / plan.partitionsPerTable());
            ranges = KeySampler.partitions(KeySampler.sample(sides.source(), table, keys, KeyRange.ALL, sampling),
                    plan.partitionsPerTable());
        }
        var items = new ArrayList<ObjectNode>();
        for (int i = 0; i < ranges.size(); i++) {
            var key = plan.reportPrefix() + "/partitions/" + selection.name() + "/" + i + ".json";
            items.add(Events.item(selection, i, ranges.get(i), options, key));
        }
        return items;
    }

    public ObjectNode validate(Events.Validate request, PartitionValidator.Deadline deadline) {
        var stored = store.read(request.reportKey())
                .map(json -> Json.read(json, PartitionReport.class, "stored progress " + request.reportKey()))
                .orElse(null);
        if (stored != null && !stored.table().equals(request.table().name().toString())) {
            throw new MalformedEventException("reportKey " + request.reportKey() + " already holds the report of "
                    + stored.table() + "; give each partition its own key");
        }
        if (stored != null && stored.complete()) {
            return summary(stored, request.reportKey());
        }
        PartitionReport report;
        try (var sides = connect.get()) {
            var validator = new PartitionValidator(sides, request.options(), sleeper, clock);
            if (request.keys() != null) {
                report = validator.runKeys(request.table(), request.partition(), keys(request.keys()));
                store.write(request.reportKey(), Json.write(report));
            } else {
                report = validator.run(request.table(), request.partition(), request.range(), stored, deadline,
                        progress -> store.write(request.reportKey(), Json.write(progress)));
            }
        }
        if (report.complete()) {
            metrics.publish(report, System.currentTimeMillis());
        }
        return summary(report, request.reportKey());
    }

    private List<List<String>> keys(String storeKey) {
        var json = store.read(storeKey).orElseThrow(() -> new IncompleteRunException("the key list " + storeKey
                + " does not exist; plan the run again"));
        try {
            return Json.MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<List<String>>>() { });
        } catch (java.io.IOException e) {
            throw new ReportStoreException("the key list " + storeKey + " is not a list of keys: " + e.getMessage(), e);
        }
    }

    public ObjectNode aggregate(Events.Aggregate request) {
        var partitions = request.partitionReportKeys().stream().map(key -> Json.read(store.read(key)
                .orElseThrow(() -> new IncompleteRunException("partition report " + key + " does not exist; "
                        + "run validate for that partition first")), PartitionReport.class, key)).toList();
        var run = Aggregator.merge(partitions, Options.DEFAULTS.maxReportedRows());
        store.write(request.reportKey(), Json.write(run));
        var result = Json.MAPPER.createObjectNode();
        result.put("status", run.status().name());
        result.put("tables", run.tables().size());
        result.put("sourceRows", run.sourceRows());
        result.put("mismatches", run.mismatches());
        result.put("transientDifferences", run.transientDifferences());
        result.put("notCompared", run.tables().stream().filter(t -> t.status() == Status.NOT_COMPARED).count());
        result.put("reportKey", request.reportKey());
        return result;
    }

    private static ObjectNode summary(PartitionReport report, String reportKey) {
        var result = Json.MAPPER.createObjectNode();
        result.put("table", report.table());
        result.put("partition", report.partition());
        result.put("status", report.status().name());
        result.put("complete", report.complete());
        result.put("sourceRows", report.sourceRows());
        result.put("targetRows", report.targetRows());
        result.put("mismatches", report.mismatches());
        result.put("transientDifferences", report.transientDifferences());
        result.put("reportKey", reportKey);
        return result;
    }
}
