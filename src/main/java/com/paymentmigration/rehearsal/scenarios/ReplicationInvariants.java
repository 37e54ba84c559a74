package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.AwsStandIns.CallRecord;
import com.paymentmigration.rehearsal.standins.ReplicationTask;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The replication design's invariants (one direction at a time, slots owned, sequences carried at every writer flip),
 * read in call order: at one virtual instant several calls happen, and only their order says which came first.
 */
public final class ReplicationInvariants {

    private static final String CREATE_SLOT = "createSlot";
    private static final String SYNC_SEQUENCES = "syncSequences";
    private static final String DRAIN_MARKER_WRITE = "writeDrainMarker";
    private static final String DRAIN_MARKER_SEEN = "drainMarkerSeen";

    private ReplicationInvariants() {
    }

    /** What holds in every scenario. */
    static List<Invariant> always() {
        return List.of(
                new Invariant("each freeze starts the reverse task at most once, with start-replication at the position "
                        + "of the slot created in that freeze; otherwise it is only resumed",
                        ReplicationInvariants::reverseStartsAtItsSlot),
                new Invariant("sequences are carried to the new writer inside the freeze before each writer flip",
                        ReplicationInvariants::sequencesBeforeFlips),
                new Invariant("the migration drops the forward slot only while the reverse task runs",
                        ReplicationInvariants::forwardSlotDroppedAfterReverseRuns),
                new Invariant("the drain is looked for only once the writers' flag age and longest transaction have "
                        + "passed since the freeze, the writer flips only once the drain marker arrived, and writes "
                        + "thaw after a flip only once the flag age has passed",
                        ReplicationInvariants::writersWaitedOut),
                new Invariant("no change slot is left pinning WAL: every one created is dropped by the end",
                        ReplicationInvariants::changeSlotsDropped));
    }

    /** The status {@code task} had at {@code at}, read from its whole history up to the rehearsal's end. */
    static String statusAt(ReplicationTask task, Instant at, Instant end) {
        return task.history(end).stream().filter(t -> !t.at().isAfter(at)).reduce((a, b) -> b)
                .map(ReplicationTask.Transition::status).orElse("ready");
    }

    /** After a cutover: the reverse task started exactly once, the forward slot gone from on-prem. */
    public static Invariant reverseStartedOnce() {
        return new Invariant("the reverse task was started exactly once", r -> {
            var starts = reverse(r).starts();
            return starts.size() == 1 ? Optional.empty() : Optional.of("started " + starts);
        });
    }

    /** A preflight refusal: no DMS task was ever started. */
    public static Invariant neverStarted() {
        return new Invariant("no replication task was started", r -> {
            var started = r.aws().dms.tasks().stream().filter(t -> !t.starts().isEmpty()).map(ReplicationTask::id).toList();
            return started.isEmpty() ? Optional.empty() : Optional.of("started " + started);
        });
    }

    /** A rollback that finished leaves no task running and no slot pinning WAL on either side. */
    public static Invariant nothingLeftRunning() {
        return new Invariant("nothing is left running: both tasks at rest, no replication slot left", r -> {
            var problems = new ArrayList<String>();
            for (var task : r.aws().dms.tasks()) {
                var status = task.status(r.end());
                if (!status.matches("stopped|ready|failed")) {
                    problems.add(task.id() + " " + status);
                }
            }
            r.aws().functions.replicationOps().slots().stream().filter(s -> s.dropped().isEmpty())
                    .forEach(s -> problems.add("slot " + s.name() + " on " + s.database()));
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
        });
    }

    private static ReplicationTask reverse(Rehearsal r) {
        return r.aws().dms.task(r.stack().output("reverseTaskArn"));
    }

