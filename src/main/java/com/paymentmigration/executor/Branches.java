package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Parallel and Map states. Branches and iterations run one after another on clocks of their own, each started when
 * AWS would start it (a Parallel's branches all at once; a Map's items as soon as one of {@code MaxConcurrency}
 * slots is free, 0 meaning unbounded); the state ends when the last one does. Inline iterations and branches run in
 * a child variable scope and write their events into this execution's history; a distributed Map's items run as child
 * executions with histories of their own, which see no outer variable.
 *
 * <p>Where the docs are silent we chose: a failed branch or inline iteration fails the state with its own error (the
 * ones after it are not started, as AWS aborts them); a distributed Map stops at the failure that passes its tolerated
 * threshold and fails with {@code States.ExceedToleratedFailureThreshold}; a tolerated failed item's place in the
 * result holds its {@code {"Error", "Cause"}}.
 */
final class Branches {

    private final Interpreter interpreter;
    private final RunContext run;
    private final Executor executor;

    Branches(Interpreter interpreter, Executor executor) {
        this.interpreter = interpreter;
        this.run = interpreter.run;
        this.executor = executor;
    }

    Interpreter.Transition parallel(Step step) {
        var bindings = step.bindings(run, null, null);
        var input = step.state.has("Arguments")
                ? interpreter.evaluate(step, step.state.get("Arguments"), bindings, "Arguments") : step.input;
        run.history.add(step.clock, "ParallelStateStarted");
        var results = JsonNodeFactory.instance.arrayNode();
        var end = step.clock.now();
        for (var branch : step.state.path("Branches")) {
            var clock = step.clock.forkAt(step.clock.now());
            try {
                results.add(interpreter.runGraph(branch, input, step.scope.child(), clock));
            } catch (StatesError e) {
                step.clock.advanceTo(clock.now());
                run.history.add(step.clock, "ParallelStateFailed");
                throw e;
            }
            end = later(end, clock.now());
        }
        step.clock.advanceTo(end);
        run.history.add(step.clock, "ParallelStateSucceeded");
        return interpreter.finish(step, results, step.state.get("Output"), step.state.get("Assign"), step.next());
    }

    Interpreter.Transition map(Step step) {
        var state = step.state;
        var bindings = step.bindings(run, null, null);
        var items = state.has("Items") ? interpreter.evaluate(step, state.get("Items"), bindings, "Items") : step.input;
        if (!items.isArray()) {
            throw interpreter.evaluationError(step, "Items", "must be an array, not " + items);
        }
        int concurrency = count(step, "MaxConcurrency", bindings);
        run.history.add(step.clock, "MapStateStarted", "length", items.size());
        var slots = new PriorityQueue<Instant>();
        for (int i = 0; i < (concurrency == 0 ? items.size() : Math.min(concurrency, items.size())); i++) {
            slots.add(step.clock.now());
        }
        var distributed = "DISTRIBUTED".equals(state.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText());
        var results = distributed ? distributed(step, items, slots, bindings) : inline(step, items, slots);
        run.history.add(step.clock, "MapStateSucceeded");
        return interpreter.finish(step, results, state.get("Output"), state.get("Assign"), step.next());
    }

    private ArrayNode inline(Step step, JsonNode items, PriorityQueue<Instant> slots) {
        var results = JsonNodeFactory.instance.arrayNode();
        var end = step.clock.now();
        for (int i = 0; i < items.size(); i++) {
            var clock = step.clock.forkAt(slots.poll());
            var input = itemInput(step, items.get(i), i);
            run.history.add(clock, "MapIterationStarted", "name", step.name, "index", i);
            try {
                results.add(interpreter.runGraph(step.state.get("ItemProcessor"), input, step.scope.child(), clock));
            } catch (StatesError e) {
                run.history.add(clock, "MapIterationFailed", "name", step.name, "index", i);
                step.clock.advanceTo(clock.now());
                run.history.add(step.clock, "MapStateFailed");
                throw e;
            }
            run.history.add(clock, "MapIterationSucceeded", "name", step.name, "index", i);
            slots.add(clock.now());
            end = later(end, clock.now());
        }
        step.clock.advanceTo(end);
        return results;
    }

