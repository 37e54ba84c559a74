package com.paymentmigration.rehearsal.standins;

import com.paymentmigration.parameters.ParameterKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.executor.TaskHandler;
import com.paymentmigration.executor.TaskInvocation;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.paymentmigration.rehearsal.iam.IdentityPolicies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Every AWS call the state machines make, answered by strict stand-ins over the plan's resources: each call is
 * checked against the operation's model, the calling execution's role policy and what the plan creates, then acts
 * on the stand-ins' state. Every call and its outcome is kept, in order, for the timeline and the invariants.
 */
public final class AwsStandIns implements TaskHandler {

    /** One call as it happened: {@code result} when it succeeded, else {@code error} and {@code cause}. */
    public record CallRecord(Instant time, String executionArn, String state, String resource, int attempt,
                             JsonNode arguments, JsonNode result, String error, String cause) {

        public boolean succeeded() {
            return error == null;
        }

        /** {@code ssm:putParameter}: the service and operation. */
        public String operation() {
            var parts = resource.split(":");
            return parts[parts.length - 2] + ":" + parts[parts.length - 1];
        }
    }

    /**
     * A failure a scenario injects: calls matching {@code when} fail with {@code error}, {@code times} at most; with
     * {@code afterApplying} the service does what was asked first (an answer lost after the write).
     */
    private static final class Fault {
        final Predicate<TaskInvocation> when;
        final String error;
        final String message;
        final boolean afterApplying;
        int remaining;

        Fault(Predicate<TaskInvocation> when, String error, String message, int times, boolean afterApplying) {
            this.when = when;
            this.error = error;
            this.message = message;
            this.remaining = times;
            this.afterApplying = afterApplying;
        }
    }

    /** Latency while DMS drains: zero once writes have been frozen this long. */
    static final Duration DRAIN = Duration.ofSeconds(20);
    static final double FORWARD_LATENCY = 4;
    static final double REVERSE_LATENCY = 2;
    /** DMS names the slot it creates itself (an identifier of its own); the rehearsal's stands for it. */
    static final String DMS_FORWARD_SLOT = "dms_forward_task_slot";

    private final PlannedStack stack;
    private final Map<String, StandIn> services = new LinkedHashMap<>();
    private final List<CallRecord> calls = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<java.util.function.Consumer<CallRecord>> listeners = new ArrayList<>();
    public final ParameterStore parameters;
    public final Messaging messaging;
    public final ObjectStore objects;
    public final ReplicationService dms;
    public final SecretStore secrets;
    public final Metrics metrics;
    public final ApiStages stages;
    public final HostedZones zones;
    public final Functions functions;
    public final Executions executions;
    public final GlobalDatabase rds;

    public AwsStandIns(PlannedStack stack, Instant created) {
        this.stack = stack;
        parameters = register("ssm", new ParameterStore(stack, created));
        messaging = register("sns", new Messaging(stack));
        objects = register("s3", new ObjectStore(stack));
        dms = register("databasemigration", new ReplicationService(stack, created));
        secrets = register("secretsmanager", new SecretStore(stack));
        metrics = register("cloudwatch", new Metrics(stack, this::drainingLatency));
        stages = register("apigateway", new ApiStages(stack));
        zones = register("route53", new HostedZones(stack));
        functions = register("lambda", new Functions(stack, this));
        executions = register("sfn", new Executions(stack));
        rds = register("rds", new GlobalDatabase(stack));
        // The forward task reads on-prem through a slot DMS creates and names; the reverse one through the slot
        // replication-ops created inside the freeze, which it is started at.
        dms.onFreshCdcStart((task, at) -> {
            if (!task.id().contains("reverse")) {
                functions.replicationOps().slotCreatedByDms("onprem", DMS_FORWARD_SLOT, at);
            }
        });
        // A drain marker travels on-prem to Aurora by the forward task, Aurora to on-prem by the reverse one.
        functions.replicationOps().markerReplication((source, target, committed, now) -> dms.tasks().stream()
                .filter(task -> task.id().contains("reverse") == source.equals("aurora"))
                .anyMatch(task -> task.appliedDrainMarker(committed, now)));
    }

    private <T extends StandIn> T register(String service, T standIn) {
        services.put(service, standIn);
        return standIn;
    }

    /** Where started executions run: the executor, on these stand-ins. */
    public void runner(Executions.MachineRunner runner) {
        executions.runner(runner);
    }

    public List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    /** Told of every call that succeeded, once it is recorded (a data scenario acts on the databases at a given step). */
    public void afterEachCall(java.util.function.Consumer<CallRecord> listener) {
        listeners.add(listener);
    }

