package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.paymentmigration.replication.DrainMarker;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.TestConnectionRequest;
import software.amazon.awssdk.services.databasemigration.model.TestConnectionResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DMS: the plan's replication instance, endpoints and tasks. Tasks move through DMS's statuses on the virtual clock
 * (ready, starting, running, stopping, stopped, failed); a full-load-and-cdc task loads for
 * {@link ReplicationTask#fullLoad} after it runs; connection tests take {@link #CONNECTION_TEST} to report.
 * Errors as the DMS API reference names them (ResourceNotFoundFault, InvalidResourceStateFault).
 */
public final class ReplicationService implements StandIn {

    static final Duration CONNECTION_TEST = Duration.ofSeconds(20);
    /** Filter names DescribeReplicationTasks and DescribeConnections accept (DMS API reference, Filters). */
    private static final Set<String> TASK_FILTERS = Set.of("replication-task-arn", "replication-task-id",
            "migration-type", "endpoint-arn", "replication-instance-arn");
    private static final Set<String> CONNECTION_FILTERS = Set.of("endpoint-arn", "replication-instance-arn");

    private record Test(Instant at, java.util.Optional<String> failure) {
    }

    /** How far a real full load is: tables the task selected, and those copied. */
    public record FullLoad(int tables, int loaded) {

        public boolean done() {
            return tables > 0 && loaded == tables;
        }
    }

    /**
     * What moves the data when a task runs. On the virtual clock nothing does (statuses and progress are modelled);
     * in a data rehearsal it is real replication between two servers, and every request still passes this stand-in's
     * checks (model, IAM, task state) before it reaches the backend.
     */
    public interface Backend {

        /** Starts moving data for an accepted start; a message when it cannot, which fails the task as DMS would. */
        java.util.Optional<String> start(ReplicationTask task, String type, String cdcStartPosition);

        void stop(ReplicationTask task);

        /** The real full load's progress, or empty to model it on the clock. */
        java.util.Optional<FullLoad> fullLoad(ReplicationTask task);

        /** Why a connection to the endpoint fails, or empty when it succeeds. */
        java.util.Optional<String> connectionFailure(String endpointArn);

        Backend NONE = new Backend() {
            @Override
            public java.util.Optional<String> start(ReplicationTask task, String type, String cdcStartPosition) {
                return java.util.Optional.empty();
            }

            @Override
            public void stop(ReplicationTask task) {
            }

            @Override
            public java.util.Optional<FullLoad> fullLoad(ReplicationTask task) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> connectionFailure(String endpointArn) {
                return java.util.Optional.empty();
            }
        };
    }

    private final String instanceArn;
    private final Set<String> endpoints;
    private final Map<String, ReplicationTask> tasks = new LinkedHashMap<>();
    private final Map<String, Test> connections = new LinkedHashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private java.util.function.BiConsumer<ReplicationTask, Instant> onFreshCdcStart = (task, at) -> { };
    private Backend backend = Backend.NONE;

    ReplicationService(PlannedStack stack, Instant created) {
        this.instanceArn = stack.arns("aws:dms/replicationInstance:ReplicationInstance").get(0);
        this.endpoints = Set.copyOf(stack.arns("aws:dms/endpoint:Endpoint"));
        for (var task : stack.ofType("aws:dms/replicationTask:ReplicationTask")) {
            var arn = stack.arn(task);
            var replicationTask = new ReplicationTask(arn, stack.physicalName(task), task.stringInput("migrationType"),
                    task.stringInput("replicationInstanceArn"), task.stringInput("sourceEndpointArn"),
                    task.stringInput("targetEndpointArn"), task.stringInput("tableMappings"), created);
            replicationTask.replicatesDrainMarker(selectsDrainMarker(task.stringInput("tableMappings")));
            tasks.put(arn, replicationTask);
        }
    }

    /**
     * Whether a task's table mappings select the drain marker table: an include rule matches it and no exclude rule
     * does (DMS's {@code %} wildcard in either part).
     */
    static boolean selectsDrainMarker(String tableMappings) {
        JsonNode rules;
        try {
            rules = SdkShapes.JSON.readTree(tableMappings).path("rules");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the plan's table mappings are not DMS's rules document: " + tableMappings, e);
        }
        boolean included = false;
        for (var rule : rules) {
            var pattern = new com.paymentmigration.config.MigrationConfig.TablePattern(
                    rule.at("/object-locator/schema-name").asText(), rule.at("/object-locator/table-name").asText());
            if (rule.path("rule-type").asText().equals("selection") && DrainMarker.selectedBy(pattern)) {
                if (rule.path("rule-action").asText().equals("exclude")) {
                    return false;
                }
                included = true;
            }
        }
        return included;
    }

    @Override
    public String errorPrefix() {
        return "DatabaseMigration";
    }

    public ReplicationTask task(String arn) {
        var task = tasks.get(arn);
        if (task == null) {
            throw new IllegalArgumentException("the plan creates no task " + arn + "; it has " + tasks.keySet());
        }
        return task;
    }

    public List<ReplicationTask> tasks() {
        return List.copyOf(tasks.values());
    }

    /** Told when DMS starts a CDC task afresh without a start position, which creates the task's own source slot. */
    void onFreshCdcStart(java.util.function.BiConsumer<ReplicationTask, Instant> listener) {
        onFreshCdcStart = listener;
    }

    /** Real replication behind the tasks (a data rehearsal). */
    public void backend(Backend replication) {
        this.backend = replication;
    }

    /** Connection tests of this endpoint fail from now on. */
    public void makeUnreachable(String endpointArn) {
        unreachable.add(endpointArn);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        return switch (operation) {
            case "testConnection" -> testConnection(call);
            case "describeConnections" -> describeConnections(call);
            case "describeReplicationTasks" -> describeTasks(call);
            case "startReplicationTask" -> start(call);
            case "stopReplicationTask" -> stop(call);
            default -> throw new IllegalArgumentException("databasemigration:" + operation + " has no stand-in");
        };
    }

    private JsonNode testConnection(Call call) throws TaskFailure {
        var request = call.request(TestConnectionRequest.class);
        call.authorize("dms:TestConnection", request.replicationInstanceArn());
        call.authorize("dms:TestConnection", request.endpointArn());
        if (!instanceArn.equals(request.replicationInstanceArn()) || !endpoints.contains(request.endpointArn())) {
            throw call.error("ResourceNotFoundFault", "Replication instance or endpoint not found");
        }
        var failure = unreachable.contains(request.endpointArn())
                ? java.util.Optional.of("Cannot connect to ODBC provider Network error has occurred")
                : backend.connectionFailure(request.endpointArn());
        connections.put(request.endpointArn(), new Test(call.time(), failure));
        return SdkShapes.write(TestConnectionResponse.builder().connection(connection(request.endpointArn(), call.time()))
                .build());
    }

    private JsonNode describeConnections(Call call) throws TaskFailure {
        var request = call.request(DescribeConnectionsRequest.class);
        call.authorize("dms:DescribeConnections", "*");
        checkFilters(call, request.filters(), CONNECTION_FILTERS);
        var found = new ArrayList<Connection>();
        for (var endpoint : connections.keySet()) {
            if (matches(request.filters(), Map.of("endpoint-arn", endpoint, "replication-instance-arn", instanceArn))) {
                found.add(connection(endpoint, call.time()));
            }
        }
        return SdkShapes.write(DescribeConnectionsResponse.builder().connections(found).build());
    }

    private Connection connection(String endpoint, Instant now) {
        var test = connections.get(endpoint);
        var done = !now.isBefore(test.at().plus(CONNECTION_TEST));
        var status = !done ? "testing" : test.failure().isEmpty() ? "successful" : "failed";
        var connection = Connection.builder().replicationInstanceArn(instanceArn).endpointArn(endpoint).status(status)
                .endpointIdentifier(endpoint.substring(endpoint.lastIndexOf(':') + 1))
                .replicationInstanceIdentifier(instanceArn.substring(instanceArn.lastIndexOf(':') + 1));
        if (status.equals("failed")) {
            connection.lastFailureMessage("Test Endpoint failed: Application-Status: 1020912, Application-Message: "
                    + test.failure().get());
        }
        return connection.build();
    }

    private JsonNode describeTasks(Call call) throws TaskFailure {
        var request = call.request(DescribeReplicationTasksRequest.class);
        call.authorize("dms:DescribeReplicationTasks", "*");
        checkFilters(call, request.filters(), TASK_FILTERS);
        var found = new ArrayList<software.amazon.awssdk.services.databasemigration.model.ReplicationTask>();
        for (var task : tasks.values()) {
            if (matches(request.filters(), task.filterValues())) {
                found.add(task.describe(call.time(), !Boolean.TRUE.equals(request.withoutSettings()),
                        backend.fullLoad(task)));
            }
        }
        if (found.isEmpty()) {
            throw call.error("ResourceNotFoundFault", "No Tasks found matching provided filters");
        }
        return SdkShapes.write(DescribeReplicationTasksResponse.builder().replicationTasks(found).build());
    }

    /**
     * StartReplicationTask as the DMS API reference describes it: a task that never ran starts only with
     * {@code start-replication}; any start needs the task at rest (ready, stopped or failed); a CDC start position
     * only where the task has a CDC phase, and not together with a CDC start time; {@code reload-target} reloads a
     * task that has a full load. A fresh start of a CDC task without a position has DMS create its own slot on the
     * source ({@link #onFreshCdcStart}).
     */
    private JsonNode start(Call call) throws TaskFailure {
        var request = call.request(StartReplicationTaskRequest.class);
        call.authorize("dms:StartReplicationTask", request.replicationTaskArn());
        var task = existing(call, request.replicationTaskArn());
        var type = request.startReplicationTaskType();
        if (type == null || type == StartReplicationTaskTypeValue.UNKNOWN_TO_SDK_VERSION) {
            throw call.error("InvalidParameterValueException", "StartReplicationTaskType must be one of "
                    + StartReplicationTaskTypeValue.knownValues() + ", not " + request.startReplicationTaskTypeAsString());
        }
        if (request.cdcStartPosition() != null && request.cdcStartTime() != null) {
            throw call.error("InvalidParameterCombinationException", "CdcStartPosition and CdcStartTime are "
                    + "mutually exclusive");
        }
        if ((request.cdcStartPosition() != null || request.cdcStartTime() != null)
                && task.migrationType().equals("full-load")) {
            throw call.error("InvalidParameterCombinationException", "Task " + task.id() + " is full-load only; it "
                    + "has no CDC to start at a position");
        }
        if (type == StartReplicationTaskTypeValue.RELOAD_TARGET && !task.migrationType().startsWith("full-load")) {
            throw call.error("InvalidParameterCombinationException", "Task " + task.id() + " has no full load to "
                    + "reload (migration type " + task.migrationType() + ")");
        }
        var status = task.status(call.time());
        if (!List.of("ready", "stopped", "failed").contains(status)) {
            throw call.error("InvalidResourceStateFault", "Replication Task cannot be started, invalid state: " + status);
        }
        // DMS API reference, StartReplicationTaskType: the first run of a task can only be start-replication.
        if (status.equals("ready") && type != StartReplicationTaskTypeValue.START_REPLICATION) {
            throw call.error("InvalidResourceStateFault", "Task " + task.id() + " has never run; its first start "
                    + "must be start-replication, not " + type);
        }
        task.start(call.time(), type.toString(), request.cdcStartPosition());
        if (!task.failsToStart) {
            backend.start(task, type.toString(), request.cdcStartPosition()).ifPresent(task::failStart);
        }
        if (type != StartReplicationTaskTypeValue.RESUME_PROCESSING && request.cdcStartPosition() == null
                && !task.migrationType().equals("full-load")) {
            onFreshCdcStart.accept(task, call.time());
        }
        return SdkShapes.write(StartReplicationTaskResponse.builder().replicationTask(task.describe(call.time(), false))
                .build());
    }

    private JsonNode stop(Call call) throws TaskFailure {
        var request = call.request(StopReplicationTaskRequest.class);
        call.authorize("dms:StopReplicationTask", request.replicationTaskArn());
        var task = existing(call, request.replicationTaskArn());
        var status = task.status(call.time());
        if (!List.of("running", "starting", "resuming").contains(status)) {
            throw call.error("InvalidResourceStateFault", "Replication Task cannot be stopped, invalid state: " + status);
        }
        task.stop(call.time());
        backend.stop(task);
        return SdkShapes.write(StopReplicationTaskResponse.builder().replicationTask(task.describe(call.time(), false))
                .build());
    }

    private ReplicationTask existing(Call call, String arn) throws TaskFailure {
        var task = tasks.get(arn);
        if (task == null) {
            throw call.error("ResourceNotFoundFault", "Replication Task not found: " + arn);
        }
        return task;
    }

    private static void checkFilters(Call call, List<Filter> filters, Set<String> known) throws TaskFailure {
        for (var filter : filters) {
            if (!known.contains(filter.name())) {
                throw call.error("InvalidParameterValueException", "The filter name '" + filter.name()
                        + "' is not valid; valid names: " + known.stream().sorted().toList());
            }
        }
    }

    /** Every filter must match (a filter matches when the value is among its Values). */
    private static boolean matches(List<Filter> filters, Map<String, String> values) {
        return filters.stream().allMatch(f -> f.values().contains(values.get(f.name())));
    }
}