    private static Optional<String> reverseStartsAtItsSlot(Rehearsal r) {
        var reverseArn = r.stack().output("reverseTaskArn");
        var freeze = r.aws().parameters.nameOf(Targets.WRITE_FREEZE);
        boolean frozen = false;
        String slotOfThisFreeze = null;
        boolean startedInThisFreeze = false;
        for (var call : succeeded(r)) {
            if (isPut(call, freeze)) {
                frozen = call.arguments().path("Value").asText().equals("on");
                slotOfThisFreeze = null;
                startedInThisFreeze = false;
            } else if (isOp(call, CREATE_SLOT) && payload(call, "database").equals("aurora")) {
                slotOfThisFreeze = frozen ? call.result().at("/Payload/lsn").asText() : null;
                if (!frozen) {
                    return Optional.of("the reverse slot was created at " + Timeline.offset(call.time())
                            + " with writes not frozen");
                }
            } else if (call.operation().equals("databasemigration:startReplicationTask")
                    && call.arguments().path("ReplicationTaskArn").asText().equals(reverseArn)) {
                var type = call.arguments().path("StartReplicationTaskType").asText();
                var position = call.arguments().path("CdcStartPosition").asText(null);
                if (type.equals("resume-processing") && position == null) {
                    continue;
                }
                if (!type.equals("start-replication") || slotOfThisFreeze == null || startedInThisFreeze
                        || !slotOfThisFreeze.equals(position)) {
                    return Optional.of("at " + Timeline.offset(call.time()) + " " + type + " at " + position
                            + (slotOfThisFreeze == null ? ", no slot created in this freeze"
                            : startedInThisFreeze ? ", a second start in this freeze"
                            : ", the freeze's slot is at " + slotOfThisFreeze));
                }
                startedInThisFreeze = true;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sequencesBeforeFlips(Rehearsal r) {
        var freeze = r.aws().parameters.nameOf(Targets.WRITE_FREEZE);
        var writer = r.aws().parameters.nameOf(Targets.ACTIVE_WRITER);
        var current = planned(r, Targets.ACTIVE_WRITER);
        boolean frozen = false;
        var syncedTo = new HashSet<String>();
        for (var call : succeeded(r)) {
            if (isPut(call, freeze)) {
                frozen = call.arguments().path("Value").asText().equals("on");
                syncedTo.clear();
            } else if (isOp(call, SYNC_SEQUENCES) && frozen) {
                syncedTo.add(payload(call, "to"));
            } else if (isPut(call, writer)) {
                var next = call.arguments().path("Value").asText();
                if (!next.equals(current) && (!frozen || !syncedTo.contains(next))) {
                    return Optional.of("the writer flipped to " + next + " at " + Timeline.offset(call.time())
                            + (frozen ? " before the sequences were carried to it" : " with writes not frozen"));
                }
                current = next;
            }
        }
        return Optional.empty();
    }

    /** The cutover drops the forward slot only once the reverse path is confirmed (the rollback may drop it any time). */
    private static Optional<String> forwardSlotDroppedAfterReverseRuns(Rehearsal r) {
        var reverse = reverse(r);
        var migration = ":execution:" + r.stack().machine(r.migrationMachine()).name() + ":";
        for (var call : succeeded(r)) {
            if (call.executionArn().contains(migration) && isOp(call, "dropSlot")
                    && payload(call, "database").equals("onprem")
                    && !statusAt(reverse, call.time(), r.end()).equals("running")) {
                return Optional.of("the migration dropped on-prem's slots at " + Timeline.offset(call.time())
                        + " with the reverse task " + statusAt(reverse, call.time(), r.end()));
            }
        }
        return Optional.empty();
    }

    /**
     * The writers' contract as the plan publishes it ({@code database/writer-flag-max-age-seconds} and
     * {@code database/longest-write-transaction-seconds}), held against the calls' virtual times: a writer may act on
     * a flag cached that long, inside a transaction open that long, so nothing may rely on a flag's change sooner.
     */
    private static Optional<String> writersWaitedOut(Rehearsal r) {
        var flagAge = Duration.ofSeconds(Long.parseLong(planned(r, ParameterKey.DATABASE_WRITER_FLAG_MAX_AGE_SECONDS)));
        var transaction = Duration.ofSeconds(Long.parseLong(planned(r, ParameterKey.DATABASE_LONGEST_WRITE_TRANSACTION_SECONDS)));
        var freeze = r.aws().parameters.nameOf(Targets.WRITE_FREEZE);
        var writer = r.aws().parameters.nameOf(Targets.ACTIVE_WRITER);
        var current = planned(r, Targets.ACTIVE_WRITER);
        Instant frozenAt = null;
        Instant flippedAt = null;
        boolean drainProven = false;
        for (var call : succeeded(r)) {
            if (isPut(call, freeze) && call.arguments().path("Value").asText().equals("on")) {
                frozenAt = call.time();
                drainProven = false;
            } else if (isPut(call, freeze)) {
                if (flippedAt != null && call.time().isBefore(flippedAt.plus(flagAge))) {
                    return Optional.of("writes thawed at " + Timeline.offset(call.time()) + ", " + Duration.between(
                            flippedAt, call.time()).toSeconds() + " s after the writer flipped; writers cache it "
                            + flagAge.toSeconds() + " s");
                }
                frozenAt = null;
                flippedAt = null;
            } else if (isPut(call, writer) && !call.arguments().path("Value").asText().equals(current)) {
                if (!drainProven) {
                    return Optional.of("the writer flipped to " + call.arguments().path("Value").asText() + " at "
                            + Timeline.offset(call.time()) + " without a drain marker seen in this freeze");
                }
                current = call.arguments().path("Value").asText();
                flippedAt = call.time();
            } else if (frozenAt != null && isOp(call, DRAIN_MARKER_SEEN) && call.result().at("/Payload/seen").asBoolean()
                    && !call.time().isBefore(frozenAt.plus(flagAge).plus(transaction))) {
                drainProven = true;
            } else if (frozenAt != null && (isOp(call, DRAIN_MARKER_WRITE) || isOp(call, DRAIN_MARKER_SEEN))
                    && call.time().isBefore(frozenAt.plus(flagAge).plus(transaction))) {
                return Optional.of(payload(call, "operation") + " at " + Timeline.offset(call.time()) + ", "
                        + Duration.between(frozenAt, call.time()).toSeconds() + " s after the freeze; writers may act "
                        + "for " + flagAge.plus(transaction).toSeconds() + " s (flag age + longest transaction)");
            }
        }
        return Optional.empty();
    }

    /**
     * The cutover never saw its drain marker: it looked until the freeze limit (the plan's
     * {@code thresholds/write-freeze-max-seconds}) had passed, every look answered "not yet", and Aurora never wrote.
     */
    public static Invariant drainGaveUpAtTheLimit() {
        return new Invariant("the cutover looked for its drain marker until the freeze limit and never made Aurora "
                + "the writer", r -> {
            var limit = Duration.ofSeconds(Long.parseLong(planned(r, ParameterKey.THRESHOLD_WRITE_FREEZE_MAX_SECONDS)));
            var freeze = r.aws().parameters.nameOf(Targets.WRITE_FREEZE);
            var frozen = succeeded(r).stream().filter(c -> isPut(c, freeze)
                    && c.arguments().path("Value").asText().equals("on")).findFirst();
            var checks = r.aws().functions.replicationOps().drainChecks();
            if (frozen.isEmpty() || checks.isEmpty()) {
                return Optional.of("no freeze or no look for the marker");
            }
            if (checks.stream().anyMatch(c -> c.seen())) {
                return Optional.of("a marker was seen: " + checks);
            }
            var lastLook = checks.get(checks.size() - 1).at();
            if (lastLook.isBefore(frozen.get().time().plus(limit))) {
                return Optional.of("gave up " + Duration.between(frozen.get().time(), lastLook).toSeconds()
                        + " s into the freeze, before the limit of " + limit.toSeconds() + " s");
            }
            var writer = r.aws().parameters.nameOf(Targets.ACTIVE_WRITER);
            return succeeded(r).stream().anyMatch(c -> isPut(c, writer) && c.arguments().path("Value").asText()
                    .equals("aurora")) ? Optional.of("Aurora was made the writer") : Optional.empty();
        });
    }

    /** A configured parameter's value as the plan creates it. */
    private static String planned(Rehearsal r, ParameterKey key) {
        var name = r.aws().parameters.nameOf(key);
        return r.stack().parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan creates no " + name)).value();
    }

    private static Optional<String> changeSlotsDropped(Rehearsal r) {
        var names = succeeded(r).stream().filter(call -> isOp(call, "createChangeSlots"))
                .map(call -> payload(call, "slotName")).collect(java.util.stream.Collectors.toSet());
        var left = r.aws().functions.replicationOps().slots().stream()
                .filter(s -> names.contains(s.name()) && s.dropped().isEmpty())
                .map(s -> s.name() + " on " + s.database()).toList();
        return left.isEmpty() ? Optional.empty() : Optional.of("left: " + left);
    }

    private static List<CallRecord> succeeded(Rehearsal r) {
        return r.aws().calls().stream().filter(CallRecord::succeeded).toList();
    }

    private static boolean isPut(CallRecord call, String parameter) {
        return call.operation().equals("ssm:putParameter") && call.arguments().path("Name").asText().equals(parameter);
    }

    private static boolean isOp(CallRecord call, String operation) {
        return call.operation().equals("lambda:invoke") && payload(call, "operation").equals(operation);
    }

    private static String payload(CallRecord call, String field) {
        return call.arguments().path("Payload").path(field).asText("");
    }
}
