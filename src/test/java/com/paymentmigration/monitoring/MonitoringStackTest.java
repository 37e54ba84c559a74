package com.paymentmigration.monitoring;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringStackTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void theDashboardUrlPointsAtThePrimaryRegionsDashboard() {
        var dashboard = run.one("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard");
        assertThat(dashboard.inputs()).containsEntry("dashboardName", "migration-payments-dev");
        assertThat(run.outputs()).containsEntry("dashboardUrl", "https://eu-central-1.console.aws.amazon.com/cloudwatch/"
                + "home?region=eu-central-1#dashboards:name=migration-payments-dev");
        assertThat(dashboard.stringInput("dashboardBody")).contains("migration-forward-dev", "migration-secondary-dev");
    }

    @Test
    void everyAlarmNotifiesTheTopicOfItsOwnRegion() {
        var alarms = run.ofType(ALARM);
        assertThat(alarms).as("8 migration alarms (replication slots among them), 1 for the API's web ACL, 2 for the "
                + "state machines, 3 for the payment service and an errors alarm per function (5)").hasSize(19);
        for (var alarm : alarms) {
            var region = "aws-secondary".equals(alarm.providerName().orElse("")) ? "eu-central-2" : "eu-central-1";
            var topic = "arn:aws:sns:" + region + ":123456789012:migration-alarms" + (region.equals("eu-central-2") ? "-secondary" : "") + "-dev";
            assertThat(alarm.inputs()).containsEntry("alarmActions", List.of(topic)).containsEntry("okActions", List.of(topic));
            assertThat(alarm.stringInput("treatMissingData")).isNotNull();
        }
        assertThat(run.one(ALARM, "monitoring-global-db-lag").providerName()).contains("aws-secondary");
    }

    @Test
    void alarmDimensionsNameTheStacksOwnResources() {
        var own = new HashSet<String>();
        for (var resource : run.resources()) {
            for (var key : List.of("clusterIdentifier", "replicationInstanceId", "name", "stageName", "functionName")) {
                if (resource.inputs().get(key) instanceof String value) {
                    own.add(value);
                }
            }
        }
        own.add("dev");
        own.add("migration-forward-dev");
        // The Database dimension of replication-ops' slot metric names the two databases, not resources.
        own.addAll(Metrics.SLOT_DATABASES);
        // A regional web ACL's metrics are also dimensioned by region, and by rule (ALL: the ACL's totals).
        own.add("eu-central-1");
        own.add("ALL");
        int checked = 0;
        for (var alarm : run.ofType(ALARM)) {
            // A plain alarm names its metric's dimensions itself; a metric-math alarm in each query.
            var dimensionSets = new java.util.ArrayList<Map<?, ?>>();
            alarm.input("dimensions").ifPresent(d -> dimensionSets.add((Map<?, ?>) d));
            for (var query : (List<?>) alarm.input("metricQueries").orElse(List.of())) {
                if (((Map<?, ?>) query).get("metric") instanceof Map<?, ?> metric) {
                    dimensionSets.add((Map<?, ?>) metric.get("dimensions"));
                }
            }
            assertThat(alarm.inputs().containsKey("metricName") != alarm.inputs().containsKey("metricQueries"))
                    .as("%s is either plain or metric math", alarm.name()).isTrue();
            for (var dimensions : dimensionSets) {
                for (var value : dimensions.values()) {
                    // State machines are named by ARN; load balancers and target groups by ARN suffix (kind/name/id).
                    var text = value.toString();
                    var name = text.startsWith("arn:") ? text.substring(text.lastIndexOf(':') + 1)
                            : text.contains("/") ? text.split("/")[1] : text;
                    assertThat(own).as("dimension value %s of %s", value, alarm.name()).contains(name);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        var forward = run.one("aws:dms/replicationTask:ReplicationTask", "replication-forward");
        assertThat(run.one(ALARM, "monitoring-cdc-latency").input("dimensions").orElseThrow())
                .isEqualTo(Map.of("ReplicationInstanceIdentifier", "migration-replication-dev",
                        "ReplicationTaskIdentifier", forward.stringInput("resourceIdentifier")));
    }

    @Test
    void thePaymentServiceIsWatchedOnItsLoadBalancerAndTheDashboard() {
        var group = Map.of("TargetGroup", "targetgroup/migration-payments-svc-dev/plan",
                "LoadBalancer", "app/migration-payments-svc-dev/plan");
        var down = run.one(ALARM, "monitoring-service-down");
        // A plain alarm, not metric math: Route 53's health check follows it, and takes no other kind.
        assertThat(down.inputs()).containsEntry("namespace", "AWS/ApplicationELB").containsEntry("metricName", "HealthyHostCount")
                .containsEntry("dimensions", group).containsEntry("statistic", "Minimum").containsEntry("period", 60L)
                .doesNotContainKey("metricQueries");
        assertThat(down.inputs()).containsEntry("comparisonOperator", "LessThanThreshold").containsEntry("threshold", 1L)
                .containsEntry("treatMissingData", "breaching");
        assertThat(run.one(ALARM, "monitoring-service-unhealthy-hosts").stringInput("metricName"))
                .isEqualTo("UnHealthyHostCount");
        var errors = run.one(ALARM, "monitoring-service-target-5xx-rate");
        assertThat(errors.stringInput("metricQueries.0.metric.metricName")).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(errors.stringInput("metricQueries.2.expression")).isEqualTo("IF(requests > 0, 100 * errors / requests, 0)");
        assertThat(run.one(ALARM, "monitoring-legacy-backend-down").input("dimensions").orElseThrow())
                .isEqualTo(Map.of("TargetGroup", "targetgroup/migration-api-legacy-dev/plan",
                        "LoadBalancer", "net/migration-api-backends-dev/plan"));
        var body = run.one("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard").stringInput("dashboardBody");
        assertThat(body).contains("\"ClusterName\",\"migration-payments-dev\",\"ServiceName\",\"migration-payments-dev\"",
                "RunningTaskCount", "TargetResponseTime", "app/migration-payments-svc-dev/plan");
    }

    @Test
    void badlyEndedExecutionsOfEitherMachineAreAlarmedOnTheirRealArns() {
        var failed = run.one(ALARM, "monitoring-rollback-executions-failed");
        assertThat(failed.input("metricQueries.0.metric.dimensions").orElseThrow())
                .isEqualTo(Map.of("StateMachineArn", run.outputs().get("rollbackStateMachineArn")));
        assertThat(run.one(ALARM, "monitoring-migration-executions-failed").input("metricQueries.0.metric.dimensions")
                .orElseThrow()).isEqualTo(Map.of("StateMachineArn", run.outputs().get("migrationStateMachineArn")));
        assertThat(failed.stringInput("metricQueries.3.expression")).isEqualTo("failed + timedOut + aborted");
    }

    @Test
    void percentilesAreExtendedStatistics() {
        assertThat(run.one(ALARM, "monitoring-api-latency-p99").inputs()).containsEntry("extendedStatistic", "p99")
                .doesNotContainKey("statistic");
    }

    @Test
    void withoutTheServiceThereAreNoServiceAlarmsOrRows() {
        var without = StackFixture.withoutService();
        assertThat(without.ofType(ALARM)).extracting(RecordedResource::name)
                .noneMatch(n -> n.startsWith("monitoring-service-")).contains("monitoring-legacy-backend-down");
        assertThat(without.one("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard").stringInput("dashboardBody"))
                .doesNotContain("AWS/ECS", "AWS/ApplicationELB");
    }

    @Test
    void logFiltersFeedTheReplicationAndApiMetrics() {
        var filters = run.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter");
        Set<String> groups = new HashSet<>();
        filters.forEach(f -> groups.add(f.stringInput("logGroupName")));
        assertThat(groups).containsExactlyInAnyOrder("dms-tasks-migration-replication-dev", "/migration/dev/authorizer");
        RecordedResource errors = run.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "monitoring-dms-errors");
        assertThat(errors.inputs()).containsEntry("pattern", "\"]E:\"");
        assertThat(errors.stringInput("metricTransformation.namespace")).isEqualTo("PaymentMigration/Replication");
        assertThat(errors.dependsOn()).anyMatch(d -> d.endsWith("::replication-task-logs"));
    }
}
