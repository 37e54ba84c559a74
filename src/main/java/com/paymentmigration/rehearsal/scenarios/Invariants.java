package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.ReplicationTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The invariants the scenarios check, each read from the timeline and the stand-ins' state. */
public final class Invariants {

    /** Marks the failures a scenario injects, so that they are not taken for the definitions' own. */
    public static final String INJECTED = "injected by the scenario";

    private Invariants() {
    }

    /** What holds in every scenario, whatever its outcome. */
    public static List<Invariant> always() {
        return java.util.stream.Stream.concat(common().stream(), ReplicationInvariants.always().stream()).toList();
    }

    private static List<Invariant> common() {
        return List.of(
                new Invariant("every call is allowed by its role, valid for its API and on a resource the plan creates",
                        r -> first(r.aws().calls().stream().filter(c -> !c.succeeded() && !c.cause().contains(INJECTED))
                                .map(c -> c.state() + " " + c.operation() + ": " + c.error() + " " + c.cause()).toList())),
                new Invariant("the alarm gates read only alarms the plan creates",
                        r -> r.aws().metrics.unknownAlarmsRead().isEmpty() ? Optional.empty()
                                : Optional.of("read " + r.aws().metrics.unknownAlarmsRead())),
                new Invariant("writes are not left frozen", r -> {
                    var value = new Timeline(r).value(Targets.WRITE_FREEZE);
                    return value.equals("on") ? Optional.of("write-freeze is on at the end") : Optional.empty();
                }),
                new Invariant("the forward and reverse tasks never run at the same time", Invariants::tasksApart),
                new Invariant("Aurora becomes the writer only while the reverse task runs and the forward one is stopped",
                        Invariants::writerFlipSafe),
                new Invariant("every phase recorded is announced on the status topic", Invariants::phasesAnnounced));
    }

    public static Invariant status(String machine, String status) {
        return new Invariant("the " + machine + " execution ends " + status, r -> {
            var runs = machine.equals("migration") ? r.runsOf(r.migrationMachine()) : r.runsOf(r.rollbackMachine());
            if (runs.isEmpty()) {
                return Optional.of("no " + machine + " execution ran");
            }
            var last = runs.get(runs.size() - 1);
            return last.status().equals(status) ? Optional.empty()
                    : Optional.of(last.status() + " " + last.error() + ": " + last.cause());
        });
    }

    public static Invariant parameter(ParameterKey key, String value) {
        return new Invariant(key.key() + " is " + value + " at the end", r -> {
            var actual = new Timeline(r).value(key);
            return actual.equals(value) ? Optional.empty() : Optional.of("it is " + actual);
        });
    }

    public static Invariant phases(List<String> expected) {
        return new Invariant("the phases are recorded in order " + expected, r -> {
            var actual = new Timeline(r).writes(Targets.PHASE).stream().map(Timeline.Write::value).toList();
            return actual.equals(expected) ? Optional.empty() : Optional.of("recorded " + actual);
        });
    }

    /** Traffic share parameter, the canary (when the API shifts) and the weights (when DNS shifts) all at one share. */
    public static Invariant trafficAt(int percent) {
        return new Invariant("the new backend has " + percent + "% of the traffic at the end (parameter, canary, DNS weights)",
                r -> {
                    var problems = new ArrayList<String>();
                    var timeline = new Timeline(r);
                    if (shifts(r, "apigateway:updateStage")) {
                        if (!timeline.value(Targets.TRAFFIC).equals(String.valueOf(percent))) {
                            problems.add("traffic parameter " + timeline.value(Targets.TRAFFIC));
                        }
                        r.aws().stages.canaryPercent().filter(p -> p != percent).ifPresent(p -> problems.add("canary " + p));
                    }
                    if (shifts(r, "route53:changeResourceRecordSets")) {
                        for (var zone : r.aws().zones.zoneIds()) {
                            var weights = r.aws().zones.weights(zone);
                            if (weights.get("new") != percent || weights.get("legacy") != 100 - percent) {
                                problems.add("weights " + weights);
                            }
                        }
                    }
                    return first(problems);
                });
    }

    /** Nothing moved traffic: no canary share or DNS weight above zero was ever set. */
    public static Invariant trafficNeverMoved() {
        return new Invariant("no traffic moved to the new backend", r -> {
            var moved = r.aws().stages.canaryHistory().stream().anyMatch(p -> p != null && p > 0)
                    || r.aws().zones.weightHistory().stream().anyMatch(w -> w.getOrDefault("new", 0L) > 0);
            return moved ? Optional.of("canary " + r.aws().stages.canaryHistory() + ", weights "
                    + r.aws().zones.weightHistory()) : Optional.empty();
        });
    }

