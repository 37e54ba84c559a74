package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.rehearsal.data.PaymentSchema;
import com.paymentmigration.rehearsal.scenarios.Invariant;
import com.paymentmigration.rehearsal.scenarios.Timeline;
import com.paymentmigration.rehearsal.standins.AwsStandIns;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.paymentmigration.rehearsal.databacked.DataInvariants.auroraTookWrites;
import static com.paymentmigration.rehearsal.databacked.DataInvariants.endWriter;
import static com.paymentmigration.rehearsal.databacked.DataInvariants.finalValidation;
import static com.paymentmigration.rehearsal.databacked.DataInvariants.freezeMeasured;
import static com.paymentmigration.rehearsal.databacked.DataInvariants.nothingLostDuplicatedOrStale;
import static com.paymentmigration.rehearsal.databacked.DataInvariants.settledPairMatches;
import static com.paymentmigration.rehearsal.scenarios.Invariants.failedWith;
import static com.paymentmigration.rehearsal.scenarios.Invariants.parameter;
import static com.paymentmigration.rehearsal.scenarios.Invariants.rollbackStarted;
import static com.paymentmigration.rehearsal.scenarios.Invariants.status;
import static com.paymentmigration.rehearsal.scenarios.Invariants.trafficAt;

/** The rehearsals on real data that every change to the definitions must pass ({@code rehearse --data}). */
public final class DataScenarios {

    /**
     * Stack config every data rehearsal runs with: the payments schema it writes as the selection, two one-minute
     * traffic steps, a one-minute bake, one CDC check, and a freeze limit that leaves room for real work seen on a
     * faster clock (a second of validation is {@code speed} seconds on it).
     */
    public static final List<String> DATA_CONFIG = List.of("replicatedTables=[\"" + PaymentSchema.SCHEMA + ".%\"]",
            "trafficSteps=[50,100]", "trafficBakeMinutes=[1]", "cutoverBakeMinutes=1", "cdcLatencyConsecutiveChecks=1",
            "writeFreezeMaxSeconds=1800");

    private DataScenarios() {
    }

    public static List<DataScenario> all() {
        return List.of(
                new DataScenario("data-happy-path", "the whole migration to completed while payments are written",
                        DATA_CONFIG, DataScenarios::migrate, List.of(status("migration", "SUCCEEDED"),
                        rollbackStarted(false), trafficAt(100), parameter(Targets.ACTIVE_WRITER, "aurora")),
                        List.of(nothingLostDuplicatedOrStale(), finalValidation("MATCH"), freezeMeasured(),
                                auroraTookWrites(), settledPairMatches(), endWriter("aurora"))),
                new DataScenario("data-rollback-after-cutover", "an alarm in the bake after the cutover: the payments "
                        + "written to Aurora are carried back and on-prem is the writer again", DATA_CONFIG,
                        r -> {
                            alarmOnceAuroraWrites(r.rehearsal().aws());
                            migrate(r);
                        }, List.of(status("migration", "FAILED"), failedWith("migration", "AlarmFiring"),
                        status("rollback", "SUCCEEDED"), trafficAt(0)),
                        List.of(nothingLostDuplicatedOrStale(), finalValidation("MATCH"), freezeMeasured(),
                                auroraTookWrites(), endWriter("onprem"))),
                new DataScenario("data-rollback-during-traffic-shift", "the API's 5XX alarm fires at 50% of the traffic: "
                        + "the rollback returns it while on-prem keeps every payment", DATA_CONFIG,
                        r -> {
                            alarmAtHalfTraffic(r.rehearsal().aws());
                            migrate(r);
                        }, List.of(status("migration", "FAILED"), failedWith("migration", "AlarmFiring"),
                        status("rollback", "SUCCEEDED"), trafficAt(0), parameter(Targets.WRITE_FREEZE, "off")),
                        List.of(nothingLostDuplicatedOrStale(), endWriter("onprem"))),
                new DataScenario("data-corrupted-target-row", "a preloaded payment is changed on Aurora once writes "
                        + "are frozen, after the full pre-freeze validation found MATCH: the final validation, which "
                        + "checks only what changed since, must still find it and stop the cutover", DATA_CONFIG,
                        r -> {
                            corruptOnceWritesFreeze(r);
                            migrate(r);
                        }, List.of(status("migration", "FAILED"), failedWith("migration", "ValidationMismatch"),
                        status("rollback", "SUCCEEDED"), trafficAt(0), neverCutOver(),
                        parameter(Targets.VALIDATION_STATUS, "MISMATCH")),
                        List.of(nothingLostDuplicatedOrStale(), finalValidation("MISMATCH"), freezeMeasured(),
                                endWriter("onprem"))));
    }

