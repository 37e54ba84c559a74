package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.time.Duration;

/**
 * One attempt of a Task state: Arguments (when absent, the state input, as the input/output processing of the
 * Developer Guide draws it; the text does not say it in words), TaskScheduled and TaskStarted, the handler's
 * call, then TaskSucceeded, TaskFailed or TaskTimedOut. {@code TimeoutSeconds} (a number or JSONata) is measured
 * against the time the handler says the call took ({@link TaskResult#elapsed()}), or on a wall clock the time it
 * really took if that was longer.
 */
final class Tasks {

    /** Optimized and SDK integrations: {@code arn:aws:states:::SERVICE:ACTION}. */
    static final String INTEGRATION_PREFIX = "arn:aws:states:::";

    private final Interpreter interpreter;
    private final RunContext run;

    Tasks(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.run = interpreter.run;
    }

    Interpreter.Transition run(Step step) {
        var state = step.state;
        var bindings = step.bindings(run, null, null);
        var arguments = state.has("Arguments") ? interpreter.evaluate(step, state.get("Arguments"), bindings, "Arguments")
                : step.input;
        Long timeout = seconds(step, state.get("TimeoutSeconds"), bindings, "TimeoutSeconds");
        Long heartbeat = seconds(step, state.get("HeartbeatSeconds"), bindings, "HeartbeatSeconds");
        var resource = state.get("Resource").asText();
        var type = resourceType(resource);
        var operation = resourceName(resource);
        run.history.add(step.clock, "TaskScheduled", "resourceType", type, "resource", operation,
                "region", run.options.region(), "parameters", arguments.toString(),
                "timeoutInSeconds", timeout, "heartbeatInSeconds", heartbeat);
        run.history.add(step.clock, "TaskStarted", "resourceType", type, "resource", operation);
        var called = step.clock.now();
        TaskResult result;
        try {
            result = run.handler.call(new TaskInvocation(run.executionArn(), step.name, resource, arguments,
                    step.retryCount, step.clock.now()));
        } catch (TaskFailure failure) {
            var timedOut = ErrorNames.TIMEOUT.equals(failure.error());
            run.history.add(step.clock, timedOut ? "TaskTimedOut" : "TaskFailed", "resourceType", type,
                    "resource", operation, "error", failure.error(), "cause", failure.cause());
            throw new StatesError(failure.error(), failure.cause());
        }
        // On a wall clock the call itself took time; a handler may also report more (a virtual clock does not move
        // during the call, so there only the reported time counts).
        var took = later(result.elapsed(), Duration.between(called, step.clock.now()));
        if (timeout != null && took.compareTo(Duration.ofSeconds(timeout)) > 0) {
            step.clock.advanceTo(called.plusSeconds(timeout));
            var cause = "the task did not finish within " + timeout + " seconds (TimeoutSeconds)";
            run.history.add(step.clock, "TaskTimedOut", "resourceType", type, "resource", operation,
                    "error", ErrorNames.TIMEOUT, "cause", cause);
            throw new StatesError(ErrorNames.TIMEOUT, cause);
        }
        step.clock.advanceTo(called.plus(took));
        var output = result.output() == null ? NullNode.getInstance() : result.output();
        run.history.add(step.clock, "TaskSucceeded", "resourceType", type, "resource", operation,
                "output", output.toString(), "outputDetails", History.notTruncated());
        return interpreter.finish(step, output, state.get("Output"), state.get("Assign"), step.next());
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Long seconds(Step step, JsonNode template, Bindings bindings, String field) {
        if (template == null) {
            return null;
        }
        var value = interpreter.evaluate(step, template, bindings, field);
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            throw interpreter.evaluationError(step, field, "must be a positive integer, not " + value);
        }
        return value.asLong();
    }

    /**
     * As GetExecutionHistory reports it: {@code arn:aws:states:::aws-sdk:ssm:getParameter} is resource type
     * {@code aws-sdk:ssm}, resource {@code getParameter}; {@code arn:aws:states:::lambda:invoke} is {@code lambda},
     * {@code invoke}; a plain ARN (a Lambda function, an activity) is its service, and the ARN itself.
     */
    static String resourceType(String resource) {
        if (!resource.startsWith(INTEGRATION_PREFIX)) {
            var parts = resource.split(":");
            return parts.length > 2 ? parts[2] : resource;
        }
        var rest = resource.substring(INTEGRATION_PREFIX.length());
        var parts = rest.split(":");
        return rest.startsWith("aws-sdk:") && parts.length > 2 ? parts[0] + ":" + parts[1] : parts[0];
    }

    static String resourceName(String resource) {
        if (!resource.startsWith(INTEGRATION_PREFIX)) {
            return resource;
        }
        var rest = resource.substring(INTEGRATION_PREFIX.length());
        return rest.substring(resourceType(resource).length() + 1);
    }
}
