package com.paymentmigration.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackRun;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.databasemigration.model.DmsSslModeValue;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.PluginNameValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.sfn.model.EncryptionType;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every enum-like input the program sets, held to the AWS API model (the SDK's generated enums): the plan runs under
 * mocks that accept any string, while the provider and the service reject a value the API does not know, so a
 * misspelt value would first fail at {@code pulumi up}. Both modes, since each declares its own resources.
 */
class ApiEnumValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Task statuses a start-type expression compares with (describe-replication-tasks' Status, not an enum). */
    private static final Set<String> TASK_STATUSES = Set.of("ready", "stopped", "failed", "running", "starting",
            "stopping", "resuming", "creating", "modifying", "deleting", "testing", "moving", "failed-move");
    /** A quoted literal inside a JSONata expression. */
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    private static final List<StackRun> RUNS = List.of(StackFixture.dev(), StackFixture.dev("mode=rollback"));

    @Test
    void dmsEndpointsAndTasks() {
        for (var run : RUNS) {
            check(run, "aws:dms/endpoint:Endpoint", "sslMode", DmsSslModeValue.knownValues());
            check(run, "aws:dms/endpoint:Endpoint", "endpointType", ReplicationEndpointTypeValue.knownValues());
            check(run, "aws:dms/endpoint:Endpoint", "postgresSettings.pluginName", PluginNameValue.knownValues());
            check(run, "aws:dms/replicationTask:ReplicationTask", "migrationType", MigrationTypeValue.knownValues());
        }
    }

    @Test
    void theStartTypesTheStateMachinesSendToDms() throws Exception {
        var known = names(StartReplicationTaskTypeValue.knownValues());
        for (var run : RUNS) {
            var sent = new ArrayList<String>();
            for (var machine : run.ofType("aws:sfn/stateMachine:StateMachine")) {
                collect(JSON.readTree(machine.stringInput("definition")), "StartReplicationTaskType", sent);
            }
            assertThat(sent).as("start types in the definitions").isNotEmpty();
            assertThat(known).containsAll(sent);
        }
    }

    @Test
    void siblingsOnOtherServices() {
        for (var run : RUNS) {
            check(run, "aws:sfn/stateMachine:StateMachine", "type", StateMachineType.knownValues());
            check(run, "aws:sfn/stateMachine:StateMachine", "loggingConfiguration.level", LogLevel.knownValues());
            check(run, "aws:sfn/stateMachine:StateMachine", "encryptionConfiguration.type", EncryptionType.knownValues());
            check(run, "aws:cloudwatch/metricAlarm:MetricAlarm", "comparisonOperator", ComparisonOperator.knownValues());
            check(run, "aws:cloudwatch/metricAlarm:MetricAlarm", "statistic", Statistic.knownValues());
            check(run, "aws:ecs/taskDefinition:TaskDefinition", "networkMode", NetworkMode.knownValues());
            check(run, "aws:ecs/taskDefinition:TaskDefinition", "requiresCompatibilities", Compatibility.knownValues());
            check(run, "aws:ecs/service:Service", "launchType", LaunchType.knownValues());
        }
    }

    /** Each resource of {@code type} that sets {@code path} (a value or a list of values) sets only known values. */
    private static void check(StackRun run, String type, String path, Collection<? extends Enum<?>> knownValues) {
        var known = names(knownValues);
        var resources = run.ofType(type);
        assertThat(resources).as(type).isNotEmpty();
        for (var resource : resources) {
            resource.input(path).ifPresent(value -> {
                var values = value instanceof List<?> list ? list : List.of(value);
                values.forEach(v -> assertThat(known).as(resource.name() + " " + path).contains(v.toString()));
            });
        }
    }

    private static Set<String> names(Collection<? extends Enum<?>> knownValues) {
        return knownValues.stream().map(Object::toString).collect(Collectors.toSet());
    }

    /** Values of {@code field} anywhere in a definition: a literal, or the quoted literals of a JSONata expression. */
    private static void collect(JsonNode node, String field, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field)) {
                    var text = e.getValue().asText();
                    if (text.startsWith("{%")) {
                        var matcher = LITERAL.matcher(text);
                        while (matcher.find()) {
                            if (!TASK_STATUSES.contains(matcher.group(1))) {
                                into.add(matcher.group(1));
                            }
                        }
                    } else {
                        into.add(text);
                    }
                } else {
                    collect(e.getValue(), field, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, into));
        }
    }
}
