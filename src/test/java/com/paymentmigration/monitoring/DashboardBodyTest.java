package com.paymentmigration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBodyTest {

    static final MonitoredResources RESOURCES = new MonitoredResources("eu-central-1", "eu-central-2", "dev",
            "migration-replication-dev", "migration-forward-dev", "migration-reverse-dev", "migration-primary-dev",
            "migration-secondary-dev", "migration-payments-dev", "v1", "net/api/1", "targetgroup/legacy/1",
            "targetgroup/new/2", Map.of("rotation", "migration-secret-rotation-dev", "authorizer", "migration-authorizer-dev"),
            "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-migration-dev",
            "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-rollback-dev", "migration-api-dev",
            Optional.of(new MonitoredResources.ServiceTier("migration-payments-dev", "migration-payments-dev",
                    "app/payments-svc/3", "targetgroup/payments-svc/4")));

    /**
     * Metric names with the dimension sets AWS publishes them with (DMS, RDS/Aurora, API Gateway, Lambda, NLB, ALB,
     * ECS and Container Insights user guides), and the custom metrics of our log filters and validator.
     */
    static final Map<String, Set<String>> PUBLISHED = Map.ofEntries(
            Map.entry("AWS/DMS CDCLatencySource", Set.of("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier")),
            Map.entry("AWS/DMS CDCLatencyTarget", Set.of("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier")),
            Map.entry("AWS/DMS CDCThroughputRowsSource", Set.of("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier")),
            Map.entry("AWS/DMS CDCThroughputRowsTarget", Set.of("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier")),
            Map.entry("AWS/DMS FullLoadThroughputRowsTarget", Set.of("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier")),
            Map.entry("AWS/RDS CPUUtilization", Set.of("DBClusterIdentifier", "Role")),
            Map.entry("AWS/RDS DatabaseConnections", Set.of("DBClusterIdentifier")),
            Map.entry("AWS/RDS AuroraReplicaLagMaximum", Set.of("DBClusterIdentifier")),
            Map.entry("AWS/RDS AuroraGlobalDBReplicationLag", Set.of("DBClusterIdentifier")),
            Map.entry("AWS/ApiGateway Count", Set.of("ApiName", "Stage")),
            Map.entry("AWS/ApiGateway 4XXError", Set.of("ApiName", "Stage")),
            Map.entry("AWS/ApiGateway 5XXError", Set.of("ApiName", "Stage")),
            Map.entry("AWS/ApiGateway Latency", Set.of("ApiName", "Stage")),
            Map.entry("AWS/NetworkELB HealthyHostCount", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/NetworkELB UnHealthyHostCount", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ApplicationELB RequestCount", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ApplicationELB HTTPCode_Target_5XX_Count", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ApplicationELB TargetResponseTime", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ApplicationELB HealthyHostCount", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ApplicationELB UnHealthyHostCount", Set.of("TargetGroup", "LoadBalancer")),
            Map.entry("AWS/ECS CPUUtilization", Set.of("ClusterName", "ServiceName")),
            Map.entry("AWS/ECS MemoryUtilization", Set.of("ClusterName", "ServiceName")),
            Map.entry("ECS/ContainerInsights RunningTaskCount", Set.of("ClusterName", "ServiceName")),
            Map.entry("ECS/ContainerInsights DesiredTaskCount", Set.of("ClusterName", "ServiceName")),
            Map.entry("AWS/WAFV2 BlockedRequests", Set.of("WebACL", "Region", "Rule")),
            Map.entry("AWS/WAFV2 AllowedRequests", Set.of("WebACL", "Region", "Rule")),
            Map.entry("AWS/States ExecutionsStarted", Set.of("StateMachineArn")),
            Map.entry("AWS/States ExecutionsSucceeded", Set.of("StateMachineArn")),
            Map.entry("AWS/States ExecutionsFailed", Set.of("StateMachineArn")),
            Map.entry("AWS/States ExecutionsTimedOut", Set.of("StateMachineArn")),
            Map.entry("AWS/States ExecutionsAborted", Set.of("StateMachineArn")),
            Map.entry("AWS/Lambda Errors", Set.of("FunctionName")),
            Map.entry("AWS/Lambda Duration", Set.of("FunctionName")),
            Map.entry("AWS/Lambda Throttles", Set.of("FunctionName")),
            Map.entry("PaymentMigration/Replication TaskErrors", Set.of()),
            Map.entry("PaymentMigration/Replication TaskWarnings", Set.of()),
            Map.entry("PaymentMigration/Replication OldestSlotRetainedWalBytes", Set.of("Environment", "Database")),
            Map.entry("PaymentMigration/Api AuthorizerDenies", Set.of()),
            Map.entry("PaymentMigration/Validation RowsChecked", Set.of("Environment")),
            Map.entry("PaymentMigration/Validation Mismatches", Set.of("Environment")));
    private static final Set<String> STATS = Set.of("Average", "Sum", "Minimum", "Maximum", "SampleCount", "p50", "p99");

    private static JsonNode body() throws Exception {
        return new ObjectMapper().readTree(DashboardBody.of(RESOURCES, "## runbook"));
    }

    @Test
    void widgetsTileTheGridWithoutOverlap() throws Exception {
        var widgets = body().get("widgets");
        assertThat(widgets.size()).isBetween(2, 500);
        var cells = new HashSet<String>();
        for (var widget : widgets) {
            int x = widget.get("x").asInt(), y = widget.get("y").asInt(), w = widget.get("width").asInt(), h = widget.get("height").asInt();
            assertThat(x + w).isLessThanOrEqualTo(DashboardBody.GRID_WIDTH);
            for (int i = x; i < x + w; i++) {
                for (int j = y; j < y + h; j++) {
                    assertThat(cells.add(i + "," + j)).as("cell %d,%d used twice", i, j).isTrue();
                }
            }
        }
        assertThat(widgets.get(0).get("type").asText()).isEqualTo("text");
    }

    @Test
    void everyMetricIsOneAwsPublishesWithItsCompleteDimensionsRegionStatAndPeriod() throws Exception {
        var seen = new HashSet<String>();
        for (var widget : body().get("widgets")) {
            if (!widget.get("type").asText().equals("metric")) {
                continue;
            }
            var properties = widget.get("properties");
            assertThat(properties.get("region").asText()).isIn("eu-central-1", "eu-central-2");
            assertThat(properties.get("period").asInt()).isEqualTo(60);
            assertThat(STATS).contains(properties.get("stat").asText());
            assertThat(properties.get("title").asText()).isNotBlank();
            for (var line : properties.get("metrics")) {
                int strings = 0;
                while (strings < line.size() && line.get(strings).isTextual()) {
                    strings++;
                }
                assertThat(strings % 2).as("namespace, name, then name/value pairs: %s", line).isZero();
                var metric = line.get(0).asText() + " " + line.get(1).asText();
                assertThat(PUBLISHED).as("a metric AWS or this stack publishes").containsKey(metric);
                var dimensions = new HashSet<String>();
                for (int i = 2; i < strings; i += 2) {
                    dimensions.add(line.get(i).asText());
                    assertThat(line.get(i + 1).asText()).as("value of %s in %s", line.get(i), metric).isNotBlank();
                }
                assertThat(dimensions).as(metric).isEqualTo(PUBLISHED.get(metric));
                if (strings < line.size()) {
                    assertThat(STATS).contains(line.get(strings).get("stat").asText());
                }
                seen.add(metric);
            }
        }
        assertThat(seen).contains("AWS/DMS CDCLatencySource", "AWS/DMS CDCLatencyTarget", "AWS/RDS AuroraGlobalDBReplicationLag",
                "AWS/ApiGateway 5XXError", "AWS/Lambda Throttles", "PaymentMigration/Validation Mismatches",
                "AWS/ECS CPUUtilization", "AWS/ECS MemoryUtilization", "ECS/ContainerInsights RunningTaskCount",
                "AWS/ApplicationELB RequestCount", "AWS/ApplicationELB HTTPCode_Target_5XX_Count",
                "AWS/ApplicationELB TargetResponseTime", "AWS/ApplicationELB HealthyHostCount",
                "AWS/States ExecutionsFailed");
    }

    @Test
    void withoutTheServiceNeitherItsRowsNorItsAlarmsExist() throws Exception {
        var without = new MonitoredResources(RESOURCES.primaryRegion(), RESOURCES.secondaryRegion(), "dev",
                RESOURCES.replicationInstanceId(), RESOURCES.forwardTaskId(), RESOURCES.reverseTaskId(),
                RESOURCES.primaryClusterId(), RESOURCES.secondaryClusterId(), RESOURCES.apiName(), RESOURCES.stageName(),
                RESOURCES.loadBalancer(), RESOURCES.legacyTargetGroup(), RESOURCES.newTargetGroup(), RESOURCES.functions(),
                RESOURCES.migrationMachineArn(), RESOURCES.rollbackMachineArn(), RESOURCES.webAcl(), Optional.empty());
        assertThat(DashboardBody.of(without, "## runbook")).doesNotContain("AWS/ECS", "AWS/ApplicationELB");
        assertThat(AlarmCatalog.of(without, new Thresholds(60, 3, 1, 1000, 5000, 120, 500)))
                .extracting(AlarmCatalog.AlarmSpec::purpose).noneMatch(p -> p.startsWith("service-"));
    }

    @Test
    void theGlobalLagIsReadInTheSecondaryRegion() throws Exception {
        for (var widget : body().get("widgets")) {
            if (widget.toString().contains("AuroraGlobalDBReplicationLag")) {
                assertThat(widget.at("/properties/region").asText()).isEqualTo("eu-central-2");
            }
        }
    }

    @Test
    void theAlarmCatalogCoversEveryRequiredAlarmWithADeliberateMissingDataPolicy() {
        var alarms = AlarmCatalog.of(RESOURCES, new Thresholds(60, 3, 1, 1000, 5000, 120, 500));
        assertThat(alarms).extracting(AlarmCatalog.AlarmSpec::purpose).containsExactlyInAnyOrder("cdc-latency",
                "global-db-lag", "api-5xx-rate", "api-latency-p99", "rotation-errors", "authorizer-errors",
                "validation-mismatches", "dms-task-errors", "legacy-backend-down", "service-down",
                "service-unhealthy-hosts", "service-target-5xx-rate", "migration-executions-failed",
                "rollback-executions-failed", "replication-slot-retained-wal", "api-waf-blocked");
        assertThat(alarms.stream().filter(a -> a.purpose().endsWith("-executions-failed")))
                .as("a failed rollback must not start another").noneMatch(AlarmCatalog.AlarmSpec::critical);
        for (var alarm : alarms) {
            assertThat(alarm.missingData()).isIn("missing", "ignore", "breaching", "notBreaching");
            assertThat(alarm.period() % 60 == 0 || List.of(10, 20, 30).contains(alarm.period())).isTrue();
            assertThat(alarm.datapointsToAlarm()).isBetween(1, alarm.evaluationPeriods());
            assertThat(alarm.queries().stream().filter(AlarmCatalog.Query::returnData)).hasSize(1);
            for (var query : alarm.queries()) {
                if (query.expression() == null) {
                    var metric = query.namespace() + " " + query.metric();
                    assertThat(PUBLISHED).containsKey(metric);
                    assertThat(query.dimensions().keySet()).as(metric).isEqualTo(PUBLISHED.get(metric));
                }
            }
        }
        var latency = alarms.stream().filter(a -> a.purpose().equals("cdc-latency")).findFirst().orElseThrow();
        assertThat(latency.threshold()).isEqualTo(60);
        assertThat(alarms.stream().filter(a -> a.purpose().equals("global-db-lag")).findFirst().orElseThrow().secondary()).isTrue();
    }
}
