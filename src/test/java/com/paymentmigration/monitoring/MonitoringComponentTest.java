package com.paymentmigration.monitoring;

import com.paymentmigration.api.Api;
import com.paymentmigration.database.Database;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.notifications.Notifications;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.replication.Replication;
import com.paymentmigration.service.PaymentService;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.paymentmigration.stack.ComponentFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The alarms and dashboard built alone from stand-in parts: each dimension is the part that names it. */
class MonitoringComponentTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private final StackRun run = ComponentFixture.run(stack -> new Monitoring("monitoring", stack, new Monitoring.Parts(
            new Replication.Refs(given("instance-arn"), given("given-instance"),
                    new Replication.TaskRef(given("forward-arn"), given("given-forward")),
                    new Replication.TaskRef(given("reverse-arn"), given("given-reverse")),
                    new Replication.EndpointArns(given("e1"), given("e2"), given("e3"), given("e4")),
                    given("given-dms-logs")),
            new Database.Refs(given("writer"), given("reader"), given("secondary-reader"), given("global"),
                    given("given-primary-cluster"), given("given-secondary-cluster")),
            new Api.Refs(given("api-id"), given("given-stage"), given("stage-arn"), given("https://api/"),
                    given("given-api"), given("net/given-nlb/1"), given("targetgroup/given-legacy/2"),
                    given("targetgroup/given-new/3")),
            new Functions.Refs(given("validator-arn"), given("ops-arn"), given("trigger"), given("given-authorizer-logs"),
                    Map.of("validator", given("given-validator"))),
            new Notifications.Refs(given("status"), given("given-alarm-topic"), given("validation"),
                    given("given-secondary-alarm-topic")),
            Optional.of(new PaymentService.Dimensions(given("given-ecs-cluster"), given("given-ecs-service"),
                    given("app/given-alb/4"), given("targetgroup/given-service/5"))))));

    @Test
    void eachAlarmWatchesTheResourceItsPartNames() {
        assertThat(run.one(ALARM, "monitoring-cdc-latency").input("dimensions")).contains(Map.of(
                "ReplicationInstanceIdentifier", "given-instance", "ReplicationTaskIdentifier", "given-forward"));
        var lag = run.one(ALARM, "monitoring-global-db-lag");
        assertThat(lag.input("dimensions")).contains(Map.of("DBClusterIdentifier", "given-secondary-cluster"));
        assertThat(lag.input("alarmActions")).contains(List.of("given-secondary-alarm-topic"));
        assertThat(run.one(ALARM, "monitoring-cdc-latency").input("alarmActions")).contains(List.of("given-alarm-topic"));
        assertThat(run.ofType(ALARM)).allSatisfy(alarm ->
                assertThat(alarm.stringInput("name")).startsWith("migration-alarm-").endsWith("-dev"));
    }

    @Test
    void theLogFiltersReadTheGivenLogGroupsAndTheDashboardShowsEveryPart() {
        assertThat(run.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "monitoring-dms-errors")
                .stringInput("logGroupName")).isEqualTo("given-dms-logs");
        assertThat(run.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "monitoring-authorizer-denies")
                .stringInput("logGroupName")).isEqualTo("given-authorizer-logs");
        assertThat(run.one("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard").stringInput("dashboardBody"))
                .contains("given-instance", "given-forward", "given-reverse", "given-primary-cluster", "given-api",
                        "given-stage", "given-validator", "given-ecs-service")
                .doesNotContain("${");
    }
}
