package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StopExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step Functions: the plan's state machines and their executions. Starting one runs it with the executor (through
 * {@link MachineRunner}) on the same stand-ins, from the call's virtual time, before the call returns: the rehearsal
 * is single-threaded, so a started execution's calls come before the caller's next one. What it changed is what a
 * real, concurrent run would have changed by the time the caller looks.
 */
public final class Executions implements StandIn {

    /** Runs a state machine's definition to its end. */
    public interface MachineRunner {
        Finished run(PlannedStack.Machine machine, String executionArn, String input, Instant start);
    }

    /** How an execution ended. */
    public record Finished(ExecutionStatus status, Instant stop, String error, String cause) {
    }

    /** An execution as Step Functions lists it. */
    public record Execution(String arn, String machineArn, String name, String input, Instant start,
                            ExecutionStatus status, Instant stop, String error, String cause) {
    }

    private final PlannedStack stack;
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final java.util.Deque<String> pending = new java.util.ArrayDeque<>();
    private MachineRunner runner;

    Executions(PlannedStack stack) {
        this.stack = stack;
    }

    @Override
    public String errorPrefix() {
        return "Sfn";
    }

    void runner(MachineRunner runner) {
        this.runner = runner;
    }

    public List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    /** Starts an execution as its caller would (console, CLI): runs it and answers its ARN. */
    public String start(String machineArn, String name, String input, Instant at) {
        var arn = register(machineArn, name, input, at);
        runPending();
        return arn;
    }

    private String register(String machineArn, String name, String input, Instant at) {
        stack.machine(machineArn);
        var arn = machineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        executions.put(arn, new Execution(arn, machineArn, name, input, at, ExecutionStatus.RUNNING, null, null, null));
        pending.add(arn);
        return arn;
    }

    /**
     * Runs the executions started so far, each to its end. Called once the starting call has been answered (and
     * recorded), so a started execution's calls follow the call that started it in the timeline.
     */
    void runPending() {
        while (!pending.isEmpty()) {
            var started = executions.get(pending.poll());
            var finished = runner.run(stack.machine(started.machineArn()), started.arn(), started.input(), started.start());
            executions.put(started.arn(), new Execution(started.arn(), started.machineArn(), started.name(),
                    started.input(), started.start(), finished.status(), finished.stop(), finished.error(), finished.cause()));
        }
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        return switch (operation) {
            case "startExecution" -> startExecution(call);
            case "listExecutions" -> listExecutions(call);
            case "stopExecution" -> stopExecution(call);
            default -> throw new IllegalArgumentException("sfn:" + operation + " has no stand-in");
        };
    }

    private JsonNode startExecution(Call call) throws TaskFailure {
        var request = call.request(StartExecutionRequest.class);
        call.authorize("states:StartExecution", request.stateMachineArn());
        if (stack.machines().stream().noneMatch(m -> m.arn().equals(request.stateMachineArn()))) {
            throw call.error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + request.stateMachineArn() + "'");
        }
        var input = request.input() == null ? "{}" : request.input();
        try {
            if (!SdkShapes.JSON.readTree(input).isObject() && !SdkShapes.JSON.readTree(input).isArray()) {
                throw new IllegalArgumentException("not an object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw call.error("InvalidExecutionInput", "Invalid State Machine Execution Input: " + e.getMessage());
        }
        var name = request.name() != null ? request.name()
                : String.format("rehearsal-%04d", executions.size() + 1);
        var arn = request.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + name;
        if (executions.containsKey(arn)) {
            throw call.error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        register(request.stateMachineArn(), name, input, call.time());
        return SdkShapes.write(StartExecutionResponse.builder().executionArn(arn).startDate(call.time()).build());
    }

    private JsonNode listExecutions(Call call) throws TaskFailure {
        var request = call.request(ListExecutionsRequest.class);
        call.authorize("states:ListExecutions", request.stateMachineArn());
        if (request.stateMachineArn() == null) {
            throw call.error("InvalidArn", "ListExecutions needs a StateMachineArn or a MapRunArn");
        }
        var items = new ArrayList<ExecutionListItem>();
        for (var execution : executions.values()) {
            if (execution.machineArn().equals(request.stateMachineArn())
                    && (request.statusFilter() == null || request.statusFilter() == execution.status())) {
                var item = ExecutionListItem.builder().executionArn(execution.arn()).stateMachineArn(execution.machineArn())
                        .name(execution.name()).status(execution.status()).startDate(execution.start());
                if (execution.stop() != null) {
                    item.stopDate(execution.stop());
                }
                items.add(item.build());
            }
        }
        return SdkShapes.write(ListExecutionsResponse.builder().executions(items).build());
    }

    private JsonNode stopExecution(Call call) throws TaskFailure {
        var request = call.request(StopExecutionRequest.class);
        call.authorize("states:StopExecution", request.executionArn());
        var execution = executions.get(request.executionArn());
        if (execution == null) {
            throw call.error("ExecutionDoesNotExist", "Execution Does Not Exist: '" + request.executionArn() + "'");
        }
        if (execution.status() == ExecutionStatus.RUNNING) {
            // The caller's run has its own executor: it is marked aborted here; the rehearsal's scenarios check that
            // nothing it does afterwards is still in flight.
            executions.put(execution.arn(), new Execution(execution.arn(), execution.machineArn(), execution.name(),
                    execution.input(), execution.start(), ExecutionStatus.ABORTED, call.time(), request.error(),
                    request.cause()));
        }
        return SdkShapes.write(StopExecutionResponse.builder().stopDate(call.time()).build());
    }
}