    public static DataScenario named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new NoSuchElementException(
                "no data scenario " + name + "; they are " + all().stream().map(DataScenario::name).toList()));
    }

    private static void migrate(DataRehearsal r) {
        r.rehearsal().migrate(r.clock().now());
    }

    private static Invariant neverCutOver() {
        return new Invariant("Aurora never became the writer", r -> new Timeline(r)
                .writes(Targets.ACTIVE_WRITER).stream().filter(w -> w.value().equals("aurora")).findFirst()
                .map(w -> "it did, in " + w.state()));
    }

    private static String alarm(AwsStandIns aws, String purpose) {
        return aws.metrics.alarmNames().stream().filter(n -> n.contains(purpose)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the plan has no " + purpose + " alarm"));
    }

    /** The DMS task-errors alarm is in ALARM once Aurora is the writer and writes have thawed. */
    private static void alarmOnceAuroraWrites(AwsStandIns aws) {
        var alarm = alarm(aws, "dms-task-errors");
        var writer = aws.parameters.nameOf(Targets.ACTIVE_WRITER);
        var freeze = aws.parameters.nameOf(Targets.WRITE_FREEZE);
        aws.metrics.scriptAlarms((name, at) -> name.equals(alarm) && aws.parameters.value(writer).orElse("").equals("aurora")
                && aws.parameters.value(freeze).orElse("").equals("off") ? StateValue.ALARM : null);
    }

    /** The 5XX alarm is in ALARM once the traffic parameter says the new backend has half or more. */
    private static void alarmAtHalfTraffic(AwsStandIns aws) {
        var alarm = alarm(aws, "api-5xx-rate");
        var traffic = aws.parameters.nameOf(Targets.TRAFFIC);
        aws.metrics.scriptAlarms((name, at) -> name.equals(alarm)
                && Integer.parseInt(aws.parameters.value(traffic).orElse("0")) >= 50 ? StateValue.ALARM : null);
    }

    /**
     * When the freeze is set (the full pre-freeze validation has found MATCH), the oldest preloaded payment's amount
     * changes on Aurora alone: a settled payment nobody writes again, so replication never repairs it, and only the
     * change slot on Aurora can tell the changes-only final validation that it moved.
     */
    private static void corruptOnceWritesFreeze(DataRehearsal r) {
        if (r.settings().preload() < 1) {
            throw new IllegalArgumentException("this scenario corrupts a preloaded payment: give --preload 1 or more");
        }
        var aws = r.rehearsal().aws();
        var freeze = aws.parameters.nameOf(Targets.WRITE_FREEZE);
        var done = new AtomicBoolean();
        aws.afterEachCall(call -> {
            if (call.operation().equals("ssm:putParameter") && call.arguments().path("Name").asText().equals(freeze)
                    && call.arguments().path("Value").asText().equals("on") && done.compareAndSet(false, true)) {
                try (var connection = r.plane().aurora().connect(); var statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE " + PaymentSchema.PAYMENT + " SET amount = amount + 1"
                            + " WHERE id = (SELECT min(id) FROM " + PaymentSchema.PAYMENT + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException("corrupting a row on Aurora failed: " + e.getMessage(), e);
                }
            }
        });
    }
}
