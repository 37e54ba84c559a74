package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the states of one graph (the machine, a Parallel branch or a Map's item processor) from StartAt to an end.
 * The order within a state is AWS's: Arguments are evaluated from the input and the variables on entry; the work is
 * done; then Output and Assign are both evaluated against that same state of the world ({@code $states.input},
 * {@code $states.result} or {@code $states.errorOutput}, the variables on entry), and only then do the assigned
 * values take effect, visible from the next state on.
 */
final class Interpreter {

    record Transition(String next, JsonNode output) {
    }

    /** The machine ran past its TimeoutSeconds. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    final RunContext run;
    private final Tasks tasks;
    private final Branches branches;

    Interpreter(RunContext run, Executor executor) {
        this.run = run;
        this.tasks = new Tasks(this);
        this.branches = new Branches(this, executor);
    }

    /** @return the graph's output; throws {@link StatesError} when it fails */
    JsonNode runGraph(JsonNode graph, JsonNode input, Scope scope, ExecutionClock clock) {
        var states = graph.get("States");
        var name = graph.get("StartAt").asText();
        while (true) {
            var step = new Step(name, states.get(name), input, scope, clock);
            var transition = runState(step);
            checkLimits(clock);
            if (transition.next() == null) {
                return transition.output();
            }
            name = transition.next();
            input = transition.output();
        }
    }

    private void checkLimits(ExecutionClock clock) {
        if (run.deadline != null && clock.now().isAfter(run.deadline)) {
            throw new TimedOut();
        }
        if (run.history.size() > run.options.maxHistoryEvents()) {
            // Not catchable, as AWS fails the execution itself; the error name is ours (the docs name none).
            throw new StatesError(ErrorNames.RUNTIME, "the execution's history passed " + run.options.maxHistoryEvents()
                    + " events");
        }
    }

    private Transition runState(Step step) {
        run.history.add(step.clock, step.type + "StateEntered", "name", step.name, "input", History.json(step.input),
                "inputDetails", History.notTruncated());
        var state = step.state;
        return switch (step.type) {
            case "Pass" -> finish(step, null, state.get("Output"), state.get("Assign"), step.next());
            case "Succeed" -> finish(step, null, state.get("Output"), null, null);
            case "Fail" -> throw fail(step);
            case "Choice" -> choice(step);
            case "Wait" -> waitState(step);
            case "Task" -> recovering(step, () -> tasks.run(step));
            case "Parallel" -> recovering(step, () -> branches.parallel(step));
            case "Map" -> recovering(step, () -> branches.map(step));
            default -> throw new IllegalStateException("state " + step.name + " has type " + step.type);
        };
    }

    /**
     * Ends a state: Output (default: the result, else the input) and Assign evaluated together, the exit event, then
     * the assignments take effect.
     */
    Transition finish(Step step, JsonNode result, JsonNode outputTemplate, JsonNode assignTemplate, String next) {
        var bindings = step.bindings(run, result, null);
        var output = outputTemplate != null ? evaluate(step, outputTemplate, bindings, "Output")
                : result != null ? result : step.input;
        var assigned = assign(step, assignTemplate, bindings, "Assign");
        exit(step, output, assigned);
        return new Transition(next, output);
    }

    private void exit(Step step, JsonNode output, Map<String, JsonNode> assigned) {
        ObjectNode variables = null;
        if (!assigned.isEmpty()) {
            variables = JsonNodeFactory.instance.objectNode();
            for (var e : assigned.entrySet()) {
                variables.put(e.getKey(), e.getValue().toString());
            }
        }
        run.history.add(step.clock, step.type + "StateExited", "name", step.name, "output", History.json(output),
                "outputDetails", History.notTruncated(), "assignedVariables", variables,
                "assignedVariablesDetails", variables == null ? null : History.notTruncated());
        step.scope.assign(assigned);
    }

    Map<String, JsonNode> assign(Step step, JsonNode assignTemplate, Bindings bindings, String field) {
        var assigned = new LinkedHashMap<String, JsonNode>();
        if (assignTemplate != null) {
            assignTemplate.fields().forEachRemaining(e -> assigned.put(e.getKey(),
                    evaluate(step, e.getValue(), bindings, field + "." + e.getKey())));
        }
        return assigned;
    }

    /** Evaluates a field; a failure is recorded as an EvaluationFailed event, as AWS's history shows it. */
    JsonNode evaluate(Step step, JsonNode template, Bindings bindings, String field) {
        try {
            return run.expressions.evaluate(template, bindings, field);
        } catch (StatesError e) {
            run.history.add(step.clock, "EvaluationFailed", "error", e.error(), "cause", e.cause(), "location", field,
                    "state", step.name);
            throw e;
        }
    }

    private StatesError fail(Step step) {
        var bindings = step.bindings(run, null, null);
        String error = text(step, step.state.get("Error"), bindings, "Error");
        String cause = text(step, step.state.get("Cause"), bindings, "Cause");
        return new StatesError(error, cause);
    }

    private String text(Step step, JsonNode template, Bindings bindings, String field) {
        if (template == null) {
            return null;
        }
        var value = evaluate(step, template, bindings, field);
        if (!value.isTextual()) {
            throw evaluationError(step, field, "must be a string, not " + value);
        }
        return value.asText();
    }

    private Transition choice(Step step) {
        var bindings = step.bindings(run, null, null);
        var rules = step.state.path("Choices");
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            var field = "Choices[" + i + "].Condition";
            var condition = evaluate(step, rule.get("Condition"), bindings, field);
            if (!condition.isBoolean()) {
                throw evaluationError(step, field, "must be a boolean, not " + condition);
            }
            if (condition.booleanValue()) {
                // A rule's own Output and Assign apply when it matches; the state's own ones go with Default.
                return finish(step, null, rule.get("Output"), rule.get("Assign"), rule.get("Next").asText());
            }
        }
        if (step.state.has("Default")) {
            return finish(step, null, step.state.get("Output"), step.state.get("Assign"),
                    step.state.get("Default").asText());
        }
        throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Choice Rules matched and no Default was specified "
                + "in state '" + step.name + "'");
    }

    /** Seconds (a non-negative integer) or Timestamp (ISO 8601); a Timestamp in the past does not wait. */
    private Transition waitState(Step step) {
        var bindings = step.bindings(run, null, null);
        if (step.state.has("Seconds")) {
            var seconds = evaluate(step, step.state.get("Seconds"), bindings, "Seconds");
            if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw evaluationError(step, "Seconds", "must be a non-negative integer, not " + seconds);
            }
            step.clock.advance(Duration.ofSeconds(seconds.asLong()));
        } else {
            var timestamp = evaluate(step, step.state.get("Timestamp"), bindings, "Timestamp");
            step.clock.advanceTo(instant(step, timestamp));
        }
        return finish(step, null, step.state.get("Output"), step.state.get("Assign"), step.next());
    }

    private Instant instant(Step step, JsonNode timestamp) {
        try {
            return OffsetDateTime.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw evaluationError(step, "Timestamp", "must be an ISO 8601 timestamp such as 2026-01-01T12:00:00Z, not "
                    + timestamp);
        }
    }

    StatesError evaluationError(Step step, String field, String what) {
        var error = new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "The field '" + field + "' of state '"
                + step.name + "' " + what);
        run.history.add(step.clock, "EvaluationFailed", "error", error.error(), "cause", error.cause(), "location", field,
                "state", step.name);
        return error;
    }

    /**
     * Runs a Task, Parallel or Map attempt by attempt: an error goes to the first retrier whose ErrorEquals matches
     * (if it has attempts left, the state runs again after its delay), else to the first matching catcher, whose
     * Output (default {@code $states.errorOutput}) and Assign are evaluated with {@code $states.errorOutput}.
     * An error in a catcher's own Output or Assign is not caught.
     */
    private Transition recovering(Step step, Supplier<Transition> attempt) {
        var retriers = Retrier.of(step.state.path("Retry"));
        var spent = new int[retriers.size()];
        while (true) {
            StatesError error;
            try {
                return attempt.get();
            } catch (StatesError e) {
                error = e;
            }
            int matching = -1;
            for (int i = 0; i < retriers.size() && matching < 0; i++) {
                if (ErrorNames.matches(retriers.get(i).errorEquals(), error.error())) {
                    matching = i;
                }
            }
            if (matching >= 0 && spent[matching] < retriers.get(matching).maxAttempts()) {
                step.clock.advance(retriers.get(matching).delay(spent[matching]++, run.random));
                step.retryCount++;
                checkLimits(step.clock);
                continue;
            }
            for (var catcher : step.state.path("Catch")) {
                var errors = new ArrayList<String>();
                catcher.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
                if (ErrorNames.matches(errors, error.error())) {
                    return caught(step, catcher, error);
                }
            }
            throw error;
        }
    }

    private Transition caught(Step step, JsonNode catcher, StatesError error) {
        var errorOutput = JsonNodeFactory.instance.objectNode();
        errorOutput.put("Error", error.error());
        errorOutput.put("Cause", error.cause());
        var bindings = step.bindings(run, null, errorOutput);
        var output = catcher.has("Output") ? evaluate(step, catcher.get("Output"), bindings, "Catch.Output") : errorOutput;
        var assigned = assign(step, catcher.get("Assign"), bindings, "Catch.Assign");
        exit(step, output, assigned);
        return new Transition(catcher.get("Next").asText(), output);
    }
}