    /** Calls matching {@code when} fail with the service's {@code error} (e.g. ThrottlingException), up to {@code times}. */
    public void fail(Predicate<TaskInvocation> when, String error, String message, int times) {
        faults.add(new Fault(when, error, message, times, false));
    }

    /** As {@link #fail}, but the service carries the call out before the caller is told it failed. */
    public void failAfterApplying(Predicate<TaskInvocation> when, String error, String message, int times) {
        faults.add(new Fault(when, error, message, times, true));
    }

    @Override
    public JsonNode invoke(TaskInvocation invocation) throws TaskFailure {
        var machine = machineOf(invocation.executionArn());
        return callAs(machine.roleArn(), invocation, true);
    }

    /** A call made by another principal (a function's role), recorded like an execution's. */
    JsonNode callAs(String roleArn, String caller, String resource, JsonNode arguments, Instant at) throws TaskFailure {
        return callAs(roleArn, new TaskInvocation(caller, caller, resource, arguments, 0, at), false);
    }

    private JsonNode callAs(String roleArn, TaskInvocation invocation, boolean fromMachine) throws TaskFailure {
        var target = target(invocation.resource());
        var service = services.get(target[0]);
        if (service == null) {
            throw new IllegalArgumentException("no stand-in for the service of " + invocation.resource()
                    + "; the rehearsal answers " + services.keySet());
        }
        var call = new Call(invocation, service.errorPrefix(), service.validationError(), roleArn,
                IdentityPolicies.of(stack.rolePolicies(roleArn)));
        try {
            Fault lostAnswer = null;
            for (var fault : faults) {
                if (fault.remaining > 0 && fault.when.test(invocation)) {
                    fault.remaining--;
                    if (!fault.afterApplying) {
                        throw call.error(fault.error, fault.message);
                    }
                    lostAnswer = fault;
                    break;
                }
            }
            var result = service.call(target[1], call);
            if (lostAnswer != null) {
                throw call.error(lostAnswer.error, lostAnswer.message);
            }
            var record = new CallRecord(invocation.time(), invocation.executionArn(), invocation.stateName(),
                    invocation.resource(), invocation.attempt(), invocation.arguments(), result, null, null);
            calls.add(record);
            listeners.forEach(listener -> listener.accept(record));
            executions.runPending();
            return result;
        } catch (TaskFailure failure) {
            calls.add(new CallRecord(invocation.time(), invocation.executionArn(), invocation.stateName(),
                    invocation.resource(), invocation.attempt(), invocation.arguments(), null, failure.error(),
                    failure.cause()));
            throw failure;
        }
    }

    /**
     * {@code arn:aws:states:::aws-sdk:ssm:getParameter} to {@code [ssm, getParameter]}; the optimised integrations
     * ({@code arn:aws:states:::sns:publish}, {@code arn:aws:states:::lambda:invoke}) likewise.
     */
    static String[] target(String resource) {
        var parts = resource.split(":");
        if (!resource.startsWith("arn:aws:states:::") || parts.length < 7) {
            throw new IllegalArgumentException("no stand-in for Resource " + resource);
        }
        var service = parts[parts.length - 2];
        var operation = parts[parts.length - 1];
        if (operation.contains(".")) {
            throw new IllegalArgumentException("no stand-in for the integration pattern of " + resource);
        }
        return new String[] {service, operation};
    }

    /** The state machine an execution belongs to: {@code ...:execution:<machine>[/<map run>]:<name>}. */
    PlannedStack.Machine machineOf(String executionArn) {
        var parts = executionArn.split(":");
        if (parts.length < 8 || !parts[5].equals("execution")) {
            throw new IllegalArgumentException("not an execution ARN: " + executionArn);
        }
        var name = parts[6].contains("/") ? parts[6].substring(0, parts[6].indexOf('/')) : parts[6];
        return stack.machines().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("execution " + executionArn + " is of no machine the plan creates"));
    }

    /**
     * DMS's CDC latency as a scenario leaves it: a running task lags a few seconds while writes flow and drains to
     * zero once writes have been frozen for {@link #DRAIN}; a task that does not run publishes nothing.
     */
    private OptionalDouble drainingLatency(String taskId, String metric, Instant at) {
        var task = dms.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst();
        if (task.isEmpty() || !task.get().status(at).equals("running")) {
            return OptionalDouble.empty();
        }
        var freeze = parameters.nameOf(ParameterKey.DATABASE_WRITE_FREEZE);
        boolean drained = parameters.value(freeze).orElse("off").equals("on")
                && !parameters.modified(freeze).orElseThrow().plus(DRAIN).isAfter(at);
        if (drained) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(task.get().id().contains("reverse") ? REVERSE_LATENCY : FORWARD_LATENCY);
    }
}
