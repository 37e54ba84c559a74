package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static com.paymentmigration.orchestration.Flow.expr;
import static com.paymentmigration.orchestration.Flow.obj;

/**
 * The replication blocks both machines share: start a direction only while the other one is stopped, call
 * replication-ops, and check that the global database's writer is still in the primary region. At most one direction
 * runs: with both running every applied row is decoded again on the other side and written back (an echo that
 * overwrites live data), since {@code session_replication_role = replica} disables triggers, not logical decoding.
 */
final class ReplicationSteps {

    /** replication-ops errors a retry cannot fix (the Lambda error type is the exception's class name). */
    static final List<String> OPS_PERMANENT_ERRORS = List.of(
            "com.paymentmigration.lambda.replicationops.OperationException",
            "com.paymentmigration.lambda.replicationops.PrerequisitesMissingException");
    /** Task statuses in which a task reads nothing. */
    static final List<String> AT_REST = List.of("stopped", "ready", "failed");
    /** Start types as the DMS API spells them ({@code StartReplicationTaskTypeValue}). */
    static final String START = "start-replication";
    static final String RESUME = "resume-processing";
    static final String RELOAD = "reload-target";

    /** A task and how the definitions name it. */
    record Direction(String label, String taskArn) {
    }

    private final Flow flow;
    private final Steps steps;
    private final Targets t;

    ReplicationSteps(Flow flow, Steps steps, Targets targets) {
        this.flow = flow;
        this.steps = steps;
        this.t = targets;
    }

    Direction forward() {
        return new Direction("forward task", t.forwardTaskArn());
    }

    Direction reverse() {
        return new Direction("reverse task", t.reverseTaskArn());
    }

    /** Invokes replication-ops with {@code payload}; the state's input passes through. */
    Flow.Task op(String state, ObjectNode payload, String next) {
        return flow.task(state, Integration.LAMBDA_INVOKE, List.of(t.replicationOpsFunctionArn(),
                        t.replicationOpsFunctionArn() + ":*"))
                .arguments(obj("FunctionName", t.replicationOpsFunctionArn(), "Payload", payload))
                .retry(OPS_PERMANENT_ERRORS)
                .output(expr("$states.input"))
                .next(next);
    }

    /**
     * Starts {@code task} unless it runs, then waits (bounded) until DMS reports it running; refused (to
     * {@code refused}) while {@code other} is anywhere but at rest. {@code startArguments} add the start type (and a
     * CDC start position) to the StartReplicationTask call; every call's error goes to {@code onError}.
     *
     * @return the first state
     */
    String start(Direction task, Direction other, ObjectNode startArguments, String onError, String next) {
        var label = task.label();
        var guard = "Before " + label + ": read " + other.label();
        var guardChoice = "Before " + label + ": " + other.label() + " at rest?";
        var describe = "Describe " + label;
        var choose = label + ": running?";
        var start = "Start " + label;
        var wait = "Wait for " + label + " to run";
        var poll = "Poll " + label;
        var arrived = label + ": started?";
        steps.describeTask(guard, other.taskArn(), guardChoice).catchTo(onError);
        flow.choice(guardChoice).when(expr("$taskStatus in " + MigrationDefinition.json(AT_REST)), describe)
                .otherwise(steps.failWith(label + " refused: " + other.label() + " runs", "OtherDirectionRunning",
                        "the " + other.label() + " is not stopped; both directions running would echo every change",
                        onError));
        steps.describeTask(describe, task.taskArn(), choose).assign("taskChecks", 0).catchTo(onError);
        flow.choice(choose)
                .when(expr("$taskStatus = '" + Steps.RUNNING + "'"), next)
                .when(expr("$taskStatus in " + MigrationDefinition.json(AT_REST)), start)
                .otherwise(wait);
        var arguments = obj("ReplicationTaskArn", task.taskArn());
        arguments.setAll(startArguments);
        flow.task(start, Integration.DMS_START_TASK, List.of(task.taskArn()))
                .arguments(arguments)
                .output(expr("$states.input"))
                .catchTo(onError)
                .next(wait);
        flow.waitFor(wait, Steps.TASK_STATE_WAIT_SECONDS).next(poll);
        steps.describeTask(poll, task.taskArn(), arrived).assign("taskChecks", expr("$taskChecks + 1")).catchTo(onError);
        flow.choice(arrived)
                .when(expr("$taskStatus = '" + Steps.RUNNING + "'"), next)
                .when(expr("$taskStatus in ['failed', 'stopped'] or $taskChecks >= " + Steps.TASK_STATE_CHECKS),
                        steps.failWith(label + " did not start", "TaskDidNotStart", "the " + label
                                + " did not reach running", onError))
                .otherwise(wait);
        return guard;
    }

    /**
     * The global database's writer must be the primary region's cluster: the reverse task reads the slot the cutover
     * created there, and a switchover or failover to eu-central-2 leaves it behind (slots are not replicated). The
     * migration refuses to start or cut over until the writer is back, and a rollback stops for a human.
     *
     * @return the first state
     */
    String requirePrimaryWriter(String state, String next, String moved) {
        var choice = state + ": writer in " + t.region() + "?";
        flow.task(state, Integration.RDS_DESCRIBE_GLOBAL_CLUSTERS, List.of(t.globalClusterArn()))
                .arguments(obj("GlobalClusterIdentifier", t.globalClusterId()))
                .assign("writerClusters", expr("[$states.result.GlobalClusters[0].GlobalClusterMembers[IsWriter]"
                        + ".DBClusterArn]"))
                .output(expr("$states.input"))
                .next(choice);
        flow.choice(choice)
                .when(expr("$count($writerClusters[$contains($, ':rds:" + t.region() + ":')]) = 1"), next)
                .otherwise(moved);
        return state;
    }
}
