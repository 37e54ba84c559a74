package com.paymentmigration.rehearsal.standins;

import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One DMS task's life on the virtual clock. A transition that takes time (starting, stopping, the full load) is
 * recorded when it begins and read off the clock when the task is described, so no background ticking is needed.
 */
public final class ReplicationTask {

    /** How long DMS takes to start and to stop a task (typical; the rehearsal needs only that they take time). */
    static final Duration STARTING = Duration.ofSeconds(45);
    static final Duration STOPPING = Duration.ofSeconds(30);

    /** One accepted StartReplicationTask: its type and the CDC start position it named, if any. */
    public record Start(Instant at, String type, java.util.Optional<String> cdcStartPosition) {
    }

    /** One recorded status change, for the invariants. */
    public record Transition(Instant at, String status) {
    }

    private final String arn;
    private final String id;
    private final String migrationType;
    private final String instanceArn;
    private final String sourceArn;
    private final String targetArn;
    private final String tableMappings;
    private final Instant created;
    private final List<Transition> history = new ArrayList<>();
    private final List<Start> starts = new ArrayList<>();
    /** A scenario's scripting. */
    Duration fullLoad = Duration.ofMinutes(40);
    boolean failsToStart;
    int tables = 12;

    /** How long a committed change takes to be applied on the target while the task runs; empty: never applied. */
    private java.util.Optional<Duration> applyLag = java.util.Optional.of(Duration.ofSeconds(3));
    /** Whether the task's table mappings select the drain marker table (read from the plan). */
    private boolean replicatesDrainMarker;

    private Instant startRequested;
    private Instant stopRequested;
    private Instant loadStarted;
    private boolean loaded;
    private Instant loadFinished;
    private String failure = "Task error notification received from subtask 0, thread 0 [reptask/replicationtask.c:2800] "
            + "Error executing source loop; Stream component failed at subtask 0";

    ReplicationTask(String arn, String id, String migrationType, String instanceArn, String sourceArn, String targetArn,
                    String tableMappings, Instant created) {
        this.arn = arn;
        this.id = id;
        this.migrationType = migrationType;
        this.instanceArn = instanceArn;
        this.sourceArn = sourceArn;
        this.targetArn = targetArn;
        this.tableMappings = tableMappings;
        this.created = created;
        history.add(new Transition(created, "ready"));
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return id;
    }

    public String sourceEndpointArn() {
        return sourceArn;
    }

    public String targetEndpointArn() {
        return targetArn;
    }

    /** The task's table mappings as the plan gives them (DMS's JSON: selection rules with include/exclude). */
    public String tableMappings() {
        return tableMappings;
    }

    public String migrationType() {
        return migrationType;
    }

    /** Scripts a failure: the next start ends in {@code failed}. */
    public void failToStart() {
        failsToStart = true;
    }

    public void fullLoadTakes(Duration duration) {
        fullLoad = duration;
    }

    /** Scripts a stuck apply (e.g. the target blocked behind a lock): the task runs, but nothing reaches the target. */
    public void stopApplying() {
        applyLag = java.util.Optional.empty();
    }

    void replicatesDrainMarker(boolean selected) {
        replicatesDrainMarker = selected;
    }

    /**
     * Whether a drain marker committed on the source at {@code committed} has been applied by {@code now}: the mappings
     * select its table, the task runs, and has run for the apply lag since both the commit and its last start (a
     * change committed while the task was stopped waits in the slot until it runs again).
     */
    boolean appliedDrainMarker(Instant committed, Instant now) {
        if (!replicatesDrainMarker || applyLag.isEmpty() || !status(now).equals("running")) {
            return false;
        }
        var running = history.stream().filter(t -> t.status().equals("running") && !t.at().isAfter(now))
                .reduce((a, b) -> b).orElseThrow().at();
        var from = committed.isAfter(running) ? committed : running;
        return !now.isBefore(from.plus(applyLag.get()));
    }

    /** The status at {@code now}, after any transition that has finished by then. */
    public String status(Instant now) {
        var last = history.get(history.size() - 1);
        if (last.status().equals("starting") && !now.isBefore(startRequested.plus(STARTING))) {
            var at = startRequested.plus(STARTING);
            history.add(new Transition(at, failsToStart ? "failed" : "running"));
            if (!failsToStart && loadStarted == null && migrationType.startsWith("full-load")) {
                loadStarted = at;
            }
        } else if (last.status().equals("stopping") && !now.isBefore(stopRequested.plus(STOPPING))) {
            history.add(new Transition(stopRequested.plus(STOPPING), "stopped"));
        }
        return history.get(history.size() - 1).status();
    }

