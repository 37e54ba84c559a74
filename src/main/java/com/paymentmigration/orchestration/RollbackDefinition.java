package com.paymentmigration.orchestration;

import com.paymentmigration.dns.WeightedName;

import java.util.List;

import static com.paymentmigration.orchestration.Flow.expr;
import static com.paymentmigration.orchestration.Flow.obj;

/**
 * The rollback state machine: stop the migration runs in flight, traffic share to 0, the forward task stopped, the
 * active writer back to on-prem only after the reverse task has drained and the sequences were carried back, the
 * reverse task stopped and its slot dropped (nothing runs afterwards), rollback state checkpointed, everyone told.
 * Each step reads what it would change first, so the machine can run twice, concurrently, and from any phase.
 *
 * <p>Input: {@code {"trigger": "alarm" | "mode" | "migration-failed" | "manual", "reason": ...,
 * "migrationExecutionArn": ...}}. An alarm rolls back only while a migration is in flight.
 */
public final class RollbackDefinition {

    public static final String FAILED = "Rollback failed";
    static final String BLOCKED = "Thaw writes, Aurora stays writer";
    /** The state that makes on-prem the writer again, and the one that reads the flag back when that write fails. */
    public static final String FLIP = "Make on-prem the writer";
    public static final String FLIP_FAILED = "Read the writer after a failed flip";
    static final String WRITER_UNKNOWN = "Thaw writes, writer unknown";
    /** Phases during which an alarm means "roll back now". */
    static final List<String> IN_FLIGHT = List.of("preflight", "replicating", "cdc-catch-up", "validating",
            "traffic-shift", "cutover", "baking");
    /**
     * The reverse drain is given 10 minutes of looking for its marker (checks {@link ReplicationSteps#DRAIN_POLL_SECONDS}
     * apart) before the rollback stops and asks for a human.
     */
    static final int DRAIN_CHECKS = 10 * 60 / ReplicationSteps.DRAIN_POLL_SECONDS;
    static final int TIMEOUT_SECONDS = 6 * 3600;

    private final Flow flow = new Flow(FAILED);
    private final Steps steps;
    private final ReplicationSteps replication;
    private final Targets t;
    private final Settings settings;

    private RollbackDefinition(Targets targets, Settings settings) {
        this.t = targets;
        this.settings = settings;
        this.steps = new Steps(flow, targets);
        this.replication = new ReplicationSteps(flow, steps, targets);
    }

    public static Flow of(Targets targets, Settings settings) {
        var definition = new RollbackDefinition(targets, settings);
        definition.build();
        return definition.flow;
    }

