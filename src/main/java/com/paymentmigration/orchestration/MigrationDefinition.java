package com.paymentmigration.orchestration;

import java.util.List;

import static com.paymentmigration.orchestration.Flow.expr;
import static com.paymentmigration.orchestration.Flow.obj;

/**
 * The migration state machine: preflight, replicate, CDC gate, validate, checkpoint, traffic shift, database
 * cutover, bake, complete (the phases of ARCHITECTURE.md). Any failure, failed gate or alarm starts the rollback
 * state machine and ends this execution failed.
 */
public final class MigrationDefinition {

    public static final String ROLL_BACK = "Start rollback";
    public static final String FAILED = "Migration failed";
    /** Full load: a poll every 5 minutes for up to 72 hours (864 polls, about 7,800 history events). */
    static final int FULL_LOAD_WAIT_SECONDS = 300;
    static final int FULL_LOAD_CHECKS = 864;
    /** CDC gate: a check a minute for up to 2 hours. */
    static final int CDC_WAIT_SECONDS = 60;
    static final int CDC_CHECKS = 120;
    /** A whole run: full load, CDC gate, two validations, traffic bakes and cutover bake fit well inside a week. */
    static final int TIMEOUT_SECONDS = 7 * 24 * 3600;
    private final Flow flow = new Flow(ROLL_BACK);
    private final Steps steps;
    private final ReplicationSteps replication;
    private final ValidationSteps validations;
    private final Targets t;
    private final Settings settings;

    private MigrationDefinition(Targets targets, Settings settings) {
        this.t = targets;
        this.settings = settings;
        this.steps = new Steps(flow, targets);
        this.replication = new ReplicationSteps(flow, steps, targets);
        this.validations = new ValidationSteps(flow, steps, replication, targets, settings);
    }

    public static Flow of(Targets targets, Settings settings) {
        var definition = new MigrationDefinition(targets, settings);
        definition.build();
        return definition.flow;
    }

    private void build() {
        var trafficSteps = settings.trafficSteps().stream()
                .map(s -> obj("percent", s.percent(), "bakeSeconds", s.bakeMinutes() * 60)).toList();
        // Every variable the flow reads is set here first: a read of an unset variable fails the execution.
        flow.pass("Start").assign("trafficSteps", trafficSteps).assign("trafficIndex", 0).assign("loadChecks", 0)
                .assign("taskStats", obj()).assign("validation", obj()).assign("validationPlan", obj())
                .assign("freezeStartedMillis", 0).assign("freezeSeconds", 0).assign("reverseSlotLsn", "")
                .assign("drainMarker", "").assign("drainMarkerSeen", false).assign("drainChecks", 0)
                .next("Read previous phase");
        flow.task("Read previous phase", Integration.SSM_GET_PARAMETER, List.of(t.parameterArn(Targets.PHASE)))
                .arguments(obj("Name", t.parameter(Targets.PHASE)))
                .assign("phaseBefore", expr("$states.result.Parameter.Value"))
                .output(expr("$states.input"))
                .next(steps.phase("preflight", "Check secrets"));
        preflight("Check alarms before starting");
        steps.checkAlarms("Check alarms before starting", steps.phase("replicating", "Read forward task"),
                steps.failWith("Alarm before start", "AlarmFiring", "a critical alarm is in ALARM"));
        replicate("Wait for full load");
        flow.waitFor("Wait for full load", FULL_LOAD_WAIT_SECONDS).next("Poll full load");
        steps.describeTask("Poll full load", t.forwardTaskArn(), "Full load done?")
                .assign("loadChecks", expr("$loadChecks + 1"));
        flow.choice("Full load done?")
                .when(expr("$taskStatus != 'running'"),
                        steps.failWith("Forward task stopped", "ForwardTaskStopped", "the forward task left running"))
                .when(expr("$taskStats.TablesErrored > 0"),
                        steps.failWith("Tables failed to load", "TablesErrored", "DMS reports tables in error"))
                .when(expr("$exists($taskStats.FullLoadFinishDate)"), steps.phase("cdc-catch-up", "Reset CDC checks"))
                .when(expr("$loadChecks >= " + FULL_LOAD_CHECKS),
                        steps.failWith("Full load timed out", "FullLoadTimedOut", "full load did not finish in 72 hours"))
                .otherwise("Wait for full load");

        // CDC gate: latency under the threshold for N consecutive checks.
        flow.pass("Reset CDC checks").assign("cdcChecks", 0).assign("cdcGood", 0).next("Measure CDC latency");
        steps.measureLatency("Measure CDC latency", t.forwardTaskId(), "CDC caught up?")
                .assign("cdcChecks", expr("$cdcChecks + 1"))
                // Assign values are computed together: this one cannot read the $cdcLatency assigned beside it.
                .assign("cdcGood", expr("(" + Steps.LATEST_LATENCY + ") < " + settings.cdcLatencySeconds()
                        + " ? $cdcGood + 1 : 0"));
        flow.choice("CDC caught up?")
                .when(expr("$cdcGood >= " + settings.cdcConsecutiveChecks()),
                        steps.phase("validating", validations.full("initial", "Checkpoint before traffic shift")))
                .when(expr("$cdcChecks >= " + CDC_CHECKS), steps.failWith("CDC did not catch up", "CdcLatencyTooHigh",
                        "CDC latency stayed above " + settings.cdcLatencySeconds() + " s for 2 hours"))
                .otherwise("Wait between CDC checks");
        flow.waitFor("Wait between CDC checks", CDC_WAIT_SECONDS).next("Measure CDC latency");

        checkpoint("Checkpoint before traffic shift", "before-traffic-shift", steps.phase("traffic-shift", "Check alarms before traffic step"));
        trafficShift("Checkpoint before cutover");
        checkpoint("Checkpoint before cutover", "before-cutover", steps.phase("cutover", validations.beforeFreeze("Freeze writes")));
        cutover(validations.afterThaw(steps.phase("baking", "Bake after cutover")));

        flow.waitFor("Bake after cutover", settings.cutoverBakeMinutes() * 60).next("Check alarms after bake");
        steps.checkAlarms("Check alarms after bake", steps.phase("completed", "Migration complete"),
                steps.failWith("Alarm during bake", "AlarmFiring", "a critical alarm fired during the bake"));
        flow.succeed("Migration complete", null);

        failure();
    }

