package com.paymentmigration.database;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseStackTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void engineVersionAndParameterFamilyMatch() {
        var global = run.one("aws:rds/globalCluster:GlobalCluster", "database-global");
        assertThat(global.inputs()).containsEntry("engine", "aurora-postgresql").containsEntry("engineVersion", "16.8")
                .containsEntry("storageEncrypted", true).containsEntry("forceDestroy", true)
                .containsEntry("deletionProtection", false)
                .containsEntry("engineLifecycleSupport", "open-source-rds-extended-support-disabled");
        for (var cluster : run.ofType(CLUSTER)) {
            assertThat(cluster.inputs()).containsEntry("engine", "aurora-postgresql").containsEntry("engineVersion", "16.8");
        }
        assertThat(run.ofType("aws:rds/clusterParameterGroup:ClusterParameterGroup")).hasSize(2)
                .allSatisfy(g -> assertThat(g.inputs()).containsEntry("family", "aurora-postgresql16"));
        var major17 = StackFixture.dev("auroraEngineVersion=17.4");
        assertThat(major17.ofType("aws:rds/clusterParameterGroup:ClusterParameterGroup"))
                .allSatisfy(g -> assertThat(g.inputs()).containsEntry("family", "aurora-postgresql17"));
    }

    @Test
    void tlsIsForcedAndLogicalReplicationWaitsForAReboot() {
        var group = run.one("aws:rds/clusterParameterGroup:ClusterParameterGroup", "primary-cluster-parameters");
        List<Object> parameters = List.copyOf((List<?>) group.input("parameters").orElseThrow());
        assertThat(parameters).contains(
                Map.of("name", "rds.force_ssl", "value", "1", "applyMethod", "immediate"),
                Map.of("name", "rds.logical_replication", "value", "1", "applyMethod", "pending-reboot"));
    }

    @Test
    void thePrimaryHasTheMasterCredentialsAsSecretsAndIgnoresRotatedPasswords() {
        var primary = run.one(CLUSTER, "database-primary");
        assertThat(primary.inputs()).containsEntry("masterUsername", RecordedResource.SECRET)
                .containsEntry("masterPassword", RecordedResource.SECRET)
                .containsEntry("kmsKeyId", "arn:aws:kms:eu-central-1:123456789012:key/keys-primary")
                .containsEntry("globalClusterIdentifier", "migration-global-dev")
                .containsEntry("skipFinalSnapshot", true).containsEntry("deletionProtection", false)
                .containsEntry("iamDatabaseAuthenticationEnabled", true)
                .containsEntry("backupRetentionPeriod", 7L)
                .containsEntry("enabledCloudwatchLogsExports", List.of("postgresql"))
                .doesNotContainKey("manageMasterUserPassword");
        assertThat(primary.options().ignoreChanges()).containsExactlyInAnyOrder("engineVersion", "masterPassword");
        assertThat(primary.providerName()).contains("aws-primary");
    }

    @Test
    void theSecondaryUsesItsRegionsProviderAndKeyAndNoCredentials() {
        var secondary = run.one(CLUSTER, "database-secondary");
        assertThat(secondary.providerName()).contains("aws-secondary");
        assertThat(secondary.inputs()).containsEntry("kmsKeyId", "arn:aws:kms:eu-central-2:123456789012:key/keys-secondary")
                .doesNotContainKeys("masterUsername", "masterPassword", "databaseName", "replicationSourceIdentifier");
        assertThat(secondary.options().ignoreChanges()).contains("replicationSourceIdentifier", "engineVersion");
        assertThat(secondary.dependsOn()).anyMatch(u -> u.endsWith("ClusterInstance::database-primary-0"));
        assertThat(secondary.input("vpcSecurityGroupIds")).contains(List.of("migration-secondary-database-dev"));
    }

    @Test
    void instancesAreMemoryOptimisedSpreadAndPrivate() {
        var primaryInstances = run.ofType(INSTANCE).stream().filter(i -> i.name().startsWith("database-primary")).toList();
        assertThat(primaryInstances).hasSize(2);
        assertThat(primaryInstances).extracting(i -> i.stringInput("availabilityZone"))
                .containsExactly("eu-central-1a", "eu-central-1b");
        assertThat(run.ofType(INSTANCE)).hasSize(4).allSatisfy(i -> {
            assertThat(i.stringInput("instanceClass")).matches("db\\.(r5|r6g|r6i|r7g|r7i|r8g|x2g)\\..+");
            assertThat(i.inputs()).containsEntry("publiclyAccessible", false).containsEntry("performanceInsightsEnabled", true);
        });
        assertThat(run.one(INSTANCE, "database-secondary-0").inputs())
                .containsEntry("performanceInsightsKmsKeyId", "arn:aws:kms:eu-central-2:123456789012:key/keys-secondary");
        assertThat(StackFixture.dev("auroraReaderCount=3").ofType(INSTANCE)).hasSize(6);
    }

    @Test
    void theSecondarySurvivesAZoneLossByDefaultAndKeepsAWeekOfBackups() {
        var secondaryInstances = run.ofType(INSTANCE).stream().filter(i -> i.name().startsWith("database-secondary")).toList();
        assertThat(secondaryInstances).extracting(i -> i.stringInput("availabilityZone"))
                .containsExactly("eu-central-2a", "eu-central-2b");
        assertThat(secondaryInstances).allSatisfy(i -> assertThat(i.stringInput("clusterIdentifier"))
                .isEqualTo("migration-secondary-dev"));
        assertThat(run.ofType(CLUSTER)).allSatisfy(c -> {
            assertThat(c.inputs()).containsEntry("backupRetentionPeriod", 7L);
            assertThat(c.stringInput("tags." + Database.ZONE_LOSS_ACCEPTED_TAG)).isNull();
        });
    }

    @Test
    void aSingleZoneSecondaryIsTaggedAsAcceptedOnlyByTheExplicitChoice() {
        var single = StackFixture.dev("auroraSecondaryInstanceCount=1", "auroraAcceptSingleAz=true");
        assertThat(single.one(CLUSTER, "database-secondary").stringInput("tags." + Database.ZONE_LOSS_ACCEPTED_TAG))
                .isEqualTo("true");
        assertThat(single.one(CLUSTER, "database-primary").stringInput("tags." + Database.ZONE_LOSS_ACCEPTED_TAG))
                .as("the primary still has a reader in another zone").isNull();
        assertThat(StackFixture.dev("auroraSecondaryInstanceCount=1").succeeded()).isFalse();
    }

    @Test
    void everyInstanceHasEnhancedMonitoringThroughARoleLimitedToTheMetricsLogGroup() {
        var role = run.one("aws:iam/role:Role", "database-monitoring-role");
        assertThat(role.stringInput("assumeRolePolicy")).contains("\"Service\":\"monitoring.rds.amazonaws.com\"")
                .contains("\"aws:SourceAccount\":\"123456789012\"");
        var policy = run.one("aws:iam/rolePolicy:RolePolicy", "database-monitoring-policy").stringInput("policy");
        assertThat(policy).isEqualTo(Database.monitoringPolicy("123456789012", List.of("eu-central-1", "eu-central-2")))
                .contains("arn:aws:logs:eu-central-2:123456789012:log-group:RDSOSMetrics:log-stream:*")
                .doesNotContain("\"*\"");
        assertThat(run.ofType(INSTANCE)).allSatisfy(i -> {
            assertThat(i.inputs()).containsEntry("monitoringInterval", 60L)
                    .containsEntry("monitoringRoleArn", "arn:aws:iam::123456789012:role/" + role.stringInput("name"));
            assertThat(i.dependsOn()).anyMatch(u -> u.endsWith("RolePolicy::database-monitoring-policy"));
        });
        assertThat(StackFixture.dev("auroraMonitoringIntervalSeconds=5").ofType(INSTANCE))
                .allSatisfy(i -> assertThat(i.inputs()).containsEntry("monitoringInterval", 5L));
    }

    @Test
    void eachRegionsEnhancedMonitoringGroupIsTheStacksWithItsKeyAndRetentionAndComesFirst() {
        var groups = run.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .filter(g -> "RDSOSMetrics".equals(g.stringInput("name"))).toList();
        assertThat(groups).extracting(g -> g.providerName().orElseThrow()).containsExactlyInAnyOrder("aws-primary", "aws-secondary");
        for (var group : groups) {
            var region = group.providerName().orElseThrow().equals("aws-primary") ? "eu-central-1" : "eu-central-2";
            assertThat(group.stringInput("kmsKeyId")).startsWith("arn:aws:kms:" + region + ":");
            assertThat(group.inputs()).containsEntry("retentionInDays", 30L); // the dev stack's logRetentionDays
            assertThat(run.ofType(INSTANCE)).filteredOn(i -> i.providerName().equals(group.providerName()))
                    .isNotEmpty().allSatisfy(i -> assertThat(i.dependsOn()).contains(group.urn()));
        }
        // CloudWatch Logs may use each region's key for the group: the key policy names it.
        assertThat(run.ofType("aws:kms/key:Key")).hasSize(2).allSatisfy(key -> assertThat(key.stringInput("policy"))
                .contains(":log-group:RDSOSMetrics\""));

        var elsewhere = StackFixture.dev("auroraCreateOsMetricsLogGroups=false");
        assertThat(elsewhere.ofType("aws:cloudwatch/logGroup:LogGroup"))
                .noneMatch(g -> "RDSOSMetrics".equals(g.stringInput("name")));
        assertThat(elsewhere.ofType(INSTANCE)).hasSize(4).allSatisfy(i -> assertThat(
                i.stringInput("tags." + Database.OS_METRICS_ELSEWHERE_TAG)).isEqualTo("true"));
        assertThat(run.ofType(INSTANCE)).allSatisfy(i -> assertThat(i.stringInput("tags." + Database.OS_METRICS_ELSEWHERE_TAG)).isNull());
    }

    @Test
    void endpointsArePublishedAndExported() {
        var endpoints = run.ofType("aws:ssm/parameter:Parameter").stream()
                .filter(p -> p.stringInput("name").startsWith("/migration/dev/database/") && p.stringInput("name").endsWith("endpoint"))
                .map(p -> p.stringInput("name")).toList();
        assertThat(endpoints).containsExactlyInAnyOrder("/migration/dev/database/writer-endpoint",
                "/migration/dev/database/reader-endpoint", "/migration/dev/database/secondary-reader-endpoint");
        assertThat(run.outputs()).containsEntry("globalClusterId", "migration-global-dev")
                .containsEntry("auroraWriterEndpoint", "migration-primary-dev.cluster-plan.eu-central-1.rds.amazonaws.com")
                .containsKey("auroraSecondaryReaderEndpoint");
    }
}
