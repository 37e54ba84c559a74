package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.api.Api;
import com.paymentmigration.database.Database;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.monitoring.Monitoring;
import com.paymentmigration.notifications.Notifications;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.replication.Replication;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.stack.ComponentFixture;
import com.paymentmigration.storage.Storage;
import com.paymentmigration.dns.WeightedName;
import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.paymentmigration.stack.ComponentFixture.ACCOUNT;
import static com.paymentmigration.stack.ComponentFixture.REGION;
import static com.paymentmigration.stack.ComponentFixture.given;
import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** The state machines built alone from stand-in parts: every ARN and name in them is one the parts gave. */
class OrchestrationComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DMS = "arn:aws:dms:" + REGION + ":" + ACCOUNT + ":";
    private static final String FORWARD = DMS + "task:FORWARDTASK";
    private static final String REVERSE = DMS + "task:REVERSETASK";
    /** Alarm ARNs of a shape the name cannot be cut out of: the names must come from the alarms themselves. */
    private static final List<Monitoring.AlarmRef> ALARMS = List.of(
            new Monitoring.AlarmRef("cdc-latency", given("given-alarm-cdc"), given("arn:aws:cloudwatch:" + REGION + ":"
                    + ACCOUNT + ":alarm/stand-in-1")),
            new Monitoring.AlarmRef("api-5xx-rate", given("given-alarm-5xx"), given("arn:aws:cloudwatch:" + REGION
                    + ":" + ACCOUNT + ":alarm/stand-in-2")));

    private final StackRun run = ComponentFixture.run(stack -> new Orchestration("orchestration", stack,
            new EncryptionKeys("keys", stack), parts()), "trafficShiftBy=api");

    private static Orchestration.Parts parts() {
        var replication = new Replication.Refs(given(DMS + "rep:INSTANCE"), given("instance-id"),
                new Replication.TaskRef(given(FORWARD), given("FORWARDTASK")),
                new Replication.TaskRef(given(REVERSE), given("REVERSETASK")),
                new Replication.EndpointArns(given(DMS + "endpoint:E1"), given(DMS + "endpoint:E2"),
                        given(DMS + "endpoint:E3"), given(DMS + "endpoint:E4")), given("dms-task-logs"));
        var database = new Database.Refs(given("writer"), given("reader"), given("secondary-reader"),
                given("given-global-cluster"), given("primary"), given("secondary"));
        var secrets = new DatabaseSecrets(secret("onprem", ""), secret("aurora", ""));
        var api = new Api.Refs(given("givenapi"), given("given-stage"), given("stage-arn"), given("https://api/"),
                given("api-name"), given("nlb"), given("legacy-tg"), given("new-tg"));
        var storage = new Storage.Refs(new Storage.Bucket(given("given-checkpoints"), given("arn:aws:s3:::given-checkpoints")),
                new Storage.Bucket(given("given-rollbacks"), given("arn:aws:s3:::given-rollbacks")));
        var topics = new Notifications.Refs(given("arn:aws:sns:" + REGION + ":" + ACCOUNT + ":given-status"),
                given("arn:aws:sns:" + REGION + ":" + ACCOUNT + ":given-alarms"), given("validation"), given("secondary"));
        var functions = new Functions.Refs(given("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:given-validator"),
                given("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:given-ops"), given("given-trigger"),
                given("authorizer-logs"), Map.of());
        return new Orchestration.Parts(replication, database, secrets, api, storage, topics,
                new Monitoring.Alarms(ALARMS, Map.of()), functions, Output.of(Optional.<WeightedName.Zone>empty()));
    }

    @Test
    void theDefinitionsActOnTheGivenTasksEachInItsRole() throws Exception {
        var migration = definition("orchestration-migration");

        assertThat(migration.at("/States/Poll full load").toString()).contains(FORWARD).doesNotContain(REVERSE);
        var stopped = new ArrayList<String>();
        migration.findParents("ReplicationTaskArn").forEach(node -> stopped.add(node.path("ReplicationTaskArn").asText()));
        assertThat(stopped).contains(FORWARD, REVERSE).allMatch(arn -> arn.equals(FORWARD) || arn.equals(REVERSE));
        assertThat(migration.toString()).contains("given-global-cluster", "given-checkpoints", "given-validator",
                "given-ops", "givenapi", "given-stage", "/migration/dev/phase");
        assertThat(definition("orchestration-rollback").toString()).contains("given-rollbacks", "given-alarms");
    }

    @Test
    void theAlarmGateNamesTheAlarmsByTheirNamesAndTheRuleMatchesTheirArns() throws Exception {
        var named = new ArrayList<String>();
        definition("orchestration-migration").findValues("AlarmNames")
                .forEach(list -> list.forEach(name -> named.add(name.asText())));
        var pattern = JSON.readTree(run.one("aws:cloudwatch/eventRule:EventRule", "orchestration-alarm-rollback")
                .stringInput("eventPattern"));

        assertThat(named).isNotEmpty().containsOnly("given-alarm-cdc", "given-alarm-5xx");
        assertThat(pattern.path("resources").toString()).contains("alarm/stand-in-1", "alarm/stand-in-2");
    }

    @Test
    void rollbackModeStartsTheRollbackThroughTheGivenTrigger() {
        var rollback = ComponentFixture.run(stack -> new Orchestration("orchestration", stack,
                new EncryptionKeys("keys", stack), parts()), "trafficShiftBy=api", "mode=rollback");

        assertThat(rollback.one("aws:lambda/invocation:Invocation", "orchestration-rollback-on-switch")
                .stringInput("functionName")).isEqualTo("given-trigger");
        assertThat(run.ofType("aws:lambda/invocation:Invocation")).isEmpty();
    }

    private JsonNode definition(String machine) throws Exception {
        return JSON.readTree(run.one("aws:sfn/stateMachine:StateMachine", machine).stringInput("definition"));
    }
}
