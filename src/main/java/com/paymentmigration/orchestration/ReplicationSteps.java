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
    /** The drain marker is looked for every 2 s: each second of a freeze is an outage for writers. */
    static final int DRAIN_POLL_SECONDS = 2;

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

    /** A database as replication-ops names it, and as a state name reads it. */
    enum Side {
        ONPREM("onprem", "on-prem"), AURORA("aurora", "Aurora");

        final String event;
        final String label;

        Side(String event, String label) {
            this.event = event;
            this.label = label;
        }
    }

    /**
     * The exact drain gate of a write freeze, from {@code source} to {@code target}. First the writers' contract is
     * waited out ({@code writerFlagMaxAgeSeconds + longestWriteTransactionSeconds}): until then a writer may still act
     * on a cached "not frozen", or be inside a transaction that began before it saw the freeze. Then a marker is
     * committed on the source and polled for on the target until it arrives ({@code drained}) or {@code giveUpWhen}
     * holds ({@code giveUp}). The tasks apply in commit order (TaskSettings: transactional apply, no batch or parallel
     * apply), so the marker's arrival proves every change committed before it has been applied.
     *
     * @return the first state
     */
    String awaitDrain(Side source, Side target, int writersSeconds, String drained, String giveUpWhen, String giveUp,
                      String onError) {
        var letWriters = "Let writers see the freeze on " + source.label;
        var write = "Write drain marker on " + source.label;
        var look = "Look for drain marker on " + target.label;
        var arrived = "Drain marker on " + target.label + "?";
        var wait = "Wait for drain marker on " + target.label;
        flow.waitFor(letWriters, writersSeconds).next(write);
        op(write, obj("operation", "writeDrainMarker", "database", source.event), look)
                .assign("drainMarker", expr("$states.result.Payload.marker")).catchTo(onError);
        op(look, obj("operation", "drainMarkerSeen", "database", target.event, "marker", expr("$drainMarker")), arrived)
                .assign("drainChecks", expr("$drainChecks + 1"))
                .assign("drainMarkerSeen", expr("$states.result.Payload.seen")).catchTo(onError);
        flow.choice(arrived).when(expr("$drainMarkerSeen"), drained)
                .when(expr(giveUpWhen), giveUp)
                .otherwise(wait);
        flow.waitFor(wait, DRAIN_POLL_SECONDS).next(look);
        return letWriters;
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
