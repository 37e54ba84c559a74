package com.paymentmigration.executor;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs JSONata-mode state machines offline, on a virtual clock (or a {@link WallClock}), calling a {@link TaskHandler} for every Task. See the
 * package documentation for what it implements and where it chose for the AWS docs.
 *
 * <pre>{@code
 * var execution = new Executor(handler).execute(definitionJson, input);
 * execution.status();   // SUCCEEDED, FAILED or TIMED_OUT
 * execution.events();   // GetExecutionHistory's events
 * }</pre>
 */
public final class Executor {

    private final TaskHandler handler;
    private final ExecutorOptions options;
    private final ExecutionClock.Source clocks;

    public Executor(TaskHandler handler) {
        this(handler, ExecutorOptions.defaults());
    }

    public Executor(TaskHandler handler, ExecutorOptions options) {
        this(handler, options, ExecutionClock.Source.VIRTUAL);
    }

    /** @param clocks where each execution's clock comes from: virtual by default, or one {@link WallClock} */
    public Executor(TaskHandler handler, ExecutorOptions options, ExecutionClock.Source clocks) {
        this.handler = handler;
        this.options = options;
        this.clocks = clocks;
    }

    /** @throws InvalidDefinitionException when the text is not JSON or the definition breaks an ASL rule */
    public Execution execute(String definition, JsonNode input) {
        JsonNode parsed;
        try {
            parsed = JsonataValues.JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of("the definition is not JSON: " + e.getOriginalMessage()));
        }
        return execute(parsed, input);
    }

    /** @throws InvalidDefinitionException when the definition breaks an ASL rule */
    public Execution execute(JsonNode definition, JsonNode input) {
        var problems = DefinitionRules.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        var clock = clocks.startingAt(options.startTime());
        var started = options.withStartTime(clock.now());
        var deadline = definition.has("TimeoutSeconds")
                ? started.startTime().plusSeconds(definition.get("TimeoutSeconds").asLong()) : null;
        return run(definition, input, started, clock, new Random(options.seed()), deadline, Expressions.newCache());
    }

    /** A distributed Map's child execution: the item processor as a state machine of its own. */
    Execution runChild(JsonNode processor, JsonNode input, ExecutorOptions childOptions, RunContext parent) {
        var clock = clocks.startingAt(childOptions.startTime());
        return run(processor, input, childOptions.withStartTime(clock.now()), clock, parent.random, null, parent.compiled);
    }

    private Execution run(JsonNode graph, JsonNode input, ExecutorOptions runOptions, ExecutionClock clock, Random random,
                          Instant deadline, Map<String, Jsonata> compiled) {
        var executionInput = input == null ? JsonNodeFactory.instance.objectNode() : input;
        var run = new RunContext(runOptions, executionInput, clock, handler, random, deadline, compiled);
        var interpreter = new Interpreter(run, this);
        run.history.add("ExecutionStarted", "input", executionInput.toString(), "inputDetails", History.notTruncated(),
                "roleArn", runOptions.roleArn());
        String status;
        JsonNode output = null;
        String error = null;
        String cause = null;
        try {
            output = interpreter.runGraph(graph, executionInput, Scope.root(), clock);
            status = Execution.SUCCEEDED;
            run.history.add("ExecutionSucceeded", "output", output.toString(), "outputDetails", History.notTruncated());
        } catch (StatesError e) {
            status = Execution.FAILED;
            error = e.error();
            cause = e.cause();
            run.history.add("ExecutionFailed", "error", error, "cause", cause);
        } catch (Interpreter.TimedOut e) {
            status = Execution.TIMED_OUT;
            error = ErrorNames.TIMEOUT;
            cause = "The execution ran past the state machine's TimeoutSeconds";
            clock = clock.forkAt(deadline);
            run.history.add(clock, "ExecutionTimedOut", "error", error, "cause", cause);
        }
        return new Execution(runOptions.executionArn(), status, output, error, cause, runOptions.startTime(),
                clock.now(), run.history.events(), List.copyOf(run.children));
    }
}
