package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The state machines as the dev stack registers them: roles held against the definitions, logs, keys, triggers. */
class OrchestrationStackTest {

    private static final String MACHINE = "aws:sfn/stateMachine:StateMachine";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Step Functions' service names in aws-sdk integrations to IAM prefixes, where they differ. */
    private static final Map<String, String> IAM_PREFIX = Map.of("databasemigration", "dms", "sfn", "states");

    private final StackRun run = StackFixture.dev();

    @Test
    void eachRoleAllowsExactlyTheCallsItsDefinitionMakesOnTheResourcesItNames() throws Exception {
        for (var machine : List.of("orchestration-migration", "orchestration-rollback")) {
            var definition = JSON.readTree(run.one(MACHINE, machine).stringInput("definition"));
            var policy = JSON.readTree(run.one(POLICY, machine + "-policy").stringInput("policy"));
            var allowed = allowed(policy);

            var called = new TreeSet<String>();
            calls(definition, called);
            if (definition.toString().contains("\"DISTRIBUTED\"")) {
                called.add("states:StartExecution");
            }
            var iamOnly = Set.of("logs", "xray", "kms");
            var grantedCalls = new TreeSet<>(allowed.keySet());
            grantedCalls.removeIf(a -> iamOnly.contains(a.substring(0, a.indexOf(':'))) || a.equals("states:DescribeExecution")
                    || a.equals("states:StopExecution") && !called.contains("states:StopExecution"));
            assertThat(grantedCalls).as(machine + ": granted actions are the called ones").isEqualTo(called);
            var tasks = List.of("arn:aws:dms:eu-central-1:123456789012:task:migration-forward-dev",
                    "arn:aws:dms:eu-central-1:123456789012:task:migration-reverse-dev");
            assertThat(allowed.getOrDefault("dms:StartReplicationTask", List.of())).as(machine).isSubsetOf(tasks);
            assertThat(allowed.getOrDefault("dms:StopReplicationTask", List.of())).as(machine).isSubsetOf(tasks);
            assertThat(allowed.get("ssm:PutParameter")).as(machine).allMatch(r ->
                    r.startsWith("arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/"));
            assertThat(allowed.get("sns:Publish")).as(machine).allMatch(r -> r.startsWith("arn:aws:sns:eu-central-1:"));
        }
        var migrationPolicy = allowed(JSON.readTree(run.one(POLICY, "orchestration-migration-policy").stringInput("policy")));
        assertThat(migrationPolicy.get("lambda:InvokeFunction")).containsExactlyInAnyOrder(
                "arn:aws:lambda:eu-central-1:123456789012:function:migration-validator-dev",
                "arn:aws:lambda:eu-central-1:123456789012:function:migration-validator-dev:*",
                "arn:aws:lambda:eu-central-1:123456789012:function:migration-replication-ops-dev",
                "arn:aws:lambda:eu-central-1:123456789012:function:migration-replication-ops-dev:*");
        assertThat(migrationPolicy.get("rds:DescribeGlobalClusters")).singleElement().asString()
                .startsWith("arn:aws:rds::123456789012:global-cluster:");
        var rollbackPolicy = allowed(JSON.readTree(run.one(POLICY, "orchestration-rollback-policy").stringInput("policy")));
        assertThat(rollbackPolicy.get("lambda:InvokeFunction")).as("the rollback calls replication-ops, not the validator")
                .containsExactlyInAnyOrder("arn:aws:lambda:eu-central-1:123456789012:function:migration-replication-ops-dev",
                        "arn:aws:lambda:eu-central-1:123456789012:function:migration-replication-ops-dev:*");
        assertThat(migrationPolicy.get("apigateway:PATCH")).singleElement().asString().matches(
                "arn:aws:apigateway:eu-central-1::/restapis/[^/]+/stages/v1");
        assertThat(migrationPolicy.get("s3:PutObject")).singleElement().asString().endsWith("/checkpoints/*");
        assertThat(migrationPolicy.get("states:StartExecution")).containsExactlyInAnyOrder(
                "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-migration-dev",
                "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-rollback-dev");
    }

    @Test
    void devShiftsTheWeightedNameWithTheCanaryAndOnlyItsZoneMayBeChanged() throws Exception {
        var zone = "arn:aws:route53:::hostedzone/" + run.outputs().get("dnsZoneId");
        for (var machine : List.of("orchestration-migration", "orchestration-rollback")) {
            var policy = allowed(JSON.readTree(run.one(POLICY, machine + "-policy").stringInput("policy")));
            assertThat(policy.get("route53:ChangeResourceRecordSets")).as(machine).containsExactly(zone);
            assertThat(policy.get("ssm:PutParameter")).as(machine).contains(
                    "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/dns/legacy-weight",
                    "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/dns/new-weight");
        }
        var definition = JSON.readTree(run.one(MACHINE, "orchestration-migration").stringInput("definition"));
        var shift = definition.at("/States/Shift DNS weights/Arguments/ChangeBatch/Changes/1/ResourceRecordSet");
        assertThat(shift.at("/AliasTarget/DNSName").asText())
                .isEqualTo("internal-migration-payments-svc-dev.elb.eu-central-1.amazonaws.com");
        assertThat(shift.get("HealthCheckId").asText()).isEqualTo("dns-new-health");

        var apiOnly = StackFixture.dev("trafficShiftBy=api");
        assertThat(apiOnly.one(POLICY, "orchestration-migration-policy").stringInput("policy")).doesNotContain("route53");
        assertThat(apiOnly.one(MACHINE, "orchestration-migration").stringInput("definition")).doesNotContain("Shift DNS");
    }

