package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.executor.TaskInvocation;
import com.paymentmigration.rehearsal.Plans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each stand-in against the dev plan, called as the migration machine's role calls it. */
class StandInsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String MIGRATION = "arn:aws:states:eu-central-1:" + ACCOUNT + ":execution:migration-migration-dev:t1";
    static final String ROLLBACK = "arn:aws:states:eu-central-1:" + ACCOUNT + ":execution:migration-rollback-dev:t1";
    static final String FORWARD = "arn:aws:dms:eu-central-1:" + ACCOUNT + ":task:migration-forward-dev";
    static final String REVERSE = "arn:aws:dms:eu-central-1:" + ACCOUNT + ":task:migration-reverse-dev";

    AwsStandIns aws;

    @BeforeEach
    void stack() {
        aws = new AwsStandIns(Plans.dev(), T0);
    }

    JsonNode call(String execution, String resource, String arguments, Instant at) throws Exception {
        return aws.invoke(new TaskInvocation(execution, "test", resource, JSON.readTree(arguments), 0, at));
    }

    JsonNode call(String resource, String arguments) throws Exception {
        return call(MIGRATION, resource, arguments, T0);
    }

    TaskFailure failure(String execution, String resource, String arguments) {
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(execution, resource, arguments, T0));
        assertThat(thrown).isInstanceOf(TaskFailure.class);
        return (TaskFailure) thrown;
    }

    static String sdk(String operation) {
        return "arn:aws:states:::aws-sdk:" + operation;
    }

    @Test
    void parametersAreSeededFromThePlanAndWrittenWithOverwrite() throws Exception {
        var phase = call(ROLLBACK, sdk("ssm:getParameter"), "{\"Name\":\"/migration/dev/phase\"}", T0);
        assertThat(phase.at("/Parameter/Value").asText()).isEqualTo("not-started");
        call(sdk("ssm:putParameter"), "{\"Name\":\"/migration/dev/phase\",\"Value\":\"preflight\",\"Type\":\"String\","
                + "\"Overwrite\":true}");
        assertThat(aws.parameters.value("/migration/dev/phase")).contains("preflight");
        assertThat(failure(MIGRATION, sdk("ssm:putParameter"), "{\"Name\":\"/migration/dev/phase\",\"Value\":\"x\"}").error())
                .isEqualTo("Ssm.ParameterAlreadyExistsException");
    }

    @Test
    void aCallTheRoleDoesNotAllowIsDenied() {
        // The migration machine reads no parameter: its role has no ssm:GetParameter at all.
        var denied = failure(MIGRATION, sdk("ssm:getParameter"), "{\"Name\":\"/migration/dev/mode\"}");
        assertThat(denied.error()).isEqualTo("Ssm.AccessDeniedException");
        assertThat(denied.cause()).contains("migration-migration-state-machine-dev")
                .contains("not authorized to perform: ssm:GetParameter on resource: "
                        + "arn:aws:ssm:eu-central-1:" + ACCOUNT + ":parameter/migration/dev/mode");
        // The rollback machine may read the phase but not the mode.
        assertThat(failure(ROLLBACK, sdk("ssm:getParameter"), "{\"Name\":\"/migration/dev/mode\"}").error())
                .isEqualTo("Ssm.AccessDeniedException");
    }

    @Test
    void aRequestBreakingTheModelFailsWithTheServicesValidationError() {
        assertThat(failure(MIGRATION, sdk("ssm:putParameter"), "{\"Name\":\"/migration/dev/phase\",\"Val\":\"x\"}").error())
                .isEqualTo("Ssm.ValidationException");
        assertThat(failure(MIGRATION, sdk("databasemigration:startReplicationTask"),
                "{\"ReplicationTaskArn\":\"" + FORWARD + "\"}").error()).isEqualTo("DatabaseMigration.ValidationException");
    }

    @Test
    void dmsTasksMoveThroughTheirStatusesOnTheVirtualClock() throws Exception {
        var describe = "{\"Filters\":[{\"Name\":\"replication-task-arn\",\"Values\":[\"" + FORWARD + "\"]}],"
                + "\"WithoutSettings\":true}";
        var resource = sdk("databasemigration:describeReplicationTasks");
        assertThat(call(resource, describe).at("/ReplicationTasks/0/Status").asText()).isEqualTo("ready");
        call(MIGRATION, sdk("databasemigration:startReplicationTask"), "{\"ReplicationTaskArn\":\"" + FORWARD
                + "\",\"StartReplicationTaskType\":\"start-replication\"}", T0);
        assertThat(call(MIGRATION, resource, describe, T0.plusSeconds(10)).at("/ReplicationTasks/0/Status").asText())
                .isEqualTo("starting");
        var loading = call(MIGRATION, resource, describe, T0.plusSeconds(600));
        assertThat(loading.at("/ReplicationTasks/0/Status").asText()).isEqualTo("running");
        assertThat(loading.at("/ReplicationTasks/0/ReplicationTaskStats/FullLoadProgressPercent").asInt()).isBetween(1, 99);
        assertThat(loading.at("/ReplicationTasks/0/ReplicationTaskStats").has("FullLoadFinishDate")).isFalse();
        var loaded = call(MIGRATION, resource, describe, T0.plusSeconds(3 * 3600));
        assertThat(loaded.at("/ReplicationTasks/0/ReplicationTaskStats/FullLoadProgressPercent").asInt()).isEqualTo(100);
        assertThat(loaded.at("/ReplicationTasks/0/ReplicationTaskStats").has("FullLoadFinishDate")).isTrue();
        call(MIGRATION, sdk("databasemigration:stopReplicationTask"), "{\"ReplicationTaskArn\":\"" + FORWARD + "\"}",
                T0.plusSeconds(3 * 3600));
        assertThat(call(MIGRATION, resource, describe, T0.plusSeconds(4 * 3600)).at("/ReplicationTasks/0/Status").asText())
                .isEqualTo("stopped");
    }

    @Test
    void dmsRefusesWhatTheTaskStatusDoesNotAllow() throws Exception {
        var stop = failure(MIGRATION, sdk("databasemigration:stopReplicationTask"), "{\"ReplicationTaskArn\":\"" + FORWARD + "\"}");
        assertThat(stop.error()).isEqualTo("DatabaseMigration.InvalidResourceStateFaultException");
        var resume = failure(MIGRATION, sdk("databasemigration:startReplicationTask"), "{\"ReplicationTaskArn\":\"" + REVERSE
                + "\",\"StartReplicationTaskType\":\"resume-processing\"}");
        assertThat(resume.error()).isEqualTo("DatabaseMigration.InvalidResourceStateFaultException");
        var unknown = failure(MIGRATION, sdk("databasemigration:describeReplicationTasks"),
                "{\"Filters\":[{\"Name\":\"replication-task-arn\",\"Values\":[\"" + FORWARD + "x\"]}]}");
        assertThat(unknown.error()).isEqualTo("DatabaseMigration.ResourceNotFoundFaultException");
        // The rollback stops either direction but only ever starts (resumes) the reverse one.
        assertThat(failure(ROLLBACK, sdk("databasemigration:startReplicationTask"), "{\"ReplicationTaskArn\":\""
                + FORWARD + "\",\"StartReplicationTaskType\":\"resume-processing\"}").error())
                .isEqualTo("DatabaseMigration.AccessDeniedException");
    }

    @Test
    void theCanaryTakesItsShareAndRejectsOtherPatches() throws Exception {
        var update = sdk("apigateway:updateStage");
        call(update, "{\"RestApiId\":\"migration-payments-dev\",\"StageName\":\"v1\",\"PatchOperations\":[{\"Op\":\"replace\","
                + "\"Path\":\"/canarySettings/percentTraffic\",\"Value\":\"25\"}]}");
        assertThat(aws.stages.canaryPercent()).contains(25.0);
        assertThat(failure(MIGRATION, update, "{\"RestApiId\":\"migration-payments-dev\",\"StageName\":\"v1\","
                + "\"PatchOperations\":[{\"Op\":\"replace\",\"Path\":\"/variables/backendHost\",\"Value\":\"x\"}]}").error())
                .isEqualTo("ApiGateway.BadRequestException");
        var read = call(ROLLBACK, sdk("apigateway:getStage"), "{\"RestApiId\":\"migration-payments-dev\",\"StageName\":\"v1\"}", T0);
        assertThat(read.at("/CanarySettings/PercentTraffic").asDouble()).isEqualTo(25.0);
    }

    @Test
    void alarmsAreReadByStateAndUnknownNamesReadAsNothing() throws Exception {
        aws.metrics.setAlarm("migration-alarm-api-5xx-rate-dev", software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM);
        var firing = call(sdk("cloudwatch:describeAlarms"), "{\"AlarmNames\":[\"migration-alarm-api-5xx-rate-dev\","
                + "\"migration-alarm-cdc-latency-dev\",\"no-such-alarm\"],\"StateValue\":\"ALARM\"}");
        assertThat(firing.at("/MetricAlarms").size()).isEqualTo(1);
        assertThat(firing.at("/MetricAlarms/0/AlarmName").asText()).isEqualTo("migration-alarm-api-5xx-rate-dev");
        assertThat(aws.metrics.unknownAlarmsRead()).containsExactly("no-such-alarm");
    }

    @Test
    void routeFiftyThreeAppliesAWeightedBatchAtomically() throws Exception {
        var zone = aws.zones.zoneIds().iterator().next();
        var batch = "{\"HostedZoneId\":\"" + zone + "\",\"ChangeBatch\":{\"Changes\":[{\"Action\":\"UPSERT\","
                + "\"ResourceRecordSet\":{\"Name\":\"payments.dev.payments.internal\",\"Type\":\"A\",\"SetIdentifier\":\"legacy\","
                + "\"Weight\":90,\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"172.16.20.11\"}]}},{\"Action\":\"UPSERT\","
                + "\"ResourceRecordSet\":{\"Name\":\"payments.dev.payments.internal\",\"Type\":\"A\",\"SetIdentifier\":\"new\","
                + "\"Weight\":%s,\"AliasTarget\":{\"HostedZoneId\":\"Z3F0SRJ5LGBH90\",\"DNSName\":\"x\",\"EvaluateTargetHealth\":true}}}]}}";
        var changed = call(sdk("route53:changeResourceRecordSets"), String.format(batch, 10));
        assertThat(changed.at("/ChangeInfo/Status").asText()).isEqualTo("PENDING");
        assertThat(aws.zones.weights(zone)).containsEntry("legacy", 90L).containsEntry("new", 10L);
        assertThat(failure(MIGRATION, sdk("route53:changeResourceRecordSets"), String.format(batch, 300)).error())
                .isEqualTo("Route53.InvalidInputException");
        assertThat(aws.zones.weights(zone)).containsEntry("legacy", 90L).containsEntry("new", 10L);
    }

    @Test
    void resourcesThePlanDoesNotCreateAreNotFound() {
        assertThat(failure(MIGRATION, "arn:aws:states:::sns:publish", "{\"TopicArn\":\"arn:aws:sns:eu-central-1:" + ACCOUNT
                + ":migration-status-dev\",\"Message\":\"m\",\"Subject\":\"" + "s".repeat(101) + "\"}").error())
                .isEqualTo("Sns.InvalidParameterException");
        assertThat(failure(MIGRATION, "arn:aws:states:::lambda:invoke", "{\"FunctionName\":\"arn:aws:lambda:eu-central-1:"
                + ACCOUNT + ":function:migration-validator-dev\",\"Payload\":{\"action\":\"check\"}}").error())
                .isEqualTo("com.paymentmigration.lambda.validator.MalformedEventException");
    }

    @Test
    void theValidatorsPlanItemsAreWhatValidateAndAggregateAccept() throws Exception {
        var lambda = "arn:aws:states:::lambda:invoke";
        var function = "arn:aws:lambda:eu-central-1:" + ACCOUNT + ":function:migration-validator-dev";
        var plan = call(lambda, "{\"FunctionName\":\"" + function + "\",\"Payload\":{\"action\":\"plan\",\"include\":"
                + "[\"payments.%\"],\"exclude\":[\"payments.tmp_%\"],\"partitionsPerTable\":2,\"reportPrefix\":\"validation/r/initial\"}}");
        var items = plan.at("/Payload/items");
        assertThat(items.size()).isEqualTo(4);
        var results = JSON.createArrayNode();
        for (var item : items) {
            var payload = "{\"FunctionName\":\"" + function + "\",\"Payload\":" + item + "}";
            assertThat(call(lambda, payload).at("/Payload/complete").asBoolean()).isFalse();
            results.add(call(lambda, payload).get("Payload"));
        }
        var aggregate = call(lambda, "{\"FunctionName\":\"" + function + "\",\"Payload\":{\"action\":\"aggregate\","
                + "\"partitions\":" + results + ",\"reportKey\":\"" + plan.at("/Payload/reportKey").asText() + "\"}}");
        assertThat(aggregate.at("/Payload/status").asText()).isEqualTo("MATCH");
        assertThatThrownBy(() -> call(lambda, "{\"FunctionName\":\"" + function + "\",\"Payload\":{\"action\":\"aggregate\","
                + "\"partitions\":[" + results.get(0) + "," + results.get(0) + "],\"reportKey\":\"r.json\"}}"))
                .hasMessageContaining("IncompleteRunException");
    }
}