    /**
     * Start the forward task, or resume it. A first start, and the first start after a rollback (which dropped the
     * forward slot and let the copies diverge), load from scratch: the Aurora tables are emptied in one TRUNCATE
     * (DMS's table-by-table truncation fails on foreign keys) and DMS loads them again. A running task is left alone.
     */
    private void replicate(String next) {
        var fromScratch = "Forward task loads from scratch?";
        steps.describeTask("Read forward task", t.forwardTaskArn(), fromScratch)
                .assign("forwardStart", expr("$taskStatus = 'running' ? 'none' : ($taskStatus = 'ready' ? '"
                        + ReplicationSteps.START + "' : ($phaseBefore = 'rolled-back' ? '" + ReplicationSteps.RELOAD
                        + "' : '" + ReplicationSteps.RESUME + "'))"));
        var start = replication.start(replication.forward(), replication.reverse(),
                obj("StartReplicationTaskType", expr("$forwardStart")), flow.failureState(), next);
        flow.choice(fromScratch)
                .when(expr("$forwardStart in ['" + ReplicationSteps.START + "', '" + ReplicationSteps.RELOAD + "']"),
                        "Empty the Aurora tables")
                .otherwise(start);
        replication.op("Empty the Aurora tables", selection("truncateTables", "database", "aurora"), start);
    }

    /** A replication-ops event over the replicated tables. */
    private com.fasterxml.jackson.databind.node.ObjectNode selection(String operation, Object... fields) {
        var event = obj("operation", operation);
        event.setAll(obj(fields));
        event.setAll(obj("include", settings.tableIncludes(), "exclude", settings.tableExcludes()));
        return event;
    }

