package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.executor.WallClock;
import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.rehearsal.data.Endpoint;
import com.paymentmigration.rehearsal.data.FlagCache;
import com.paymentmigration.rehearsal.data.Ledger;
import com.paymentmigration.rehearsal.data.PaymentSchema;
import com.paymentmigration.rehearsal.data.PaymentWriter;
import com.paymentmigration.rehearsal.data.WriterFlags;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.paymentmigration.replication.TaskSettings;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A rehearsal that moves real payments: the plan's state machines on a {@link WallClock}, the DMS stand-in's tasks
 * replicating between two real servers, the validator's and replication-ops' own code against them, and a payment
 * writer obeying the stand-in's parameters through its flag cache, while the ledger keeps what it acknowledged.
 */
public final class DataRehearsal implements AutoCloseable {

    /**
     * @param preload         settled payments on on-prem before anything starts
     * @param writesPerSecond the writer's rate, all workers together
     * @param workers         concurrent writers (request threads)
     * @param clockSpeed      rehearsal seconds per real second (1: real time)
     */
    public record Settings(int preload, double writesPerSecond, int workers, double clockSpeed) {

        public Settings {
            if (preload < 0) {
                throw new IllegalArgumentException("preload " + preload + ": give 0 or more payments");
            }
            if (!(writesPerSecond > 0)) {
                throw new IllegalArgumentException("rate " + writesPerSecond + ": give a positive number of writes per second");
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers " + workers + ": give at least 1");
            }
            if (!(clockSpeed >= 1) || Double.isInfinite(clockSpeed)) {
                throw new IllegalArgumentException("speed " + clockSpeed + ": give 1 (real time) or more (faster)");
            }
        }
    }

    /** How long the settling after a scenario may take before it counts as not drained. */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final DataPlane plane;
    private final Settings settings;
    private final WallClock clock;
    private final Rehearsal rehearsal;
    private final Ledger ledger = new Ledger();
    private final TaskReplication tasks;
    private final ReplicationLatency latency;
    private final PaymentWriter writer;
    private final Duration flagMaxAge;
    private PaymentWriter.Stats stats;
    private Instant realStart;
    private Instant realEnd;

    /** Prepares both databases (schema, preload, DMS's control schema) and wires the stand-ins to them. */
    public DataRehearsal(PlannedStack stack, DataPlane plane, Settings settings) throws SQLException {
        this.plane = plane;
        this.settings = settings;
        this.clock = new WallClock(settings.clockSpeed());
        prepare();
        this.rehearsal = new Rehearsal(stack, clock);
        var aws = rehearsal.aws();
        // The writers learn how long they may cache the flags where every writer does: the parameter the plan
        // publishes from writerFlagMaxAgeSeconds, the same value the state machines wait out.
        this.flagMaxAge = Duration.ofSeconds(Long.parseLong(aws.parameters.value(
                aws.parameters.nameOf(ParameterKey.DATABASE_WRITER_FLAG_MAX_AGE_SECONDS)).orElseThrow()));
        this.tasks = new TaskReplication(plane, stack, aws.dms);
        aws.dms.backend(tasks);
        this.latency = new ReplicationLatency(aws.dms, tasks, clock);
        aws.metrics.scriptLatency(latency);
        aws.functions.runValidator(RealFunctions.validator(plane));
        aws.functions.runReplicationOps(RealFunctions.replicationOps(plane));
        var writerParameter = aws.parameters.nameOf(Targets.ACTIVE_WRITER);
        var freezeParameter = aws.parameters.nameOf(Targets.WRITE_FREEZE);
        var flags = new FlagCache(() -> WriterFlags.of(aws.parameters.value(writerParameter).orElseThrow(),
                aws.parameters.value(freezeParameter).orElseThrow()), flagMaxAge, clock::nanos);
        this.writer = new PaymentWriter(Map.of(WriterFlags.ONPREM, plane.onprem(), WriterFlags.AURORA, plane.aurora()),
                flags, ledger, new PaymentWriter.Settings(settings.workers(), settings.writesPerSecond(),
                Duration.ofMillis(100), 1), System::nanoTime);
    }

    private void prepare() throws SQLException {
        PaymentSchema.create(plane.onprem(), true);
        // The target's schema is restored before the migration (pg_dump --schema-only), as the runbook has it.
        PaymentSchema.create(plane.aurora(), false);
        PaymentSchema.preload(plane.onprem(), settings.preload());
        for (var endpoint : new Endpoint[]{plane.onprem(), plane.aurora()}) {
            try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
                // The drain marker table is not made here: the migration's preflight creates it on both databases
                // (replication-ops writeDrainMarker) before either task starts, so both publications hold it.
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + TaskSettings.CONTROL_SCHEMA);
            }
        }
    }

    public Rehearsal rehearsal() {
        return rehearsal;
    }

    public DataPlane plane() {
        return plane;
    }

    public Settings settings() {
        return settings;
    }

    public WallClock clock() {
        return clock;
    }

    public Duration flagMaxAge() {
        return flagMaxAge;
    }

    /**
     * Runs {@code act} with the writer writing throughout; then stops the writer (every write it made acknowledged),
     * and waits until the direction still replicating has applied everything, so the audit sees the settled state.
     */
    public void run(java.util.function.Consumer<DataRehearsal> act) throws SQLException, InterruptedException {
        realStart = Instant.now();
        writer.start();
        try {
            act.accept(this);
        } finally {
            try {
                stats = writer.finish(SETTLE);
            } catch (IllegalStateException stillPending) {
                // Writes left frozen (or a database gone): the count says how many were never acknowledged.
                stats = writer.stats();
            }
        }
        for (var task : rehearsal.aws().dms.tasks()) {
            if (task.status(clock.now()).equals("running")) {
                var replication = tasks.replication(task);
                var position = replication.sourcePosition();
                long deadline = System.nanoTime() + SETTLE.toNanos();
                while (!replication.appliedThrough(position)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(task.id() + " did not apply " + position + " within " + SETTLE);
                    }
                    Thread.sleep(50);
                }
            }
        }
        realEnd = Instant.now();
    }

    /** The writer's count once {@link #run} has ended. */
    public PaymentWriter.Stats stats() {
        if (stats == null) {
            throw new IllegalStateException("the rehearsal has not run");
        }
        return stats;
    }

    public Duration realDuration() {
        return Duration.between(realStart, realEnd);
    }

    /** The database the active-writer parameter names now. */
    public Endpoint endWriter() {
        var aws = rehearsal.aws();
        var writerName = aws.parameters.value(aws.parameters.nameOf(Targets.ACTIVE_WRITER)).orElseThrow();
        return writerName.equals(WriterFlags.AURORA) ? plane.aurora() : plane.onprem();
    }

    /** Every acknowledged payment and event checked in {@code endpoint}. */
    public Ledger.Audit audit(Endpoint endpoint) throws SQLException {
        return ledger.audit(endpoint);
    }

    /** Runs the real validator over the whole selection now, as the migration's validations do. */
    public com.fasterxml.jackson.databind.JsonNode validateNow(String label) {
        return ValidationRun.run(rehearsal, RealFunctions.validator(plane), label);
    }

    /** Stops the writer and the sampler, and removes the subscriptions, slots and publications the tasks left. */
    @Override
    public void close() throws SQLException {
        writer.close();
        latency.close();
        tasks.discardAll();
    }
}
