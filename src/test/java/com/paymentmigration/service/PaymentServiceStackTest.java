package com.paymentmigration.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentServiceStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ECS_SERVICE = "aws:ecs/service:Service";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String REPOSITORY_ARN = "arn:aws:ecr:eu-central-1:123456789012:repository/migration-payments-service-dev";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    private static JsonNode policy(String name) throws Exception {
        return JSON.readTree(run.one(POLICY, name).stringInput("policy"));
    }

    @Test
    void theAgentAndTheApplicationHaveSeparateRolesThatShareNoRight() throws Exception {
        var execution = policy("service-execution-policy");
        var task = policy("service-task-policy");
        var agentActions = PolicyChecks.allowedActions(execution);
        var appActions = PolicyChecks.allowedActions(task);
        assertThat(agentActions).containsExactlyInAnyOrder("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(appActions).containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "ssm:GetParameter",
                "ssm:GetParameters", "ssm:GetParametersByPath");
        assertThat(agentActions).doesNotContainAnyElementsOf(appActions);
        assertThat(execution.at("/Statement/0/Resource").asText()).isEqualTo(REPOSITORY_ARN);
        assertThat(execution.at("/Statement/2/Resource").asText())
                .isEqualTo("arn:aws:logs:eu-central-1:123456789012:log-group:/migration/dev/payments-service:*");
        // Its own secret only: not the on-prem, Aurora master or key-set secrets.
        assertThat(task.at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:dev/payments/service-db-AbCdEf");
        assertThat(task.at("/Statement/1/Resource")).extracting(JsonNode::asText).containsExactly(
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/service",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/service/*");
        assertThat(task.at("/Statement/2/Resource")).extracting(JsonNode::asText).containsExactly(
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/write-freeze",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/active-writer",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/writer-flag-max-age-seconds",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/longest-write-transaction-seconds");
        for (var role : List.of("service-execution-role", "service-task-role")) {
            var trust = JSON.readTree(run.one(ROLE, role).stringInput("assumeRolePolicy"));
            assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("ecs-tasks.amazonaws.com");
            assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
        }
        var definition = run.one(TASK_DEFINITION, "service-task-definition");
        assertThat(definition.stringInput("executionRoleArn")).endsWith(":role/migration-payments-service-execution-dev");
        assertThat(definition.stringInput("taskRoleArn")).endsWith(":role/migration-payments-service-task-dev");
    }

    @Test
    void theTaskRunsOnFargateInItsOwnInterfaceWithTheConfiguredImageAndLogs() throws Exception {
        var definition = run.one(TASK_DEFINITION, "service-task-definition");
        assertThat(definition.inputs()).containsEntry("requiresCompatibilities", List.of("FARGATE"))
                .containsEntry("networkMode", "awsvpc").containsEntry("cpu", "512").containsEntry("memory", "1024")
                .containsEntry("family", "migration-payments-dev");
        var container = JSON.readTree(definition.stringInput("containerDefinitions")).get(0);
        assertThat(container.get("image").asText())
                .isEqualTo("123456789012.dkr.ecr.eu-central-1.amazonaws.com/migration-payments-service-dev:2026.11.0");
        assertThat(container.at("/logConfiguration/options/awslogs-group").asText()).isEqualTo("/migration/dev/payments-service");
        assertThat(container.at("/healthCheck/command/1").asText()).contains("http://localhost:8080/health");
        assertThat(container.get("environment")).extracting(e -> e.get("name").asText() + "=" + e.get("value").asText())
                .contains("PARAMETER_PATH=/migration/dev/service",
                        "WRITE_FREEZE_PARAMETER=/migration/dev/database/write-freeze",
                        "FLAG_MAX_AGE_PARAMETER=/migration/dev/database/writer-flag-max-age-seconds");
        var logs = run.one("aws:cloudwatch/logGroup:LogGroup", "service-logs");
        assertThat(logs.stringInput("kmsKeyId")).startsWith("arn:aws:kms:eu-central-1:");
        assertThat(logs.inputs()).containsEntry("retentionInDays", 30L);
    }

    @Test
    void theServiceIsPrivateRollsBackFailedDeploymentsAndWaitsForItsDependencies() {
        var service = run.one(ECS_SERVICE, "service-service");
        assertThat(service.inputs()).containsEntry("launchType", "FARGATE").containsEntry("desiredCount", 2L)
                .containsEntry("healthCheckGracePeriodSeconds", 120L).containsEntry("enableExecuteCommand", false)
                .containsEntry("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))
                .containsEntry("waitForSteadyState", false);
        assertThat(service.input("networkConfiguration.assignPublicIp")).contains(false);
        assertThat(service.input("networkConfiguration.subnets").orElseThrow().toString())
                .contains("migration-private-a", "migration-private-b", "migration-private-c");
        assertThat((List<?>) service.input("networkConfiguration.securityGroups").orElseThrow()).hasSize(2);
        assertThat(service.input("loadBalancers.0").orElseThrow()).isEqualTo(Map.of(
                "targetGroupArn", "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/migration-payments-svc-dev/plan",
                "containerName", "payments", "containerPort", 8080L));
        assertThat(service.dependsOn()).anyMatch(d -> d.endsWith("Listener::service-tls"))
                .anyMatch(d -> d.endsWith("RolePolicy::service-execution-policy"))
                .anyMatch(d -> d.endsWith("RolePolicy::service-task-policy"));
        assertThat(service.options().ignoreChanges()).containsExactly("desiredCount");
        // A deployment whose tasks start but fail requests is rolled back by the 5XX alarm, which exists by that name.
        assertThat(service.input("alarms").orElseThrow()).isEqualTo(Map.of("enable", true, "rollback", true,
                "alarmNames", List.of("migration-alarm-service-target-5xx-rate-dev")));
        assertThat(run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).extracting(a -> a.stringInput("name"))
                .contains("migration-alarm-service-target-5xx-rate-dev");
        var pinned = StackFixture.dev("serviceImageRepository=123456789012.dkr.ecr.eu-central-1.amazonaws.com/payments");
        assertThat(pinned.one(ECS_SERVICE, "service-service").inputs()).as("a pushed image is awaited")
                .containsEntry("waitForSteadyState", true);
        assertThat(pinned.ofType("aws:ecr/repository:Repository")).isEmpty();
        assertThat(pinned.one(POLICY, "service-execution-policy").stringInput("policy"))
                .contains("arn:aws:ecr:eu-central-1:123456789012:repository/payments\"");
    }

    @Test
    void autoScalingTracksCpuAndMemoryBetweenTheConfiguredBounds() {
        var target = run.one("aws:appautoscaling/target:Target", "service-scaling");
        assertThat(target.inputs()).containsEntry("serviceNamespace", "ecs")
                .containsEntry("scalableDimension", "ecs:service:DesiredCount")
                .containsEntry("resourceId", "service/migration-payments-dev/migration-payments-dev")
                .containsEntry("minCapacity", 2L).containsEntry("maxCapacity", 4L);
        var policies = run.ofType("aws:appautoscaling/policy:Policy");
        assertThat(policies).hasSize(2).allSatisfy(p -> {
            assertThat(p.inputs()).containsEntry("policyType", "TargetTrackingScaling")
                    .containsEntry("resourceId", "service/migration-payments-dev/migration-payments-dev");
            assertThat(p.input("targetTrackingScalingPolicyConfiguration.scaleInCooldown")).contains(300L);
        });
        assertThat(policies).extracting(p -> p.stringInput(
                        "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType") + "="
                        + p.input("targetTrackingScalingPolicyConfiguration.targetValue").orElseThrow())
                .containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization=60", "ECSServiceAverageMemoryUtilization=70");
    }

    @Test
    void theLoadBalancerIsInternalAndRegistersTasksByAddressWithTheConfiguredHealthCheck() {
        var alb = run.one("aws:lb/loadBalancer:LoadBalancer", "service-alb");
        assertThat(alb.inputs()).containsEntry("internal", true).containsEntry("loadBalancerType", "application")
                .containsEntry("dropInvalidHeaderFields", true).containsEntry("enableDeletionProtection", false);
        var group = run.one(TARGET_GROUP, "service-targets");
        assertThat(group.inputs()).containsEntry("targetType", "ip").containsEntry("port", 8080L)
                .containsEntry("protocol", "HTTP").containsEntry("deregistrationDelay", 30L);
        assertThat(group.input("healthCheck").orElseThrow()).isEqualTo(Map.of("protocol", "HTTP", "path", "/health",
                "matcher", "200", "interval", 15L, "timeout", 5L, "healthyThreshold", 2L, "unhealthyThreshold", 3L));
        var tls = run.one(LISTENER, "service-tls");
        assertThat(tls.inputs()).containsEntry("protocol", "HTTPS").containsEntry("port", 443L)
                .containsEntry("sslPolicy", PaymentService.TLS_POLICY)
                .containsEntry("certificateArn",
                        "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-1111-4111-8111-111111111111");
        assertThat(run.ofType(LISTENER)).extracting(RecordedResource::name).doesNotContain("service-http");
        var http = StackFixture.dev("serviceHttpListener=true");
        assertThat(http.one(LISTENER, "service-http").inputs()).containsEntry("protocol", "HTTP").containsEntry("port", 80L);
        assertThat(http.ofType(INGRESS)).extracting(r -> r.inputs().get("fromPort")).contains(80L);
    }

    @Test
    void theLoadBalancerLogsEveryRequestToItsLogBucketOnceItMayWriteThere() {
        var alb = run.one("aws:lb/loadBalancer:LoadBalancer", "service-alb");
        assertThat(alb.input("accessLogs")).contains(Map.of("enabled", true,
                "bucket", "migration-load-balancer-logs-dev-123456789012", "prefix", "payment-service"));
        // ELB tests its write access when logging is switched on: the bucket policy must exist first.
        assertThat(alb.dependsOn()).anyMatch(u -> u.endsWith("BucketPolicy::load-balancer-logs-policy"));
    }

    @Test
    void onlyTheLoadBalancerReachesTheTasksAndOnlyPrivateClientsReachTheLoadBalancer() {
        var fromAlb = run.one(INGRESS, "service-tasks-from-alb");
        assertThat(fromAlb.inputs()).containsEntry("fromPort", 8080L).containsEntry("toPort", 8080L)
                .containsEntry("referencedSecurityGroupId", "migration-service-alb-dev").doesNotContainKey("cidrIpv4");
        var clients = run.ofType(INGRESS).stream().filter(r -> r.name().startsWith("service-alb-from-")).toList();
        assertThat(clients).allSatisfy(r -> assertThat(r.inputs()).containsEntry("fromPort", 443L));
        assertThat(clients).extracting(r -> r.stringInput("cidrIpv4")).contains("172.16.0.0/16", "192.168.100.0/24")
                .noneMatch(cidr -> cidr.equals("0.0.0.0/0"));
        assertThat(clients).as("3 migration and 3 production private subnets, 2 on-prem networks").hasSize(8);
        var withoutDns = StackFixture.dev("dnsDomainName=", "trafficShiftBy=api");
        assertThat(withoutDns.ofType(INGRESS).stream().filter(r -> r.name().startsWith("service-alb-from-")))
                .as("without the weighted name only the API's private link calls it").hasSize(3);
    }

    @Test
    void theRepositoryKeepsEveryImageEncryptedAndScanned() {
        var repository = run.one("aws:ecr/repository:Repository", "service-images");
        assertThat(repository.inputs()).containsEntry("imageTagMutability", "IMMUTABLE").containsEntry("forceDelete", true)
                .containsEntry("imageScanningConfiguration", Map.of("scanOnPush", true));
        assertThat(repository.stringInput("encryptionConfigurations.0.encryptionType")).isEqualTo("KMS");
        assertThat(repository.stringInput("encryptionConfigurations.0.kmsKey")).startsWith("arn:aws:kms:eu-central-1:");
        assertThat(run.one("aws:ecs/cluster:Cluster", "service-cluster").input("settings.0").orElseThrow())
                .isEqualTo(Map.of("name", "containerInsights", "value", "enabled"));
    }

    @Test
    void theServiceReadsItsSettingsFromItsOwnParameters() {
        var parameters = run.ofType("aws:ssm/parameter:Parameter").stream()
                .filter(p -> p.stringInput("name").startsWith("/migration/dev/service/")).toList();
        assertThat(parameters).extracting(p -> p.stringInput("name")).containsExactlyInAnyOrder(
                "/migration/dev/service/database-endpoint", "/migration/dev/service/database-name",
                "/migration/dev/service/database-secret-arn");
        assertThat(run.one("aws:ssm/parameter:Parameter", "service-database-endpoint").stringInput("insecureValue"))
                .isEqualTo("migration-primary-dev.cluster-plan.eu-central-1.rds.amazonaws.com");
        assertThat(run.outputs()).containsEntry("serviceClusterName", "migration-payments-dev")
                .containsEntry("serviceImageRepositoryUrl",
                        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/migration-payments-service-dev");
    }
}
