package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.executor.TaskInvocation;
import com.paymentmigration.orchestration.RollbackDefinition;
import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.AwsStandIns;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static com.paymentmigration.rehearsal.scenarios.Invariants.alarmTopicAlerted;
import static com.paymentmigration.rehearsal.scenarios.Invariants.alarmTopicToldOf;
import static com.paymentmigration.rehearsal.scenarios.Invariants.failedWith;
import static com.paymentmigration.rehearsal.scenarios.Invariants.parameter;
import static com.paymentmigration.rehearsal.scenarios.Invariants.phases;
import static com.paymentmigration.rehearsal.scenarios.Invariants.reverseDrainedBeforeFlipBack;
import static com.paymentmigration.rehearsal.scenarios.Invariants.reverseStartedAfterForwardStopped;
import static com.paymentmigration.rehearsal.scenarios.Invariants.rollbackStarted;
import static com.paymentmigration.rehearsal.scenarios.Invariants.status;
import static com.paymentmigration.rehearsal.scenarios.Invariants.taskStatus;
import static com.paymentmigration.rehearsal.scenarios.Invariants.throttlesRetried;
import static com.paymentmigration.rehearsal.scenarios.Invariants.trafficAt;
import static com.paymentmigration.rehearsal.scenarios.Invariants.trafficNeverMoved;
import static com.paymentmigration.rehearsal.scenarios.Invariants.unchangedBetween;
import static com.paymentmigration.rehearsal.scenarios.ReplicationInvariants.drainGaveUpAtTheLimit;
import static com.paymentmigration.rehearsal.scenarios.ReplicationInvariants.neverStarted;
import static com.paymentmigration.rehearsal.scenarios.ReplicationInvariants.nothingLeftRunning;
import static com.paymentmigration.rehearsal.scenarios.ReplicationInvariants.reverseStartedOnce;

/** The rehearsals every change to the definitions must pass (and {@code rehearse --scenario NAME} runs). */
public final class Scenarios {