    @Test
    void machinesAreStandardTracedEncryptedAndLogEverythingButTheirData() {
        for (var machine : List.of("orchestration-migration", "orchestration-rollback")) {
            var m = run.one(MACHINE, machine);
            assertThat(m.inputs()).containsEntry("type", "STANDARD");
            assertThat(m.input("loggingConfiguration.level")).hasValue("ALL");
            assertThat(m.input("loggingConfiguration.includeExecutionData")).hasValue(false);
            assertThat(m.stringInput("loggingConfiguration.logDestination")).endsWith(":log-group:/migration/dev/state-machines:*");
            assertThat(m.input("tracingConfiguration.enabled")).hasValue(true);
            assertThat(m.input("encryptionConfiguration.type")).hasValue("CUSTOMER_MANAGED_KMS_KEY");
            assertThat(m.dependsOn()).as("the role's policy exists before the machine assumes it")
                    .contains(run.one(POLICY, machine + "-policy").urn());
        }
        assertThat(run.outputs().get("migrationStateMachineArn"))
                .isEqualTo("arn:aws:states:eu-central-1:123456789012:stateMachine:migration-migration-dev");
        assertThat(run.outputs()).containsKey("rollbackStateMachineArn");
    }

    @Test
    void aCriticalAlarmStartsTheRollbackMachine() throws Exception {
        var rule = run.one("aws:cloudwatch/eventRule:EventRule", "orchestration-alarm-rollback");
        var pattern = JSON.readTree(rule.stringInput("eventPattern"));
        assertThat(pattern.path("detail").path("state").path("value").get(0).asText()).isEqualTo("ALARM");
        var alarms = new TreeSet<String>();
        pattern.path("resources").forEach(a -> alarms.add(a.asText().substring(a.asText().lastIndexOf(':') + 1)));
        assertThat(alarms).containsExactlyInAnyOrder("migration-alarm-cdc-latency-dev", "migration-alarm-api-5xx-rate-dev",
                "migration-alarm-api-latency-p99-dev", "migration-alarm-validation-mismatches-dev",
                "migration-alarm-dms-task-errors-dev", "migration-alarm-service-target-5xx-rate-dev");
        var target = run.one("aws:cloudwatch/eventTarget:EventTarget", "orchestration-alarm-rollback-target");
        assertThat(target.stringInput("arn")).endsWith(":stateMachine:migration-rollback-dev");
        assertThat(target.stringInput("inputTransformer.inputTemplate")).contains("\"trigger\": \"alarm\"");
        assertThat(run.ofType("aws:lambda/invocation:Invocation")).as("forward mode starts nothing").isEmpty();
    }

    @Test
    void rollbackModeConvergesToTheRollbackStateAndStartsTheRollbackOnce() {
        var rollback = StackFixture.dev("mode=rollback");
        var invocation = rollback.one("aws:lambda/invocation:Invocation", "orchestration-rollback-on-switch");
        assertThat(invocation.stringInput("functionName")).isEqualTo("migration-rollback-trigger-dev");
        assertThat(invocation.stringInput("input")).contains("\"trigger\":\"mode\"");
        assertThat(invocation.dependsOn()).contains(rollback.one(MACHINE, "orchestration-rollback").urn());
        var trigger = rollback.one("aws:lambda/function:Function", "functions-trigger");
        assertThat(trigger.stringInput("environment.variables.STATE_MACHINE_ARN"))
                .endsWith(":stateMachine:migration-rollback-dev");

        // Traffic 0 (no canary); the tasks are the rollback machine's to stop and resume, never the up's.
        var stage = rollback.one("aws:apigateway/stage:Stage", "api-stage");
        assertThat(stage.input("canarySettings")).isEmpty();
        for (var task : List.of("replication-forward", "replication-reverse")) {
            assertThat(rollback.one("aws:dms/replicationTask:ReplicationTask", task).inputs())
                    .containsEntry("startReplicationTask", false);
        }
        assertThat(rollback.outputs()).containsEntry("mode", "rollback");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The IAM action of every Task in the definition, item processors included. */
    private static void calls(JsonNode graph, Set<String> called) {
        graph.path("States").forEach(state -> {
            if (state.path("Type").asText().equals("Task")) {
                called.add(action(state.path("Resource").asText()));
            }
            if (state.has("ItemProcessor")) {
                calls(state.get("ItemProcessor"), called);
            }
        });
    }

    /** {@code arn:aws:states:::aws-sdk:ssm:putParameter} to {@code ssm:PutParameter}; optimised ones by their name. */
    private static String action(String resource) {
        var parts = resource.split(":");
        if (resource.contains(":aws-sdk:")) {
            var service = parts[parts.length - 2];
            var api = parts[parts.length - 1];
            if (service.equals("apigateway")) {
                return api.startsWith("get") ? "apigateway:GET" : "apigateway:PATCH";
            }
            return IAM_PREFIX.getOrDefault(service, service) + ":" + Character.toUpperCase(api.charAt(0)) + api.substring(1);
        }
        return switch (parts[parts.length - 2] + ":" + parts[parts.length - 1]) {
            case "sns:publish" -> "sns:Publish";
            case "lambda:invoke" -> "lambda:InvokeFunction";
            default -> throw new AssertionError("unknown integration " + resource);
        };
    }

    private static Map<String, List<String>> allowed(JsonNode policy) {
        var allowed = new HashMap<String, List<String>>();
        for (var statement : policy.path("Statement")) {
            for (var action : list(statement.path("Action"))) {
                allowed.computeIfAbsent(action, k -> new java.util.ArrayList<>()).addAll(list(statement.path("Resource")));
            }
        }
        return allowed;
    }

    private static List<String> list(JsonNode node) {
        if (node.isArray()) {
            var values = new java.util.ArrayList<String>();
            node.forEach(n -> values.add(n.asText()));
            return values;
        }
        return List.of(node.asText());
    }

}