    /** Status changes so far (read at {@code now}). */
    public List<Transition> history(Instant now) {
        status(now);
        return List.copyOf(history);
    }

    /** When the task was last seen entering {@code status}, if ever. */
    public java.util.Optional<Instant> firstTime(String status, Instant now) {
        return history(now).stream().filter(t -> t.status().equals(status)).map(Transition::at).findFirst();
    }

    /** Every start DMS accepted, in order. */
    public List<Start> starts() {
        return List.copyOf(starts);
    }

    void start(Instant now, String type, String cdcStartPosition) {
        starts.add(new Start(now, type, java.util.Optional.ofNullable(cdcStartPosition)));
        var resume = type.equals("resume-processing");
        startRequested = now;
        if (!resume) {
            loadStarted = null;
            loaded = false;
            loadFinished = null;
        }
        history.add(new Transition(now, "starting"));
    }

    /** The start just requested ends in {@code failed} with DMS's {@code message}: what really went wrong. */
    void failStart(String message) {
        failsToStart = true;
        failure = message;
    }

    void stop(Instant now) {
        stopRequested = now;
        history.add(new Transition(now, "stopping"));
    }

    Map<String, String> filterValues() {
        return Map.of("replication-task-arn", arn, "replication-task-id", id, "migration-type", migrationType,
                "endpoint-arn", sourceArn, "replication-instance-arn", instanceArn);
    }

    software.amazon.awssdk.services.databasemigration.model.ReplicationTask describe(Instant now, boolean settings) {
        return describe(now, settings, java.util.Optional.empty());
    }

    /** @param progress the tables selected and loaded so far by a real full load; empty to model it on the clock */
    software.amazon.awssdk.services.databasemigration.model.ReplicationTask describe(Instant now, boolean settings,
            java.util.Optional<ReplicationService.FullLoad> progress) {
        var status = status(now);
        var stats = ReplicationTaskStats.builder().tablesErrored(0);
        if (loadStarted != null && progress.isPresent()) {
            var load = progress.get();
            if (loadFinished == null && status.equals("running") && load.done()) {
                loadFinished = now;
            }
            int percent = load.tables() == 0 ? 0 : load.loaded() * 100 / load.tables();
            stats.fullLoadProgressPercent(percent).tablesLoaded(load.loaded())
                    .tablesLoading(load.tables() - load.loaded()).tablesQueued(0).fullLoadStartDate(loadStarted)
                    .startDate(loadStarted).elapsedTimeMillis(Duration.between(loadStarted, now).toMillis());
            if (loadFinished != null) {
                stats.fullLoadFinishDate(loadFinished);
            }
        } else if (loadStarted != null) {
            var elapsed = Duration.between(loadStarted, now);
            loaded |= status.equals("running") && elapsed.compareTo(fullLoad) >= 0;
            int percent = loaded ? 100 : (int) Math.min(99, elapsed.toMillis() * 100 / fullLoad.toMillis());
            int done = tables * percent / 100;
            stats.fullLoadProgressPercent(percent).tablesLoaded(done).tablesLoading(loaded ? 0 : Math.min(4, tables - done))
                    .tablesQueued(loaded ? 0 : Math.max(0, tables - done - 4)).fullLoadStartDate(loadStarted)
                    .startDate(loadStarted).elapsedTimeMillis(elapsed.toMillis());
            if (loaded) {
                stats.fullLoadFinishDate(loadStarted.plus(fullLoad));
            }
        }
        var task = software.amazon.awssdk.services.databasemigration.model.ReplicationTask.builder()
                .replicationTaskIdentifier(id).replicationTaskArn(arn).migrationType(migrationType)
                .replicationInstanceArn(instanceArn).sourceEndpointArn(sourceArn).targetEndpointArn(targetArn)
                .status(status).replicationTaskCreationDate(created).replicationTaskStats(stats.build());
        if (startRequested != null) {
            task.replicationTaskStartDate(startRequested);
        }
        if (status.equals("failed")) {
            task.lastFailureMessage(failure);
        }
        if (status.equals("stopped")) {
            task.stopReason("Stop Reason NORMAL");
        }
        if (settings) {
            task.replicationTaskSettings("{}").tableMappings(tableMappings == null ? "{}" : tableMappings);
        }
        return task.build();
    }
}