    /**
     * Secrets present and not scheduled for deletion; every DMS endpoint reachable (the rollback path's too); on-prem
     * still the writer (a standing cutover is rolled back first); the global writer in the primary region; both
     * databases ready for replication both ways, with the drain marker table; the reverse task stopped.
     */
    private void preflight(String next) {
        var secrets = new Flow("Secret unusable");
        secrets.task("Describe secret", Integration.SECRETS_DESCRIBE, t.secretArns())
                .arguments(obj("SecretId", expr("$states.input")))
                .output(expr("{'secret': $states.result.Name, 'deleted': $exists($states.result.DeletedDate)}"))
                .next("Secret scheduled for deletion?");
        secrets.choice("Secret scheduled for deletion?").when(expr("$states.input.deleted"), "Secret unusable")
                .otherwise("Secret usable");
        secrets.succeed("Secret usable", null);
        secrets.fail("Secret unusable", "SecretUnusable", "a database secret is missing or scheduled for deletion");
        flow.map("Check secrets", t.secretArns(), secrets, false, 2, t.migrationMachineArn())
                .output(expr("$states.input"))
                .next("Test endpoints");

        var endpoint = new Flow("Endpoint unreachable");
        endpoint.task("Test connection", Integration.DMS_TEST_CONNECTION,
                        List.of(t.replicationInstanceArn(), "arn:aws:dms:" + t.region() + ":" + t.account() + ":endpoint:*"))
                .arguments(obj("ReplicationInstanceArn", t.replicationInstanceArn(), "EndpointArn", expr("$states.input")))
                .assign("endpointArn", expr("$states.input")).assign("connectionChecks", 0)
                .next("Wait for connection test");
        endpoint.waitFor("Wait for connection test", 15).next("Read connection test");
        endpoint.task("Read connection test", Integration.DMS_DESCRIBE_CONNECTIONS, List.of("*"))
                .arguments(obj("Filters", List.of(
                        obj("Name", "endpoint-arn", "Values", List.of(expr("$endpointArn"))),
                        obj("Name", "replication-instance-arn", "Values", List.of(t.replicationInstanceArn())))))
                .assign("connectionStatus", expr("$states.result.Connections[0].Status"))
                .assign("connectionChecks", expr("$connectionChecks + 1"))
                .next("Connection tested?");
        endpoint.choice("Connection tested?")
                .when(expr("$connectionStatus = 'successful'"), "Endpoint reachable")
                .when(expr("$connectionStatus = 'failed' or $connectionChecks >= 40"), "Endpoint unreachable")
                .otherwise("Wait for connection test");
        endpoint.succeed("Endpoint reachable", null);
        endpoint.fail("Endpoint unreachable", "EndpointUnreachable", "DMS could not connect to an endpoint");
        flow.map("Test endpoints", t.endpointArns(), endpoint, false, 4, t.migrationMachineArn())
                .output(expr("$states.input"))
                .next("Read active writer");

        flow.task("Read active writer", Integration.SSM_GET_PARAMETER, List.of(t.parameterArn(Targets.ACTIVE_WRITER)))
                .arguments(obj("Name", t.parameter(Targets.ACTIVE_WRITER)))
                .assign("writerBefore", expr("$states.result.Parameter.Value"))
                .output(expr("$states.input"))
                .next("On-prem is the writer?");
        flow.choice("On-prem is the writer?").when(expr("$writerBefore = 'onprem'"),
                        replication.requirePrimaryWriter("Read global writer", "Check on-prem prerequisites",
                                steps.failWith("Global writer not in " + t.region(), "GlobalWriterMoved",
                                        "the Aurora global database's writer is not in " + t.region())))
                .otherwise(steps.failWith("Aurora is the writer", "AuroraIsTheWriter",
                        "a cutover stands (Aurora is the writer): roll back before migrating again"));
        replication.op("Check on-prem prerequisites", prerequisites("onprem"), "Check Aurora prerequisites");
        replication.op("Check Aurora prerequisites", prerequisites("aurora"), "Create drain marker table on on-prem");
        // Both tasks select the marker table from their start, so it exists on both databases before either runs (a
        // marker written now is harmless: the gate looks for the one it writes inside the freeze).
        replication.op("Create drain marker table on on-prem", obj("operation", "writeDrainMarker", "database", "onprem"),
                "Create drain marker table on Aurora");
        replication.op("Create drain marker table on Aurora", obj("operation", "writeDrainMarker", "database", "aurora"),
                steps.stopTask("reverse task", t.reverseTaskArn(), next));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode prerequisites(String database) {
        return selection("checkPrerequisites", "database", database, "controlSchema", t.controlSchema());
    }

    private void checkpoint(String state, String name, String next) {
        steps.putObject(state, t.checkpointBucket(), "checkpoints/",
                expr("'checkpoints/' & $states.context.Execution.Name & '/" + name + ".json'"),
                expr("$string({'checkpoint': '" + name + "', 'execution': $states.context.Execution.Id, 'at': $now(), "
                        + "'forwardTask': $taskStats, 'validation': $validation, 'trafficSteps': $trafficSteps, "
                        + "'settings': " + json(obj("cdcLatencySeconds", settings.cdcLatencySeconds(),
                        "writeFreezeMaxSeconds", settings.writeFreezeMaxSeconds(),
                        "writerFlagMaxAgeSeconds", settings.writers().flagMaxAgeSeconds(),
                        "longestWriteTransactionSeconds", settings.writers().longestWriteTransactionSeconds(),
                        "cutoverBakeMinutes", settings.cutoverBakeMinutes())) + "})"),
                next);
    }

    /**
     * Each configured step: alarms quiet, set the canary's share and/or the DNS weights (whichever config says the
     * steps move), record them, announce them, bake.
     */
    private void trafficShift(String next) {
        var percent = "$trafficSteps[$trafficIndex].percent";
        var afterApi = t.weightedDns().isPresent()
                ? steps.shiftDns("Shift DNS weights", "100 - " + percent, percent, "Announce traffic share")
                : "Announce traffic share";
        steps.checkAlarms("Check alarms before traffic step", settings.shiftsApi() ? "Shift traffic" : afterApi,
                steps.failWith("Alarm during traffic shift", "AlarmFiring", "a critical alarm fired during the traffic shift"));
        if (settings.shiftsApi()) {
            flow.task("Shift traffic", Integration.API_UPDATE_STAGE, List.of(t.stageArn()))
                    .arguments(obj("RestApiId", t.restApiId(), "StageName", t.stageName(), "PatchOperations", List.of(
                            obj("Op", "replace", "Path", "/canarySettings/percentTraffic",
                                    "Value", expr("$string(" + percent + ")")))))
                    .output(expr("$states.input"))
                    .next("Record traffic share");
            steps.putParameter("Record traffic share", Targets.TRAFFIC, expr("$string(" + percent + ")"), afterApi);
        }
        steps.notify("Announce traffic share", t.statusTopicArn(), "Payment migration: traffic step",
                expr("$string({'newBackendPercent': $trafficSteps[$trafficIndex].percent, "
                        + "'execution': $states.context.Execution.Id, 'at': $now()})"), "Bake traffic step");
        flow.waitFor("Bake traffic step", expr("$trafficSteps[$trafficIndex].bakeSeconds"))
                .assign("trafficIndex", expr("$trafficIndex + 1"))
                .next("More traffic steps?");
        flow.choice("More traffic steps?")
                .when(expr("$trafficIndex < $count($trafficSteps)"), "Check alarms before traffic step")
                .otherwise("Check alarms after traffic shift");
        steps.checkAlarms("Check alarms after traffic shift", next,
                steps.failWith("Alarm after traffic shift", "AlarmFiring", "a critical alarm fired after the last step"));
    }

    /**
     * Freeze, wait out the writers' flag caches and open transactions, prove the drain with a marker, validate, stop
     * the forward task, carry the sequences over, create the reverse slot and start the reverse task at its recorded
     * position, flip the writer, wait out the writers' caches again, thaw, drop the forward slot. The forward task
     * stops before the reverse one starts: with both running, each would replicate the other's writes back.
     */
    private void cutover(String next) {
        var freezeElapsed = "($millis() - $freezeStartedMillis) / 1000";
        var tooLong = steps.failWith("Write freeze too long", "WriteFreezeTooLong",
                "the write freeze passed " + settings.writeFreezeMaxSeconds() + " s");
        var overLimit = freezeElapsed + " > " + settings.writeFreezeMaxSeconds();
        steps.putParameter("Freeze writes", Targets.WRITE_FREEZE, "on", replication.awaitDrain(ReplicationSteps.Side.ONPREM,
                        ReplicationSteps.Side.AURORA, settings.writers().freezeWaitSeconds(),
                        validations.inFreeze("Freeze still within limit?"), overLimit, tooLong, flow.failureState()))
                .assign("freezeStartedMillis", expr("$millis()")).assign("drainChecks", 0);
        flow.choice("Freeze still within limit?")
                .when(expr(freezeElapsed + " > " + settings.writeFreezeMaxSeconds()), tooLong)
                .otherwise(steps.stopTask("forward task", t.forwardTaskArn(), replication.requirePrimaryWriter(
                        "Read global writer at cutover", "Carry sequences to Aurora", steps.failWith(
                                "Global writer moved before cutover", "GlobalWriterMoved",
                                "the Aurora global database's writer left " + t.region() + " during the migration"))));
        replication.op("Carry sequences to Aurora", selection("syncSequences", "from", "onprem", "to", "aurora"),
                "Create the reverse slot");
        // The slot is created inside the freeze, so its position is after every change the forward task carried;
        // the reverse task starts exactly there, and from then on is only ever resumed.
        replication.op("Create the reverse slot", obj("operation", "createSlot", "database", "aurora",
                        "slotName", t.reverseSlotName()), replication.start(replication.reverse(), replication.forward(),
                        obj("StartReplicationTaskType", ReplicationSteps.START, "CdcStartPosition", expr("$reverseSlotLsn")),
                        flow.failureState(), "Make Aurora the writer"))
                .assign("reverseSlotLsn", expr("$states.result.Payload.lsn"));
        steps.putParameter("Make Aurora the writer", Targets.ACTIVE_WRITER, "aurora", "Let writers see Aurora as the writer");
        // A writer still holding "on-prem" in its cache must not see the thaw before it sees the flip.
        flow.waitFor("Let writers see Aurora as the writer", settings.writers().flipWaitSeconds()).next("Thaw writes");
        steps.putParameter("Thaw writes", Targets.WRITE_FREEZE, "off", "Record freeze duration")
                .assign("freezeSeconds", expr(freezeElapsed));
        steps.putParameter("Record freeze duration", Targets.FREEZE_SECONDS, expr("$string($freezeSeconds)"),
                "Drop the change slots");
        // The freeze-time check is done: the change slots would only pin both databases' WAL from now on.
        replication.op("Drop the change slots", obj("operation", "dropChangeSlots", "slotName", t.changeSlotName()),
                "Drop the forward slot");
        // The reverse path runs: the stopped forward task's slot on on-prem would only pin WAL there from now on
        // (DMS named it; it is the one idle test_decoding slot of the database). A later run loads afresh.
        replication.op("Drop the forward slot", obj("operation", "dropSlot", "database", "onprem",
                "idleDecodingSlots", true), "Announce cutover");
        steps.notify("Announce cutover", t.statusTopicArn(), "Payment migration: database cut over",
                expr("$string({'activeWriter': 'aurora', 'writeFreezeSeconds': $freezeSeconds, "
                        + "'execution': $states.context.Execution.Id, 'at': $now()})"), next);
    }

    /** Start the rollback machine with what failed; if even that fails, alert; the execution ends failed. */
    private void failure() {
        flow.task(ROLL_BACK, Integration.START_EXECUTION, List.of(t.rollbackMachineArn()))
                .arguments(obj("StateMachineArn", t.rollbackMachineArn(), "Input", expr("$string({"
                        + "'trigger': 'migration-failed', 'reason': $states.input, "
                        + "'migrationExecutionArn': $states.context.Execution.Id})")))
                .catchTo("Alert rollback not started")
                .output(expr("$states.input"))
                .next(FAILED);
        steps.notify("Alert rollback not started", t.alarmTopicArn(), "Payment migration: ROLLBACK NOT STARTED",
                expr("$string($states.input)"), FAILED)
                .catchTo(FAILED);
        flow.fail(FAILED, "MigrationFailed", "the migration stopped and started its rollback; see the execution's input to "
                + "the rollback state");
    }

    static String json(Object value) {
        return Flow.JSON.valueToTree(value).toString();
    }
}