    private void build() {
        flow.pass("Start").assign("trigger", expr("$exists($states.input.trigger) ? $states.input.trigger : 'manual'"))
                .assign("drainChecks", 0).assign("writerBefore", "unknown").assign("drainMarker", "")
                .assign("drainMarkerSeen", false)
                .next("On-prem out of step?");
        refuseOntoOutOfStepOnPrem("Triggered by an alarm?");
        flow.choice("Triggered by an alarm?").when(expr("$trigger = 'alarm'"), "Read phase")
                .otherwise("List migration runs");
        flow.task("Read phase", Integration.SSM_GET_PARAMETER, List.of(t.parameterArn(Targets.PHASE)))
                .arguments(obj("Name", t.parameter(Targets.PHASE)))
                .assign("phaseBefore", expr("$states.result.Parameter.Value"))
                .output(expr("$states.input"))
                .next("Migration in flight?");
        flow.choice("Migration in flight?").when(expr("$phaseBefore in " + MigrationDefinition.json(IN_FLIGHT)),
                "List migration runs").otherwise("Nothing to roll back");
        flow.succeed("Nothing to roll back", null);

        // A migration run left going would keep shifting traffic: stop every one but the caller (which ends itself).
        flow.task("List migration runs", Integration.LIST_EXECUTIONS, List.of(t.migrationMachineArn()))
                .arguments(obj("StateMachineArn", t.migrationMachineArn(), "StatusFilter", "RUNNING"))
                .assign("runsToStop", expr("[$states.result.Executions[ExecutionArn != "
                        + "($exists($states.input.migrationExecutionArn) ? $states.input.migrationExecutionArn : '')]"
                        + ".ExecutionArn]"))
                .output(expr("$states.input"))
                .next("Stop migration runs");
        var stopRun = new Flow("Run already ended");
        stopRun.task("Stop migration run", Integration.STOP_EXECUTION, List.of(Flow.executionsOf(t.migrationMachineArn())))
                .arguments(obj("ExecutionArn", expr("$states.input"), "Error", "RolledBack",
                        "Cause", "the rollback state machine stopped this run"))
                .next("Run stopped");
        stopRun.succeed("Run stopped", null);
        // Stopping a run that ended meanwhile is the outcome wanted.
        stopRun.succeed("Run already ended", null);
        flow.map("Stop migration runs", expr("$runsToStop"), stopRun, false, 5, t.migrationMachineArn())
                .output(expr("$states.input"))
                .next(steps.phase("rolling-back", "Read traffic routing"));

        flow.task("Read traffic routing", Integration.API_GET_STAGE, List.of(t.stageArn()))
                .arguments(obj("RestApiId", t.restApiId(), "StageName", t.stageName()))
                .assign("hasCanary", expr("$exists($states.result.CanarySettings)"))
                .output(expr("$states.input"))
                .next("Canary present?");
        // Rollback mode removes the canary altogether; then there is no share to set.
        flow.choice("Canary present?").when(expr("$hasCanary"), "Send all traffic to legacy")
                .otherwise("Record traffic share zero");
        flow.task("Send all traffic to legacy", Integration.API_UPDATE_STAGE, List.of(t.stageArn()))
                .arguments(obj("RestApiId", t.restApiId(), "StageName", t.stageName(), "PatchOperations", List.of(
                        obj("Op", "replace", "Path", "/canarySettings/percentTraffic", "Value", "0"))))
                .output(expr("$states.input"))
                .next("Record traffic share zero");
        steps.putParameter("Record traffic share zero", Targets.TRAFFIC, "0", t.weightedDns().isPresent()
                ? steps.shiftDns("Send all DNS traffic to legacy", String.valueOf(WeightedName.INITIAL_LEGACY_WEIGHT),
                String.valueOf(WeightedName.INITIAL_NEW_WEIGHT), "Read active writer")
                : "Read active writer");

        flow.task("Read active writer", Integration.SSM_GET_PARAMETER, List.of(t.parameterArn(Targets.ACTIVE_WRITER)))
                .arguments(obj("Name", t.parameter(Targets.ACTIVE_WRITER)))
                .assign("writerBefore", expr("$states.result.Parameter.Value"))
                .output(expr("$states.input"))
                // Whatever the writer, the forward direction ends first: the reverse one may need resuming below.
                .next(steps.stopTask("forward task", t.forwardTaskArn(), "Aurora is the writer?"));
        flow.choice("Aurora is the writer?").when(expr("$writerBefore = 'aurora'"), "Freeze writes for rollback")
                .otherwise("Thaw writes");
        drainReverse("Carry sequences to on-prem");
        replication.op("Carry sequences to on-prem", obj("operation", "syncSequences", "from", "aurora", "to", "onprem",
                        "include", settings.tableIncludes(), "exclude", settings.tableExcludes()), FLIP)
                .catchTo(BLOCKED);
        steps.putParameter(FLIP, Targets.ACTIVE_WRITER, "onprem", "Let writers see on-prem as the writer")
                .catchTo(FLIP_FAILED);
        readBackTheFlip();
        // A writer still holding "aurora" in its cache must not see the thaw before it sees the flip back.
        flow.waitFor("Let writers see on-prem as the writer", settings.writers().flipWaitSeconds()).next("Thaw writes");
        // Also ends a freeze a failed cutover left behind. On-prem is the writer now: the reverse task has nothing left
        // to carry, and its slot would pin Aurora's WAL and replay stale changes at the next cutover.
        steps.putParameter("Thaw writes", Targets.WRITE_FREEZE, "off",
                steps.stopTask("reverse task", t.reverseTaskArn(), "Drop the reverse slot"));
        replication.op("Drop the reverse slot", obj("operation", "dropSlot", "database", "aurora",
                "slotName", t.reverseSlotName()), "Drop the forward slot");
        // The forward task is stopped and the next run loads afresh (reload-target): its slot on on-prem would only
        // pin the writer's WAL until then. Dropping one already gone (after a cutover) drops nothing.
        replication.op("Drop the forward slot", obj("operation", "dropSlot", "database", "onprem",
                "idleDecodingSlots", true), "Drop the change slots");
        // A migration stopped between the pre-freeze validation and the thaw leaves the change slots pinning WAL on
        // both databases; nothing reads them once it has stopped. Dropping absent ones drops nothing.
        replication.op("Drop the change slots", obj("operation", "dropChangeSlots", "slotName", t.changeSlotName()),
                "Checkpoint rollback");
        steps.putObject("Checkpoint rollback", t.rollbackBucket(), "rollbacks/",
                expr("'rollbacks/' & $states.context.Execution.Name & '.json'"),
                expr("$string({'execution': $states.context.Execution.Id, 'trigger': $trigger, "
                        + "'reason': $states.context.Execution.Input.reason, 'writerBefore': $writerBefore, "
                        + "'activeWriter': 'onprem', 'newBackendPercent': 0, 'at': $now()})"),
                steps.phase("rolled-back", "Rolled back"));
        flow.succeed("Rolled back", null);

        steps.notify(FAILED, t.alarmTopicArn(), "Payment migration: ROLLBACK FAILED, act now",
                expr("$string({'execution': $states.context.Execution.Id, 'failure': $states.input})"),
                "Rollback stopped").catchTo("Rollback stopped");
        flow.fail("Rollback stopped", "RollbackFailed", "the rollback could not finish; the alarm topic has the details");
    }

