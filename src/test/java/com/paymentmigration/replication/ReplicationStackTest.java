package com.paymentmigration.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationStackTest {

    private static final String TASK = "aws:dms/replicationTask:ReplicationTask";
    private static final String ENDPOINT = "aws:dms/endpoint:Endpoint";
    private static final String ROLE = "aws:iam/role:Role";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void theAccountRolesHaveTheExactNamesAndManagedPoliciesAndGateTheInstance() {
        var vpcRole = run.one(ROLE, "replication-dms-vpc-role");
        assertThat(vpcRole.inputs()).containsEntry("name", "dms-vpc-role");
        assertThat(vpcRole.stringInput("assumeRolePolicy")).contains("\"Service\":\"dms.amazonaws.com\"");
        assertThat(run.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "replication-dms-vpc-role-policy").inputs())
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonDMSVPCManagementRole");
        assertThat(run.one(ROLE, "replication-dms-cloudwatch-logs-role").inputs()).containsEntry("name", "dms-cloudwatch-logs-role");
        assertThat(run.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "replication-dms-cloudwatch-logs-role-policy")
                .inputs()).containsEntry("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonDMSCloudWatchLogsRole");
        var instance = run.one("aws:dms/replicationInstance:ReplicationInstance", "replication-instance");
        assertThat(instance.dependsOn()).anyMatch(d -> d.endsWith("::replication-dms-vpc-role-policy"))
                .anyMatch(d -> d.endsWith("::replication-dms-cloudwatch-logs-role-policy"));

        var existing = StackFixture.dev("createDmsAccountRoles=false");
        assertThat(existing.ofType(ROLE)).noneMatch(r -> r.name().startsWith("replication-dms-"));
        assertThat(existing.one("aws:dms/replicationInstance:ReplicationInstance", "replication-instance")).isNotNull();
    }

    @Test
    void theInstanceIsMultiAzPrivateEncryptedAndSpreadOverTheDmsSubnets() {
        var instance = run.one("aws:dms/replicationInstance:ReplicationInstance", "replication-instance");
        assertThat(instance.inputs()).containsEntry("replicationInstanceId", "migration-replication-dev")
                .containsEntry("replicationInstanceClass", "dms.r6i.large").containsEntry("allocatedStorage", 100L)
                .containsEntry("engineVersion", "3.5.4").containsEntry("multiAz", true)
                .containsEntry("publiclyAccessible", false).containsEntry("autoMinorVersionUpgrade", false)
                .containsEntry("kmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:key/keys-primary")
                .containsEntry("vpcSecurityGroupIds", List.of("migration-migration-dms-dev"));
        var group = run.one("aws:dms/replicationSubnetGroup:ReplicationSubnetGroup", "replication-subnets");
        var zones = new HashSet<Object>();
        for (var id : (List<?>) group.input("subnetIds").orElseThrow()) {
            var subnet = run.one("aws:ec2/subnet:Subnet", id.toString());
            assertThat(subnet.inputs().get("tags")).asString().contains("Tier=dms");
            zones.add(subnet.inputs().get("availabilityZone"));
        }
        assertThat(zones).hasSize(3).allSatisfy(z -> assertThat(z.toString()).startsWith("eu-central-1"));
    }

    @Test
    void everyEndpointReadsItsSecretOverTlsAndNothingIsInline() {
        var endpoints = run.ofType(ENDPOINT);
        assertThat(endpoints).hasSize(4);
        for (var endpoint : endpoints) {
            assertThat(endpoint.inputs()).doesNotContainKeys("username", "password", "serverName", "port")
                    .containsEntry("sslMode", "require").containsEntry("databaseName", "payments")
                    .containsEntry("secretsManagerAccessRoleArn", "arn:aws:iam::123456789012:role/migration-dms-secret-access-dev");
            assertThat(endpoint.dependsOn()).anyMatch(d -> d.endsWith("::replication-secret-access-policy"));
        }
        assertThat(run.one(ENDPOINT, "replication-onprem-source").stringInput("secretsManagerArn"))
                .contains(":secret:dev/payments/onprem-postgres-");
        assertThat(run.one(ENDPOINT, "replication-aurora-target").stringInput("secretsManagerArn"))
                .contains(":secret:dev/payments/aurora-master-");

        var role = run.one(ROLE, "replication-secret-access-role");
        assertThat(role.stringInput("assumeRolePolicy")).contains("dms.eu-central-1.amazonaws.com", "dms.amazonaws.com",
                "aws:SourceAccount");
        var policy = run.one("aws:iam/rolePolicy:RolePolicy", "replication-secret-access-policy").stringInput("policy");
        assertThat(policy).contains("secretsmanager:GetSecretValue", ":secret:dev/payments/onprem-postgres-",
                ":secret:dev/payments/aurora-master-").doesNotContain("\"Resource\":\"*\"");
    }

    @Test
    void aConfiguredCaMakesTheEndpointsVerifyTheServer() throws Exception {
        var pem = Files.readString(Path.of("src/test/resources/certs/test-ca.pem"));
        var verified = StackFixture.dev("sourceDbCaCertificate=" + pem, "auroraCaCertificate=" + pem);
        var certificate = verified.one("aws:dms/certificate:Certificate", "replication-onprem-ca");
        assertThat(certificate.stringInput("certificatePem")).startsWith("-----BEGIN CERTIFICATE-----");
        for (var endpoint : verified.ofType(ENDPOINT)) {
            assertThat(endpoint.inputs()).containsEntry("sslMode", "verify-full");
            var expected = endpoint.stringInput("engineName").equals("postgres") ? "onprem-ca" : "aurora-ca";
            assertThat(endpoint.stringInput("certificateArn")).endsWith(":cert:migration-" + expected + "-dev");
        }
    }

    @Test
    void theSourcesDecodeLogicallyAndTheTargetsSkipTriggers() {
        for (var name : List.of("replication-onprem-source", "replication-aurora-source")) {
            var endpoint = run.one(ENDPOINT, name);
            assertThat(endpoint.input("postgresSettings").orElseThrow()).asString()
                    .contains("heartbeatEnable=true", "captureDdls=false");
            assertThat(endpoint.stringInput("postgresSettings.pluginName")).as("the DMS API's PluginNameValue spelling")
                    .isEqualTo("test-decoding");
            assertThat(endpoint.stringInput("postgresSettings.heartbeatSchema")).isEqualTo(TaskSettings.CONTROL_SCHEMA);
        }
        assertThat(run.one(ENDPOINT, "replication-aurora-source").stringInput("postgresSettings.slotName"))
                .as("the reverse task reads the slot the cutover creates").isEqualTo("migration_reverse_dev");
        assertThat(run.one(ENDPOINT, "replication-onprem-source").input("postgresSettings.slotName")).isEmpty();
        for (var name : List.of("replication-aurora-target", "replication-onprem-target")) {
            assertThat(run.one(ENDPOINT, name).stringInput("postgresSettings.afterConnectScript"))
                    .isEqualTo("SET session_replication_role = replica");
        }
    }

    @Test
    void theForwardTaskLoadsAndCapturesOnPremIntoAuroraAndIsNeverStartedByUp() throws Exception {
        var forward = run.one(TASK, "replication-forward");
        assertThat(forward.inputs()).containsEntry("migrationType", "full-load-and-cdc")
                .containsEntry("startReplicationTask", false).containsEntry("replicationTaskId", "migration-forward-dev")
                .containsEntry("resourceIdentifier", "migration-forward-dev");
        assertThat(forward.stringInput("sourceEndpointArn")).endsWith(":endpoint:migration-onprem-source-dev");
        assertThat(forward.stringInput("targetEndpointArn")).endsWith(":endpoint:migration-aurora-target-dev");
        assertThat(forward.options().ignoreChanges()).contains("startReplicationTask");
        assertValidTaskDocuments(forward);
    }

    @Test
    void theReverseTaskCapturesAuroraBackToOnPremAndStaysStopped() throws Exception {
        var reverse = run.one(TASK, "replication-reverse");
        assertThat(reverse.inputs()).containsEntry("migrationType", "cdc").containsEntry("startReplicationTask", false);
        assertThat(reverse.stringInput("sourceEndpointArn")).endsWith(":endpoint:migration-aurora-source-dev");
        assertThat(reverse.stringInput("targetEndpointArn")).endsWith(":endpoint:migration-onprem-target-dev");
        assertThat(run.one(ENDPOINT, "replication-aurora-source").inputs()).containsEntry("endpointType", "source")
                .containsEntry("engineName", "aurora-postgresql");
        assertThat(run.one(ENDPOINT, "replication-onprem-target").inputs()).containsEntry("endpointType", "target")
                .containsEntry("engineName", "postgres");
        assertThat(reverse.options().ignoreChanges()).contains("startReplicationTask");
        assertThat(reverse.stringInput("tableMappings")).isEqualTo(run.one(TASK, "replication-forward").stringInput("tableMappings"));
        assertValidTaskDocuments(reverse);
    }

    @Test
    void noModeLetsUpStartOrStopATaskTheStateMachinesOwnTheDirection() {
        for (var mode : List.of("forward", "rollback")) {
            var stack = StackFixture.dev("mode=" + mode);
            for (var name : List.of("replication-forward", "replication-reverse")) {
                var task = stack.one(TASK, name);
                assertThat(task.inputs()).as(mode + " " + name).containsEntry("startReplicationTask", false)
                        .doesNotContainKeys("cdcStartPosition", "cdcStartTime");
                assertThat(task.options().ignoreChanges()).as(mode + " " + name)
                        .containsExactlyInAnyOrderElementsOf(Replication.RUNTIME_MANAGED);
            }
        }
    }

    @Test
    void arnsAndIdentifiersArePublishedUnderReplication() {
        var names = new HashSet<String>();
        run.ofType("aws:ssm/parameter:Parameter").forEach(p -> names.add(p.stringInput("name")));
        assertThat(names).contains("/migration/dev/replication/instance-arn", "/migration/dev/replication/instance-id",
                "/migration/dev/replication/forward-task-arn", "/migration/dev/replication/reverse-task-arn");
        assertThat(run.one("aws:ssm/parameter:Parameter", "replication-forward-task-arn").stringInput("insecureValue"))
                .isEqualTo("arn:aws:dms:eu-central-1:123456789012:task:migration-forward-dev");
        assertThat(run.outputs()).containsEntry("forwardTaskArn", "arn:aws:dms:eu-central-1:123456789012:task:migration-forward-dev")
                .containsEntry("reverseTaskArn", "arn:aws:dms:eu-central-1:123456789012:task:migration-reverse-dev")
                .containsEntry("replicationInstanceArn", "arn:aws:dms:eu-central-1:123456789012:rep:migration-replication-dev");
    }

    @Test
    void taskLogsGoToAnEncryptedGroupUnderTheNameDmsUses() {
        var group = run.one("aws:cloudwatch/logGroup:LogGroup", "replication-task-logs");
        assertThat(group.inputs()).containsEntry("name", "dms-tasks-migration-replication-dev").containsEntry("retentionInDays", 30L)
                .containsEntry("kmsKeyId", "arn:aws:kms:eu-central-1:123456789012:key/keys-primary");
    }

    private static void assertValidTaskDocuments(RecordedResource task) throws Exception {
        JsonNode mappings = JSON.readTree(task.stringInput("tableMappings"));
        assertThat(mappings.get("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.get("rule-type").asText()).isEqualTo("selection");
            assertThat(Set.of("include", "exclude")).contains(rule.get("rule-action").asText());
        });
        JsonNode settings = JSON.readTree(task.stringInput("replicationTaskSettings"));
        assertThat(settings.at("/Logging/EnableLogging").asBoolean()).isTrue();
        assertThat(settings.at("/ValidationSettings/EnableValidation").asBoolean()).isTrue();
        assertThat(settings.at("/Logging/CloudWatchLogGroup").isMissingNode()).isTrue();
    }
}
