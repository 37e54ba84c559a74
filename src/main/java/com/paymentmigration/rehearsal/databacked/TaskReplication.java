package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.data.Endpoint;
import com.paymentmigration.rehearsal.data.LogicalReplication;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.paymentmigration.rehearsal.standins.ReplicationService;
import com.paymentmigration.rehearsal.standins.ReplicationTask;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DMS stand-in's tasks moving real data: the forward task is a PostgreSQL subscription on Aurora to a publication
 * of on-prem (full load, then changes), the reverse task one on on-prem to Aurora, started at the slot the cutover
 * created (changes only). Each publication holds exactly the tables the task's table mappings select on its source.
 * A stop disables the subscription (its slot keeps every change until a resume); a fresh start or reload drops what
 * an earlier run left and starts clean.
 */
final class TaskReplication implements ReplicationService.Backend {

    private record Direction(LogicalReplication replication, Endpoint source, String sourceEndpointArn) {
    }

    private final Map<String, Direction> byTask = new HashMap<>();
    private final Map<String, Endpoint> byEndpoint = new HashMap<>();
    private final Map<String, String> slotNames = new HashMap<>();

    TaskReplication(DataPlane plane, PlannedStack stack, ReplicationService dms) {
        var forward = dms.task(stack.output("forwardTaskArn"));
        var reverse = dms.task(stack.output("reverseTaskArn"));
        byTask.put(forward.arn(), new Direction(new LogicalReplication(plane.prefix() + "forward", plane.onprem(),
                plane.aurora()), plane.onprem(), forward.sourceEndpointArn()));
        byTask.put(reverse.arn(), new Direction(new LogicalReplication(plane.prefix() + "reverse", plane.aurora(),
                plane.onprem()), plane.aurora(), reverse.sourceEndpointArn()));
        byEndpoint.put(forward.sourceEndpointArn(), plane.onprem());
        byEndpoint.put(forward.targetEndpointArn(), plane.aurora());
        byEndpoint.put(reverse.sourceEndpointArn(), plane.aurora());
        byEndpoint.put(reverse.targetEndpointArn(), plane.onprem());
        for (var endpoint : stack.ofType("aws:dms/endpoint:Endpoint")) {
            endpoint.input("postgresSettings.slotName").ifPresent(slot -> slotNames.put(stack.arn(endpoint),
                    String.valueOf(slot)));
        }
    }

    LogicalReplication replication(ReplicationTask task) {
        return direction(task).replication();
    }

    @Override
    public Optional<String> start(ReplicationTask task, String type, String cdcStartPosition) {
        var direction = direction(task);
        var replication = direction.replication();
        try {
            if (type.equals("resume-processing")) {
                if (!replication.exists()) {
                    return Optional.of("Task " + task.id() + " has no earlier run to resume");
                }
                replication.resume();
                return Optional.empty();
            }
            var tables = SelectedTables.of(task.tableMappings()).on(direction.source());
            replication.discard();
            if (cdcStartPosition == null) {
                replication.start(tables, task.migrationType().startsWith("full-load"), null);
                return Optional.empty();
            }
            var slot = slotNames.get(direction.sourceEndpointArn());
            if (slot == null) {
                // DMS starts a PostgreSQL source at a CdcStartPosition only from the slot its endpoint names.
                return Optional.of("CdcStartPosition needs the source endpoint's PostgreSqlSettings.SlotName; "
                        + "endpoint " + direction.sourceEndpointArn() + " names none");
            }
            replication.startAtSlot(tables, slot, cdcStartPosition);
            return Optional.empty();
        } catch (SQLException | IllegalArgumentException e) {
            return Optional.of("Task " + task.id() + " failed to start: " + e.getMessage());
        }
    }

    @Override
    public void stop(ReplicationTask task) {
        try {
            direction(task).replication().stop();
        } catch (SQLException e) {
            throw new IllegalStateException("stopping " + task.id() + "'s replication failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReplicationService.FullLoad> fullLoad(ReplicationTask task) {
        try {
            var status = direction(task).replication().status();
            return Optional.of(new ReplicationService.FullLoad(status.tables(), status.loaded()));
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + task.id() + "'s replication failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> connectionFailure(String endpointArn) {
        var endpoint = byEndpoint.get(endpointArn);
        if (endpoint == null) {
            return Optional.of("endpoint " + endpointArn + " belongs to no task of the plan");
        }
        try (var connection = endpoint.connect(); var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("Cannot connect to " + endpoint + ": " + e.getMessage());
        }
    }

    /**
     * Removes what the tasks left: their subscriptions, the slots they read and their publications. Only these, so
     * a server the operator named keeps its own slots.
     */
    void discardAll() throws SQLException {
        for (var direction : byTask.values()) {
            direction.replication().discard();
        }
    }

    private Direction direction(ReplicationTask task) {
        var direction = byTask.get(task.arn());
        if (direction == null) {
            throw new IllegalArgumentException("task " + task.id() + " is neither the forward nor the reverse task");
        }
        return direction;
    }
}