    /**
     * A failed write of the flag is not proof that it did not land (a lost answer, a timeout after the write), and
     * writers follow the flag, not this machine. So the flag is read back: "onprem" means the flip landed and the
     * rollback goes on; anything else means Aurora stays the writer, writes thaw and the rollback stops. If the flag cannot be read either, writes thaw
     * (safe whichever value it holds: the reverse task has drained, and Aurora's writes still flow to on-prem) and the
     * rollback stops, naming the parameter a person must read before acting.
     */
    private void readBackTheFlip() {
        flow.task(FLIP_FAILED, Integration.SSM_GET_PARAMETER, List.of(t.parameterArn(Targets.ACTIVE_WRITER)))
                .arguments(obj("Name", t.parameter(Targets.ACTIVE_WRITER)))
                .assign("writerAfterFlip", expr("$states.result.Parameter.Value"))
                .output(expr("$states.input"))
                .next("Did the flip land?")
                .catchTo(WRITER_UNKNOWN);
        flow.choice("Did the flip land?").when(expr("$writerAfterFlip = 'onprem'"), "Let writers see on-prem as the writer")
                .otherwise("Thaw writes, flip failed");
        steps.putParameter("Thaw writes, flip failed", Targets.WRITE_FREEZE, "off", steps.failWith("Flip failed",
                "WriterFlipFailed", "the active writer could not be set to on-prem; Aurora stays the writer"));
        steps.putParameter(WRITER_UNKNOWN, Targets.WRITE_FREEZE, "off", steps.failWith("Writer unknown", "WriterUnknown",
                "the active writer could not be set to on-prem nor read back; writers follow " + t.parameter(Targets.ACTIVE_WRITER)
                        + ": read it before acting"));
    }

    /**
     * A migration that failed because on-prem did not match Aurora after the thaw: a rollback would make that copy the
     * writer. Refused: Aurora stays the writer, the phase leaves the in-flight set (so alarms stop starting rollbacks),
     * the alarm topic is told. A person repairs on-prem, then rolls back by hand (trigger manual) if still wanted.
     */
    private void refuseOntoOutOfStepOnPrem(String otherwise) {
        var reason = "$states.input.reason.error.Error";
        flow.choice("On-prem out of step?").when(expr("$trigger = 'migration-failed' and $exists(" + reason + ") and "
                        + reason + " = '" + ValidationSteps.REVERSE_MISMATCH + "'"),
                        steps.phase(ValidationSteps.REVERSE_OUT_OF_STEP, "Alert on-prem out of step"))
                .otherwise(otherwise);
        steps.notify("Alert on-prem out of step", t.alarmTopicArn(), "Payment migration: on-prem OUT OF STEP, rollback "
                + "refused", expr("$string({'execution': $states.context.Execution.Id, 'reason': $states.input.reason})"),
                "Rollback refused");
        flow.fail("Rollback refused", "OnPremOutOfStep", "on-prem does not match Aurora, so it must not become the "
                + "writer; repair it (see the validation report), then roll back with trigger manual if still wanted");
    }

    /**
     * With Aurora the writer, writes are frozen and the reverse task must catch up before on-prem takes over: a flip
     * before that would lose the payments still in flight. Caught up is proven as in the cutover: the writers' flag
     * caches and open transactions waited out, then a marker committed on Aurora seen on on-prem. If the reverse path
     * is down or does not drain, Aurora stays the writer, writes thaw, and the rollback stops for a human. A call
     * failing while writes are frozen takes the same way out: a freeze nobody lifts is an outage.
     */
    private void drainReverse(String next) {
        var blocked = BLOCKED;
        steps.putParameter("Freeze writes for rollback", Targets.WRITE_FREEZE, "on", "Read reverse task status")
                .catchTo(blocked);
        steps.describeTask("Read reverse task status", t.reverseTaskArn(), "Reverse path up?").catchTo(blocked);
        // A stopped reverse task is resumed from its slot, never restarted: a restart would skip what it had not read.
        var drain = replication.awaitDrain(ReplicationSteps.Side.AURORA, ReplicationSteps.Side.ONPREM,
                settings.writers().freezeWaitSeconds(), next, "$drainChecks >= " + DRAIN_CHECKS, blocked, blocked);
        flow.choice("Reverse path up?").when(expr("$taskStatus = '" + Steps.RUNNING + "'"), drain)
                .when(expr("$taskStatus in ['stopped', 'failed']"), replication.start(replication.reverse(),
                        replication.forward(), obj("StartReplicationTaskType", ReplicationSteps.RESUME), blocked, drain))
                .otherwise(blocked);
        steps.putParameter(blocked, Targets.WRITE_FREEZE, "off", "Rollback blocked");
        steps.failWith("Rollback blocked", "ReverseReplicationNotDrained",
                "the reverse task is not running or did not drain; Aurora stays the writer");
    }
}