    public static Invariant reverseStartedAfterForwardStopped() {
        return new Invariant("the reverse task is started only after the forward one has stopped", r -> {
            var timeline = new Timeline(r);
            var forward = task(r, r.stack().output("forwardTaskArn"));
            for (var start : timeline.succeeded("databasemigration:startReplicationTask")) {
                if (start.arguments().path("ReplicationTaskArn").asText().equals(r.stack().output("reverseTaskArn"))
                        && !ReplicationInvariants.statusAt(forward, start.time(), r.end()).matches("stopped|ready|failed")) {
                    return Optional.of("started at " + Timeline.offset(start.time()) + " with the forward task "
                            + ReplicationInvariants.statusAt(forward, start.time(), r.end()));
                }
            }
            return Optional.empty();
        });
    }

    public static Invariant rollbackStarted(boolean started) {
        return new Invariant(started ? "the rollback ran" : "no rollback ran",
                r -> r.runsOf(r.rollbackMachine()).isEmpty() == started
                        ? Optional.of(started ? "it did not" : "it did") : Optional.empty());
    }

    public static Invariant alarmTopicAlerted() {
        return new Invariant("the alarm topic was alerted", r -> r.aws().messaging.published().stream()
                .anyMatch(m -> m.topicArn().equals(r.stack().output("alarmTopicArn")))
                ? Optional.empty() : Optional.of("nothing was published to it"));
    }

    /** A message on the alarm topic names {@code error}: the human is told what stopped the rollback. */
    public static Invariant alarmTopicToldOf(String error) {
        return new Invariant("the alarm topic was told of " + error, r -> r.aws().messaging.published().stream()
                .anyMatch(m -> m.topicArn().equals(r.stack().output("alarmTopicArn")) && m.body().contains(error))
                ? Optional.empty() : Optional.of("no alarm message names it: " + r.aws().messaging.published()));
    }

    /** During the rollback, on-prem becomes the writer only after the reverse drain marker arrived, writes frozen. */
    public static Invariant reverseDrainedBeforeFlipBack() {
        return new Invariant("the rollback makes on-prem the writer only after the reverse task drained, writes frozen",
                r -> {
                    var writer = r.aws().parameters.nameOf(Targets.ACTIVE_WRITER);
                    var freeze = r.aws().parameters.nameOf(Targets.WRITE_FREEZE);
                    boolean frozen = false;
                    boolean drained = false;
                    // In call order: the state when the flip was made is what the calls before it left.
                    for (var call : r.aws().calls()) {
                        if (!call.succeeded()) {
                            continue;
                        }
                        var name = call.arguments().path("Name").asText();
                        if (call.operation().equals("ssm:putParameter") && name.equals(freeze)) {
                            frozen = call.arguments().path("Value").asText().equals("on");
                        } else if (call.operation().equals("lambda:invoke") && call.arguments().at("/Payload/operation")
                                .asText().equals("drainMarkerSeen")) {
                            // Drained is proven by the marker committed on Aurora inside this freeze arriving on-prem.
                            drained = frozen && call.arguments().at("/Payload/database").asText().equals("onprem")
                                    && call.result().at("/Payload/seen").asBoolean();
                        } else if (call.operation().equals("ssm:putParameter") && name.equals(writer)
                                && call.arguments().path("Value").asText().equals("onprem")) {
                            return drained && frozen ? Optional.empty() : Optional.of("flip at "
                                    + Timeline.offset(call.time()) + ": drained " + drained + ", frozen " + frozen);
                        }
                    }
                    return Optional.of("on-prem never became the writer again");
                });
    }

    public static Invariant failedWith(String machine, String error) {
        return new Invariant("the " + machine + " run failed because of " + error, r -> {
            var rollbacks = r.runsOf(r.rollbackMachine());
            var reason = rollbacks.isEmpty() ? "" : rollbacks.get(0).events().get(0).details().toString();
            return reason.contains(error) ? Optional.empty() : Optional.of("the rollback's input is " + reason);
        });
    }

    static boolean shifts(Rehearsal r, String operation) {
        return r.stack().machine(r.migrationMachine()).definition().contains(operation);
    }

    private static ReplicationTask task(Rehearsal r, String arn) {
        return r.aws().dms.task(arn);
    }

