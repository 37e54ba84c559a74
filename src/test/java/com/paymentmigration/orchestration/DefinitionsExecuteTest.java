package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.executor.Execution;
import com.paymentmigration.executor.Executor;
import com.paymentmigration.executor.ExecutorOptions;
import com.paymentmigration.executor.TaskInvocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both definitions, built in-process, run by the executor with a handler that gives every call a plausible healthy
 * answer: they pass the executor's ASL rules, and every state on the happy path executes (expressions included).
 */
class DefinitionsExecuteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Targets targets = SampleTargets.targets();

    @Test
    void theMigrationRunsToCompletion() {
        var definition = MigrationDefinition.of(targets, SampleTargets.settings())
                .definition("migration", MigrationDefinition.TIMEOUT_SECONDS);
        var execution = executor("migration-migration-dev").execute(definition, JSON.createObjectNode());

        assertThat(execution.status()).as(failure(execution)).isEqualTo(Execution.SUCCEEDED);
        assertThat(execution.statesEntered()).contains("Start", "Check secrets", "Plan initial validation",
                "Validate initial partitions", "Shift traffic", "Freeze writes", "Write drain marker on on-prem",
                "Look for drain marker on Aurora", "Make Aurora the writer", "Migration complete");
        // Each validation's partitions ran as child executions of the distributed Map: initial, pre-freeze, final
        // (inside the freeze) and after-thaw, two partitions each.
        assertThat(execution.children()).hasSize(4 * 2);
        assertThat(execution.children()).allMatch(Execution::succeeded);
        assertThat(Duration.between(execution.startDate(), execution.stopDate()))
                .as("bakes and waits pass on the virtual clock").isGreaterThan(Duration.ofMinutes(30));
    }

    @Test
    void theRollbackRunsToCompletion() {
        var definition = RollbackDefinition.of(targets, SampleTargets.settings()).definition("rollback", RollbackDefinition.TIMEOUT_SECONDS);
        var input = JSON.createObjectNode().put("trigger", "migration-failed");
        taskStatus.put(targets.reverseTaskArn(), "running"); // after the cutover: Aurora writes, reverse CDC runs
        taskStatus.put(targets.forwardTaskArn(), "stopped");
        parameters.put(targets.parameter(Targets.ACTIVE_WRITER), "aurora");
        var execution = executor("migration-rollback-dev").execute(definition, input);

        assertThat(execution.status()).as(failure(execution)).isEqualTo(Execution.SUCCEEDED);
        assertThat(execution.statesEntered()).contains("Start", "Describe forward task before stopping", "Aurora is the writer?",
                "Write drain marker on Aurora", "Look for drain marker on on-prem", "Carry sequences to on-prem",
                "Make on-prem the writer", "Rolled back");
    }

    private Executor executor(String machine) {
        return new Executor(this::healthy, ExecutorOptions.defaults().withStateMachineName(machine));
    }

    private static String failure(Execution execution) {
        var states = execution.statesEntered();
        return execution.error() + ": " + execution.cause() + " after " + states.subList(Math.max(0, states.size() - 8),
                states.size());
    }

    /** DMS task status by ARN: the forward task runs, the reverse one is ready; start and stop change them. */
    private final Map<String, String> taskStatus = new HashMap<>(Map.of(targets.forwardTaskArn(), "running",
            targets.reverseTaskArn(), "ready"));

    /** What a healthy stack would answer, by call: tasks running and loaded, no lag, no alarm, validation MATCH. */
    private JsonNode healthy(TaskInvocation call) {
        var action = call.resource().substring(call.resource().lastIndexOf(':') + 1);
        var task = call.arguments().path("ReplicationTaskArn").asText(
                call.arguments().path("Filters").path(0).path("Values").path(0).asText());
        var answer = switch (action) {
            case "startReplicationTask" -> {
                taskStatus.put(task, "running");
                yield "{}";
            }
            case "stopReplicationTask" -> {
                taskStatus.put(task, "stopped");
                yield "{}";
            }
            case "describeSecret" -> "{\"Name\": \"secret\"}";
            case "describeConnections" -> "{\"Connections\": [{\"Status\": \"successful\"}]}";
            case "describeAlarms" -> "{\"MetricAlarms\": []}";
            case "describeReplicationTasks" -> "{\"ReplicationTasks\": [{\"Status\": \"" + taskStatus.get(task) + "\", \"ReplicationTaskStats\": "
                    + "{\"FullLoadProgressPercent\": 100, \"TablesErrored\": 0, \"FullLoadFinishDate\": \"2026-01-01T01:00:00Z\"}}]}";
            case "getMetricData" -> "{\"MetricDataResults\": [{\"Id\": \"source\", \"Values\": [0]}, {\"Id\": \"target\", \"Values\": [0]}]}";
            case "getParameter" -> "{\"Parameter\": {\"Value\": \""
                    + parameters.getOrDefault(call.arguments().path("Name").asText(), "") + "\"}}";
            case "putParameter" -> {
                parameters.put(call.arguments().path("Name").asText(), call.arguments().path("Value").asText());
                yield "{\"Version\": 1}";
            }
            case "describeGlobalClusters" -> "{\"GlobalClusters\": [{\"GlobalClusterMembers\": [{\"IsWriter\": true, "
                    + "\"DBClusterArn\": \"arn:aws:rds:" + targets.region() + ":123456789012:cluster:primary\"}]}]}";
            case "invoke" -> call.arguments().path("Payload").has("operation")
                    ? replicationOps(call.arguments().path("Payload")) : validator(call.arguments().path("Payload"));
            default -> "{}";
        };
        try {
            return JSON.readTree(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameter values by full name: the writer starts on-prem, nothing frozen, no phase recorded yet. */
    private final Map<String, String> parameters = new HashMap<>(Map.of(
            targets.parameter(Targets.ACTIVE_WRITER), "onprem", targets.parameter(Targets.WRITE_FREEZE), "off"));

    /**
     * replication-ops answers every operation healthily: a new slot answers with its position, a drain marker is
     * written and then seen.
     */
    private static String replicationOps(JsonNode payload) {
        return switch (payload.path("operation").asText()) {
            case "createSlot" -> "{\"Payload\": {\"slotName\": \"slot\", \"lsn\": \"0/16B3748\"}}";
            case "writeDrainMarker" -> "{\"Payload\": {\"marker\": \"" + MARKER + "\"}}";
            case "drainMarkerSeen" -> "{\"Payload\": {\"seen\": " + payload.path("marker").asText().equals(MARKER) + "}}";
            default -> "{\"Payload\": {}}";
        };
    }

    private static final String MARKER = "3f1c2a9e-7b4d-4c61-9a0e-5d2f8b7c6a41";

    private static String validator(JsonNode payload) {
        return switch (payload.path("action").asText("validate")) {
            case "plan" -> "{\"Payload\": {\"items\": [{\"table\": \"payments.a\", \"partition\": 0}, "
                    + "{\"table\": \"payments.a\", \"partition\": 1}], \"reportKey\": \"validation/report.json\"}}";
            case "aggregate" -> "{\"Payload\": {\"status\": \"MATCH\", \"transientDifferences\": 0, "
                    + "\"reportKey\": \"validation/report.json\"}}";
            default -> "{\"Payload\": {\"complete\": true}}";
        };
    }
}