    private ArrayNode distributed(Step step, JsonNode items, PriorityQueue<Instant> slots, Bindings bindings) {
        var label = step.state.path("Label").asText(step.name);
        var mapRunArn = run.options.stateMachineArn().replace(":stateMachine:", ":mapRun:") + "/" + label + ":"
                + StepFunctionsFunctions.uuid(run.random);
        run.history.add(step.clock, "MapRunStarted", "mapRunArn", mapRunArn);
        var toleratedCount = step.state.has("ToleratedFailureCount") ? count(step, "ToleratedFailureCount", bindings) : null;
        var toleratedPercent = step.state.has("ToleratedFailurePercentage")
                ? percentage(step, bindings) : null;
        var results = JsonNodeFactory.instance.arrayNode();
        var end = step.clock.now();
        int failures = 0;
        for (int i = 0; i < items.size(); i++) {
            var input = itemInput(step, items.get(i), i);
            var options = run.options.withStateMachineName(run.options.stateMachineName() + "/" + label)
                    .withExecutionName(StepFunctionsFunctions.uuid(run.random)).withStartTime(slots.poll());
            var child = executor.runChild(step.state.get("ItemProcessor"), input, options, run);
            run.children.add(child);
            end = later(end, child.stopDate());
            slots.add(child.stopDate());
            if (child.succeeded()) {
                results.add(child.output());
                continue;
            }
            failures++;
            results.addObject().put("Error", child.error()).put("Cause", child.cause());
            if (exceeds(failures, items.size(), toleratedCount, toleratedPercent)) {
                step.clock.advanceTo(end);
                var cause = "The specified tolerated failure threshold was exceeded: " + failures + " of "
                        + items.size() + " items failed (last: " + child.error() + ": " + child.cause() + ")";
                run.history.add(step.clock, "MapRunFailed", "error", ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        "cause", cause);
                run.history.add(step.clock, "MapStateFailed");
                throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, cause);
            }
        }
        step.clock.advanceTo(end);
        run.history.add(step.clock, "MapRunSucceeded");
        return results;
    }

    /** Neither field: no failure tolerated. Both: the Map fails when either is passed. */
    static boolean exceeds(int failures, int items, Integer toleratedCount, Double toleratedPercent) {
        boolean byCount = (toleratedCount != null || toleratedPercent == null)
                && failures > (toleratedCount == null ? 0 : toleratedCount);
        boolean byPercent = toleratedPercent != null && failures * 100.0 > toleratedPercent * items;
        return byCount || byPercent;
    }

    /** The item, or the ItemSelector evaluated with {@code $states.context.Map.Item.Index/Value}. */
    private JsonNode itemInput(Step step, JsonNode item, int index) {
        if (!step.state.has("ItemSelector")) {
            return item;
        }
        var mapItem = JsonNodeFactory.instance.objectNode();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return interpreter.evaluate(step, step.state.get("ItemSelector"), step.bindings(run, null, null, mapItem),
                "ItemSelector");
    }

    private int count(Step step, String field, Bindings bindings) {
        if (!step.state.has(field)) {
            return 0;
        }
        var value = interpreter.evaluate(step, step.state.get(field), bindings, field);
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
            throw interpreter.evaluationError(step, field, "must be a non-negative integer, not " + value);
        }
        return value.asInt();
    }

    private double percentage(Step step, Bindings bindings) {
        var field = "ToleratedFailurePercentage";
        var value = interpreter.evaluate(step, step.state.get(field), bindings, field);
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
            throw interpreter.evaluationError(step, field, "must be a number from 0 to 100, not " + value);
        }
        return value.asDouble();
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