    private static Optional<String> tasksApart(Rehearsal r) {
        var end = r.end();
        var forward = task(r, r.stack().output("forwardTaskArn"));
        var reverse = task(r, r.stack().output("reverseTaskArn"));
        for (var t : forward.history(end)) {
            if (!t.status().equals("ready") && !t.status().equals("stopped") && !t.status().equals("failed")
                    && active(reverse, t.at(), end)) {
                return Optional.of("at " + Timeline.offset(t.at()) + " forward " + t.status() + ", reverse "
                        + reverse.status(t.at()));
            }
        }
        for (var t : reverse.history(end)) {
            if (t.status().matches("starting|running") && active(forward, t.at(), end)) {
                return Optional.of("at " + Timeline.offset(t.at()) + " reverse " + t.status() + ", forward "
                        + forward.status(t.at()));
            }
        }
        return Optional.empty();
    }

    private static boolean active(ReplicationTask task, Instant at, Instant end) {
        return task.history(end).stream().filter(t -> !t.at().isAfter(at)).reduce((a, b) -> b)
                .map(t -> t.status().matches("starting|running|stopping")).orElse(false);
    }

    private static Optional<String> writerFlipSafe(Rehearsal r) {
        var forward = task(r, r.stack().output("forwardTaskArn"));
        var reverse = task(r, r.stack().output("reverseTaskArn"));
        for (var write : new Timeline(r).writes(Targets.ACTIVE_WRITER)) {
            // Read from the history: the tasks' status now says nothing of what it was at the flip.
            var reverseThen = ReplicationInvariants.statusAt(reverse, write.time(), r.end());
            var forwardThen = ReplicationInvariants.statusAt(forward, write.time(), r.end());
            if (write.value().equals("aurora") && (!reverseThen.equals("running") || !forwardThen.equals("stopped"))) {
                return Optional.of("at " + Timeline.offset(write.time()) + " reverse " + reverseThen + ", forward "
                        + forwardThen);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> phasesAnnounced(Rehearsal r) {
        var status = r.stack().output("statusTopicArn");
        var published = r.aws().messaging.published();
        var missing = new ArrayList<String>();
        for (var phase : new Timeline(r).writes(Targets.PHASE)) {
            var announced = published.stream().anyMatch(m -> m.topicArn().equals(status) && !m.time().isBefore(phase.time())
                    && m.subject() != null && m.subject().endsWith(": " + phase.value()));
            if (!announced) {
                missing.add(phase.value());
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("not announced: " + missing);
    }

    private static Optional<String> first(List<String> problems) {
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }

    public static Invariant taskStatus(String label, String outputName, String status) {
        return new Invariant("the " + label + " task is " + status + " at the end", r -> {
            var actual = task(r, r.stack().output(outputName)).status(r.end());
            return actual.equals(status) ? Optional.empty() : Optional.of("it is " + actual);
        });
    }

    /** Nothing the second snapshot holds differs from the first. */
    public static Invariant unchangedBetween(String before, String after) {
        return new Invariant("nothing changed between '" + before + "' and '" + after + "'", r -> {
            var first = r.remembered(before);
            var second = r.remembered(after);
            var changed = first.keySet().stream().filter(k -> !first.get(k).equals(second.get(k)))
                    .map(k -> k + ": " + first.get(k) + " -> " + second.get(k)).toList();
            return first(changed);
        });
    }

    /** Every injected throttle was followed by a successful retry of the same state. */
    public static Invariant throttlesRetried() {
        return new Invariant("every throttled call was retried and then succeeded", r -> {
            var calls = r.aws().calls();
            var problems = new ArrayList<String>();
            for (int i = 0; i < calls.size(); i++) {
                var failed = calls.get(i);
                if (!failed.succeeded() && failed.error().endsWith("ThrottlingException")) {
                    var recovered = calls.subList(i + 1, calls.size()).stream().anyMatch(c -> c.succeeded()
                            && c.executionArn().equals(failed.executionArn()) && c.state().equals(failed.state())
                            && c.attempt() > failed.attempt());
                    if (!recovered) {
                        problems.add(failed.state() + " at " + Timeline.offset(failed.time()));
                    }
                }
            }
            var throttled = calls.stream().filter(c -> !c.succeeded() && c.error().endsWith("ThrottlingException")).count();
            return throttled == 0 ? Optional.of("nothing was throttled") : first(problems);
        });
    }
}
