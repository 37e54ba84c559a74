package com.paymentmigration.rehearsal.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.executor.Execution;
import com.paymentmigration.executor.ExecutionClock;
import com.paymentmigration.executor.Executor;
import com.paymentmigration.executor.ExecutorOptions;
import com.paymentmigration.executor.WallClock;
import com.paymentmigration.rehearsal.standins.AwsStandIns;
import com.paymentmigration.rehearsal.standins.Executions;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rehearsal: the plan's state machines run by the executor against the AWS stand-ins over the plan's resources,
 * on one clock (virtual, or the wall's when real databases are behind the stand-ins). Executions started by a state machine (the rollback) or by a function (the trigger) run the
 * same way, so every execution's calls are in one timeline.
 */
public final class Rehearsal {

    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlannedStack stack;
    private final ExecutionClock.Source clocks;
    private final Instant start;
    private final AwsStandIns aws;
    private final List<Execution> runs = new ArrayList<>();
    private final Map<String, Map<String, String>> snapshots = new TreeMap<>();
    private long seed = 1;

    /** On the virtual clock, from {@link #START}. */
    public Rehearsal(PlannedStack stack) {
        this(stack, ExecutionClock.Source.VIRTUAL, START);
    }

    /** On {@code clock}, from now: executions wait for real, as they must while real databases replicate. */
    public Rehearsal(PlannedStack stack, WallClock clock) {
        this(stack, clock.source(), clock.now());
    }

    private Rehearsal(PlannedStack stack, ExecutionClock.Source clocks, Instant start) {
        this.stack = stack;
        this.clocks = clocks;
        this.start = start;
        this.aws = new AwsStandIns(stack, start);
        aws.runner(this::run);
    }

    /** When the rehearsal began: the stack's parameters were created then. */
    public Instant start() {
        return start;
    }

    public PlannedStack stack() {
        return stack;
    }

    public AwsStandIns aws() {
        return aws;
    }

    /** Every execution that ran, in the order each finished (distributed Map children inside their parent). */
    public List<Execution> runs() {
        return List.copyOf(runs);
    }

    public String migrationMachine() {
        return stack.output("migrationStateMachineArn");
    }

    public String rollbackMachine() {
        return stack.output("rollbackStateMachineArn");
    }

    /** Starts the migration as an operator would, and answers its finished execution. */
    public Execution migrate(Instant at) {
        return last(aws.executions.start(migrationMachine(), "migration-" + (runs.size() + 1), "{}", at));
    }

    /** Starts the rollback machine by hand ({@code trigger: manual}). */
    public Execution rollBack(Instant at) {
        return last(aws.executions.start(rollbackMachine(), "manual-rollback-" + (runs.size() + 1),
                "{\"trigger\":\"manual\",\"reason\":\"rehearsal\"}", at));
    }

    /** The finished execution with this ARN. */
    public Execution last(String executionArn) {
        return runs.stream().filter(r -> r.executionArn().equals(executionArn)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no execution " + executionArn + " ran"));
    }

    /** The executions of one state machine, in the order they finished. */
    public List<Execution> runsOf(String machineArn) {
        var prefix = machineArn.replace(":stateMachine:", ":execution:") + ":";
        return runs.stream().filter(r -> r.executionArn().startsWith(prefix)).toList();
    }

    /** When the timeline ends: the last call or execution end. */
    public Instant end() {
        return runs.stream().map(Execution::stopDate).max(Instant::compareTo).orElse(start);
    }

    /** What the stack's mutable state is now: parameters, canary, weights, task statuses. */
    public Map<String, String> snapshot(Instant at) {
        var state = new TreeMap<String, String>();
        stack.parameters().forEach(p -> state.put("parameter " + p.name(), aws.parameters.value(p.name()).orElse("-")));
        state.put("canary percent", String.valueOf(aws.stages.canaryPercent().orElse(null)));
        aws.zones.zoneIds().forEach(z -> state.put("weights " + z, String.valueOf(aws.zones.weights(z))));
        aws.dms.tasks().forEach(t -> state.put("task " + t.id(), t.status(at)));
        return state;
    }

    /** Keeps the state now under a label, for invariants that compare before and after. */
    public void remember(String label, Instant at) {
        snapshots.put(label, snapshot(at));
    }

    public Map<String, String> remembered(String label) {
        var snapshot = snapshots.get(label);
        if (snapshot == null) {
            throw new IllegalStateException("no snapshot labelled " + label);
        }
        return snapshot;
    }

    private Executions.Finished run(PlannedStack.Machine machine, String executionArn, String input, Instant at) {
        var name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        var options = ExecutorOptions.defaults().withStartTime(at).withStateMachineArn(machine.arn())
                .withExecutionName(name).withRoleArn(machine.roleArn()).withSeed(seed++);
        JsonNode parsed;
        try {
            parsed = JSON.readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("execution input is not JSON: " + input, e);
        }
        var execution = new Executor(aws, options, clocks).execute(machine.definition(), parsed);
        runs.add(execution);
        return new Executions.Finished(ExecutionStatus.fromValue(execution.status()), execution.stopDate(),
                execution.error(), execution.cause());
    }
}