    static final List<String> COMPLETED = List.of("preflight", "replicating", "cdc-catch-up", "validating",
            "traffic-shift", "cutover", "baking", "completed");
    /** The committed dev stack's trafficShiftBy. */
    static final String DEV_SHIFT = "api-and-dns";
    private static final Consumer<Rehearsal> NOTHING = r -> { };
    private static final Consumer<Rehearsal> MIGRATE = r -> r.migrate(Rehearsal.START);

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                happyPath("happy-path", "api-and-dns"),
                happyPath("happy-path-api", "api"),
                happyPath("happy-path-dns", "dns"),
                new Scenario("single-traffic-step", "one traffic step straight to 100%", List.of("trafficSteps=[100]", "trafficBakeMinutes=[10]"),
                        NOTHING, MIGRATE, completed()),
                new Scenario("cdc-never-catches-up", "CDC latency stays at 10 minutes: the gate gives up, rolls back",
                        List.of(), r -> r.aws().metrics.scriptLatency((task, metric, at) -> OptionalDouble.of(600)), MIGRATE,
                        rolledBackBeforeTraffic("CdcLatencyTooHigh")),
                new Scenario("validation-mismatch", "the initial validation finds differences before any traffic moves",
                        List.of(), r -> r.aws().functions.validator().mismatchWhen(key -> key.contains("/initial/")), MIGRATE,
                        concat(rolledBackBeforeTraffic("ValidationMismatch"),
                                List.of(parameter(Targets.VALIDATION_STATUS, "MISMATCH")))),
                new Scenario("write-during-freeze", "a write still lands while writes are frozen: the validation inside "
                        + "the freeze counts it (no re-check excuses it as transient), the cutover stops, the rollback "
                        + "thaws on-prem and drops the change slots", List.of(),
                        r -> r.aws().functions.validator().lateWritesWhen(key -> key.contains("/final/")), MIGRATE,
                        List.of(status("migration", "FAILED"), failedWith("migration", "ValidationMismatch"),
                                status("rollback", "SUCCEEDED"), parameter(Targets.ACTIVE_WRITER, "onprem"),
                                parameter(Targets.WRITE_FREEZE, "off"), parameter(Targets.VALIDATION_STATUS, "MISMATCH"),
                                trafficAt(0), parameter(Targets.PHASE, "rolled-back"), nothingLeftRunning())),
                new Scenario("reverse-out-of-step", "after the thaw on-prem does not match Aurora: the rollback refuses "
                        + "to make it the writer; Aurora stays the writer and a human is alerted", List.of(),
                        r -> r.aws().functions.validator().mismatchWhen(key -> key.contains("/after-thaw/")), MIGRATE,
                        List.of(status("migration", "FAILED"), failedWith("migration", "ReverseValidationMismatch"),
                                status("rollback", "FAILED"), alarmTopicAlerted(), parameter(Targets.ACTIVE_WRITER, "aurora"),
                                parameter(Targets.WRITE_FREEZE, "off"), parameter(Targets.PHASE, "reverse-out-of-step"),
                                taskStatus("reverse", "reverseTaskArn", "running"))),
                new Scenario("alarm-during-traffic-step", "the API's 5XX alarm fires once the new backend has 25%",
                        List.of(), Scenarios::alarmAtQuarterTraffic, MIGRATE, List.of(
                        status("migration", "FAILED"), failedWith("migration", "AlarmFiring"), rollbackStarted(true),
                        status("rollback", "SUCCEEDED"), trafficAt(0), parameter(Targets.ACTIVE_WRITER, "onprem"),
                        parameter(Targets.PHASE, "rolled-back"), nothingLeftRunning())),
                new Scenario("reverse-fails-to-start", "the reverse task fails to start during the cutover",
                        List.of(), r -> r.aws().dms.task(r.stack().output("reverseTaskArn")).failToStart(), MIGRATE, List.of(
                        status("migration", "FAILED"), failedWith("migration", "TaskDidNotStart"),
                        status("rollback", "SUCCEEDED"), parameter(Targets.ACTIVE_WRITER, "onprem"),
                        parameter(Targets.WRITE_FREEZE, "off"), trafficAt(0), parameter(Targets.PHASE, "rolled-back"),
                        nothingLeftRunning())),
                new Scenario("alarm-during-bake", "an alarm fires in the bake after the cutover: the rollback drains the "
                        + "reverse task before on-prem writes again", List.of(), Scenarios::alarmOnceAuroraWrites, MIGRATE,
                        List.of(status("migration", "FAILED"), failedWith("migration", "AlarmFiring"),
                                status("rollback", "SUCCEEDED"), reverseDrainedBeforeFlipBack(),
                                parameter(Targets.ACTIVE_WRITER, "onprem"), trafficAt(0), nothingLeftRunning())),
                new Scenario("failure-during-rollback-freeze", "during the rollback's freeze the reverse task cannot be "
                        + "read: writes thaw, Aurora stays the writer, the alarm topic is told",
                        List.of(), r -> {
                            alarmOnceAuroraWrites(r);
                            r.aws().fail(c -> c.stateName().equals("Read reverse task status")
                                    && c.executionArn().contains(":migration-rollback-"), "InternalFailure",
                                    "An internal error occurred (" + Invariants.INJECTED + ")", Integer.MAX_VALUE);
                        }, MIGRATE, List.of(status("rollback", "FAILED"), alarmTopicAlerted(),
                        parameter(Targets.WRITE_FREEZE, "off"), parameter(Targets.ACTIVE_WRITER, "aurora"))),
                new Scenario("rollback-flip-answer-lost", "the rollback's write of the active writer lands but its "
                        + "answer is lost, and every retry fails: the flag is read back, on-prem is the writer, the "
                        + "rollback finishes", List.of(), r -> {
                            alarmOnceAuroraWrites(r);
                            r.aws().failAfterApplying(Scenarios::rollbackFlip, "InternalServerError",
                                    "answer lost after the write (" + Invariants.INJECTED + ")", 1);
                            r.aws().fail(Scenarios::rollbackFlip, "InternalServerError",
                                    "An internal error occurred (" + Invariants.INJECTED + ")", Integer.MAX_VALUE);
                        }, MIGRATE, List.of(status("migration", "FAILED"), status("rollback", "SUCCEEDED"),
                        parameter(Targets.ACTIVE_WRITER, "onprem"), parameter(Targets.WRITE_FREEZE, "off"), trafficAt(0),
                        parameter(Targets.PHASE, "rolled-back"), nothingLeftRunning())),
                new Scenario("cutover-flip-answer-lost", "the cutover's write of the active writer lands but its "
                        + "answer is lost, and every retry fails: the migration fails, and the rollback, reading the "
                        + "flag, finds Aurora the writer and drains the reverse task before handing back to on-prem",
                        List.of(), r -> {
                            Predicate<TaskInvocation> flip = c -> c.stateName().equals("Make Aurora the writer");
                            r.aws().failAfterApplying(flip, "InternalServerError",
                                    "answer lost after the write (" + Invariants.INJECTED + ")", 1);
                            r.aws().fail(flip, "InternalServerError",
                                    "An internal error occurred (" + Invariants.INJECTED + ")", Integer.MAX_VALUE);
                        }, MIGRATE, List.of(status("migration", "FAILED"), status("rollback", "SUCCEEDED"),
                        reverseDrainedBeforeFlipBack(), parameter(Targets.ACTIVE_WRITER, "onprem"),
                        parameter(Targets.WRITE_FREEZE, "off"), trafficAt(0), nothingLeftRunning())),
                new Scenario("rollback-flip-fails", "the rollback cannot write the active writer at all: read back, "
                        + "it still says Aurora, so writes thaw with Aurora the writer and the alarm topic is told",
                        List.of(), r -> {
                            alarmOnceAuroraWrites(r);
                            r.aws().fail(Scenarios::rollbackFlip, "InternalServerError",
                                    "An internal error occurred (" + Invariants.INJECTED + ")", Integer.MAX_VALUE);
                        }, MIGRATE, List.of(status("rollback", "FAILED"), alarmTopicToldOf("WriterFlipFailed"),
                        parameter(Targets.ACTIVE_WRITER, "aurora"), parameter(Targets.WRITE_FREEZE, "off"))),
                new Scenario("rollback-flip-unknown", "the rollback can neither write the active writer nor read it "
                        + "back: writes thaw and the alarm topic is told to read the flag before acting", List.of(), r -> {
                            alarmOnceAuroraWrites(r);
                            r.aws().fail(c -> rollbackFlip(c) || c.stateName().equals(RollbackDefinition.FLIP_FAILED),
                                    "InternalServerError", "An internal error occurred (" + Invariants.INJECTED + ")",
                                    Integer.MAX_VALUE);
                        }, MIGRATE, List.of(status("rollback", "FAILED"), alarmTopicToldOf("WriterUnknown"),
                        parameter(Targets.WRITE_FREEZE, "off"))),
                new Scenario("drain-marker-never-arrives", "the forward task runs but applies nothing (its target "
                        + "blocked): the drain marker never reaches Aurora, the freeze limit rolls back",
                        List.of(), r -> r.aws().dms.task(r.stack().output("forwardTaskArn")).stopApplying(), MIGRATE,
                        List.of(status("migration", "FAILED"), failedWith("migration", "WriteFreezeTooLong"),
                                drainGaveUpAtTheLimit(), status("rollback", "SUCCEEDED"),
                                parameter(Targets.WRITE_FREEZE, "off"), parameter(Targets.ACTIVE_WRITER, "onprem"),
                                trafficAt(0), parameter(Targets.PHASE, "rolled-back"), nothingLeftRunning())),
                new Scenario("reverse-drain-marker-never-arrives", "after the cutover an alarm rolls back, but the "
                        + "reverse task applies nothing: its drain marker never reaches on-prem, so Aurora stays the "
                        + "writer, writes thaw and the alarm topic is told", List.of(), r -> {
                            alarmOnceAuroraWrites(r);
                            r.aws().dms.task(r.stack().output("reverseTaskArn")).stopApplying();
                        }, MIGRATE, List.of(status("rollback", "FAILED"),
                        alarmTopicToldOf("ReverseReplicationNotDrained"), parameter(Targets.WRITE_FREEZE, "off"),
                        parameter(Targets.ACTIVE_WRITER, "aurora"))),
                new Scenario("throttling", "the first two calls of several operations are throttled; retries carry on",
                        List.of(), Scenarios::throttle, MIGRATE, concat(completed(), List.of(throttlesRetried()))),
                new Scenario("rollback-twice", "after a rollback, a second one changes nothing", List.of(),
                        r -> r.aws().functions.validator().mismatchWhen(key -> key.contains("/initial/")), r -> {
                            r.migrate(Rehearsal.START);
                            var after = r.end().plus(Duration.ofHours(1));
                            r.remember("after the first rollback", after);
                            r.rollBack(after);
                            r.remember("after the second rollback", r.end().plusSeconds(1));
                        }, List.of(status("rollback", "SUCCEEDED"), nothingLeftRunning(),
                        unchangedBetween("after the first rollback", "after the second rollback"))),
                new Scenario("migrate-again-after-rollback", "a bake alarm rolls the cutover back; once it clears, "
                        + "the migration runs again to completed", List.of(), Scenarios::alarmOnceAuroraWrites, r -> {
                            r.migrate(Rehearsal.START);
                            r.aws().metrics.scriptAlarms((name, at) -> null);
                            r.migrate(r.end().plus(Duration.ofHours(2)));
                        }, List.of(status("rollback", "SUCCEEDED"), status("migration", "SUCCEEDED"), trafficAt(100),
                        taskStatus("reverse", "reverseTaskArn", "running"), taskStatus("forward", "forwardTaskArn", "stopped"),
                        parameter(Targets.ACTIVE_WRITER, "aurora"), parameter(Targets.PHASE, "completed"))),
                new Scenario("prerequisites-missing", "on-prem's user is no superuser: the preflight fails naming it, "
                        + "before anything replicates", List.of(),
                        r -> r.aws().functions.replicationOps().withhold("onprem", "the user is not a superuser ("
                                + Invariants.INJECTED + ")"), MIGRATE,
                        concat(rolledBackBeforeTraffic("PrerequisitesMissingException"), List.of(neverStarted()))),
                new Scenario("global-writer-moved", "the global database's writer is in eu-central-2: the migration "
                        + "refuses to start", List.of(), r -> r.aws().rds.switchOverTo("eu-central-2"), MIGRATE,
                        concat(rolledBackBeforeTraffic("GlobalWriterMoved"), List.of(neverStarted()))),
                new Scenario("rollback-mode", "migration:mode=rollback: the up's invocation of the trigger starts the "
                        + "rollback machine", List.of("mode=rollback"), NOTHING, Scenarios::switchToRollbackMode, List.of(
                        status("rollback", "SUCCEEDED"), parameter(Targets.ACTIVE_WRITER, "onprem"),
                        parameter(Targets.PHASE, "rolled-back"), parameter(Targets.TRAFFIC, "0"), nothingLeftRunning())));
    }

    public static Scenario named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new NoSuchElementException(
                "no scenario " + name + "; the scenarios are " + all().stream().map(Scenario::name).toList()));
    }

    private static Scenario happyPath(String name, String shiftBy) {
        // The stack's own setting needs no override (and no plan of its own).
        var overrides = shiftBy.equals(DEV_SHIFT) ? List.<String>of() : List.of("trafficShiftBy=" + shiftBy);
        return new Scenario(name, "the whole migration to completed, traffic shifted by " + shiftBy, overrides, NOTHING,
                MIGRATE, completed());
    }

    private static List<Invariant> completed() {
        return List.of(status("migration", "SUCCEEDED"), phases(COMPLETED), trafficAt(100),
                reverseStartedAfterForwardStopped(), parameter(Targets.ACTIVE_WRITER, "aurora"),
                parameter(Targets.WRITE_FREEZE, "off"), taskStatus("reverse", "reverseTaskArn", "running"),
                taskStatus("forward", "forwardTaskArn", "stopped"), reverseStartedOnce(), rollbackStarted(false));
    }

    private static List<Invariant> rolledBackBeforeTraffic(String error) {
        return List.of(status("migration", "FAILED"), failedWith("migration", error), trafficNeverMoved(),
                status("rollback", "SUCCEEDED"), parameter(Targets.ACTIVE_WRITER, "onprem"),
                parameter(Targets.PHASE, "rolled-back"), nothingLeftRunning());
    }

    private static List<Invariant> concat(List<Invariant> first, List<Invariant> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String alarm(Rehearsal r, String purpose) {
        return r.aws().metrics.alarmNames().stream().filter(n -> n.contains(purpose)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the plan has no " + purpose + " alarm"));
    }

    /** The 5XX alarm is in ALARM while the new backend has a quarter of the traffic or more (by canary or DNS). */
    private static void alarmAtQuarterTraffic(Rehearsal r) {
        var alarm = alarm(r, "api-5xx-rate");
        r.aws().metrics.scriptAlarms((name, at) -> name.equals(alarm) && newShare(r.aws()) >= 25 ? StateValue.ALARM : null);
    }

    private static double newShare(AwsStandIns aws) {
        var canary = aws.stages.canaryPercent().orElse(0.0);
        var dns = aws.zones.zoneIds().stream().mapToDouble(z -> aws.zones.weights(z).getOrDefault("new", 0L)).max().orElse(0);
        return Math.max(canary, dns);
    }

    /** The DMS task-errors alarm is in ALARM once Aurora is the writer and writes have thawed. */
    /** The rollback machine's write of the active writer (its flip back to on-prem). */
    private static boolean rollbackFlip(TaskInvocation call) {
        return call.stateName().equals(RollbackDefinition.FLIP) && call.executionArn().contains(":migration-rollback-");
    }

    private static void alarmOnceAuroraWrites(Rehearsal r) {
        var alarm = alarm(r, "dms-task-errors");
        var parameters = r.aws().parameters;
        var writer = parameters.nameOf(Targets.ACTIVE_WRITER);
        var freeze = parameters.nameOf(Targets.WRITE_FREEZE);
        r.aws().metrics.scriptAlarms((name, at) -> name.equals(alarm) && parameters.value(writer).orElse("").equals("aurora")
                && parameters.value(freeze).orElse("").equals("off") ? StateValue.ALARM : null);
    }

    private static void throttle(Rehearsal r) {
        for (var operation : List.of("ssm:putParameter", "databasemigration:describeReplicationTasks",
                "apigateway:updateStage", "route53:changeResourceRecordSets", "sns:publish")) {
            r.aws().fail(c -> c.resource().endsWith(operation), "ThrottlingException",
                    "Rate exceeded (" + Invariants.INJECTED + ")", 2);
        }
    }

    /** What {@code pulumi up} does when the mode switches: invokes the trigger with the plan's invocation input. */
    private static void switchToRollbackMode(Rehearsal r) {
        var invocation = r.stack().invocation().orElseThrow(() -> new IllegalStateException(
                "in rollback mode the plan must create the trigger's invocation; it does not"));
        try {
            r.aws().functions.invokeDirectly(invocation.stringInput("functionName"),
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(invocation.stringInput("input")), Rehearsal.START);
        } catch (Exception e) {
            throw new IllegalStateException("the trigger's invocation failed: " + e.getMessage(), e);
        }
    }
}
