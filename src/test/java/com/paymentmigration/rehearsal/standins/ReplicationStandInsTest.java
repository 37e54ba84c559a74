package com.paymentmigration.rehearsal.standins;

import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.Plans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.paymentmigration.rehearsal.standins.StandInsTest.FORWARD;
import static com.paymentmigration.rehearsal.standins.StandInsTest.MIGRATION;
import static com.paymentmigration.rehearsal.standins.StandInsTest.REVERSE;
import static com.paymentmigration.rehearsal.standins.StandInsTest.T0;
import static com.paymentmigration.rehearsal.standins.StandInsTest.sdk;
import static org.assertj.core.api.Assertions.assertThat;

/** The stand-ins the replication design needs: RDS's global writer, replication-ops, DMS's start types. */
class ReplicationStandInsTest {

    private final StandInsTest calls = new StandInsTest();
    private AwsStandIns aws;

    @BeforeEach
    void stack() {
        calls.stack();
        aws = calls.aws;
    }

    private String opsFunction() {
        return Plans.dev().functions().stream().filter(f -> f.name().contains("replication-ops")).findFirst()
                .orElseThrow().arn();
    }

    private String invoke(String payload) {
        return "{\"FunctionName\":\"" + opsFunction() + "\",\"Payload\":" + payload + "}";
    }

    @Test
    void theGlobalWriterIsThePrimaryRegionsClusterUntilASwitchover() throws Exception {
        var describe = "{\"GlobalClusterIdentifier\":\"" + aws.rds.identifier() + "\"}";
        var members = calls.call(sdk("rds:describeGlobalClusters"), describe).at("/GlobalClusters/0/GlobalClusterMembers");
        assertThat(members.size()).isEqualTo(2);
        assertThat(members.findValues("IsWriter").stream().filter(v -> v.asBoolean()).count()).isEqualTo(1);
        assertThat(aws.rds.writerArn()).contains(":rds:eu-central-1:");
        aws.rds.switchOverTo("eu-central-2");
        var after = calls.call(MIGRATION, sdk("rds:describeGlobalClusters"), describe, T0);
        for (var member : after.at("/GlobalClusters/0/GlobalClusterMembers")) {
            assertThat(member.get("IsWriter").asBoolean()).isEqualTo(member.get("DBClusterArn").asText()
                    .contains(":rds:eu-central-2:"));
        }
        assertThat(calls.failure(MIGRATION, sdk("rds:describeGlobalClusters"), "{\"GlobalClusterIdentifier\":\"other\"}")
                .error()).isEqualTo("Rds.GlobalClusterNotFoundFaultException");
        assertThat(calls.failure(MIGRATION, sdk("rds:describeGlobalClusters"), "{\"GlobalClusterId\":\"x\"}").error())
                .isEqualTo("Rds.InvalidParameterValueException");
    }

    @Test
    void replicationOpsKeepsSlotsWithIncreasingPositionsAndRecordsSequenceSyncs() throws Exception {
        var lambda = "arn:aws:states:::lambda:invoke";
        var first = calls.call(lambda, invoke("{\"operation\":\"createSlot\",\"database\":\"aurora\",\"slotName\":\"rev\"}"));
        var second = calls.call(lambda, invoke("{\"operation\":\"createSlot\",\"database\":\"aurora\",\"slotName\":\"rev\"}"));
        assertThat(first.at("/Payload/slotName").asText()).isEqualTo("rev");
        assertThat(lsn(second.at("/Payload/lsn").asText())).isGreaterThan(lsn(first.at("/Payload/lsn").asText()));
        // Recreating a slot drops the one left before: exactly one is live.
        assertThat(aws.functions.replicationOps().slots().stream().filter(s -> s.dropped().isEmpty())).hasSize(1);
        var dropped = calls.call(lambda, invoke("{\"operation\":\"dropSlot\",\"database\":\"aurora\",\"slotName\":\"rev\"}"));
        assertThat(dropped.at("/Payload/dropped/0").asText()).isEqualTo("rev");
        calls.call(lambda, invoke("{\"operation\":\"syncSequences\",\"from\":\"onprem\",\"to\":\"aurora\",\"include\":[]}"));
        assertThat(aws.functions.replicationOps().sequenceSyncs()).singleElement()
                .satisfies(sync -> assertThat(sync.at()).isEqualTo(T0));
        TaskFailure same = calls.failure(MIGRATION, lambda, invoke("{\"operation\":\"syncSequences\",\"from\":\"aurora\","
                + "\"to\":\"aurora\"}"));
        assertThat(same.error()).isEqualTo(ReplicationOpsFunction.OPERATION_ERROR);
    }

    @Test
    void missingPrerequisitesFailWithTheFunctionsOwnError() {
        aws.functions.replicationOps().withhold("onprem", "the user is not a superuser");
        var failed = calls.failure(MIGRATION, "arn:aws:states:::lambda:invoke", invoke("{\"operation\":"
                + "\"checkPrerequisites\",\"database\":\"onprem\",\"controlSchema\":\"dms_control\"}"));
        assertThat(failed.error()).isEqualTo("com.paymentmigration.lambda.replicationops.PrerequisitesMissingException");
        assertThat(failed.cause()).contains("onprem is not ready for replication: the user is not a superuser");
    }

    @Test
    void dmsStartsAsTheStartTypeAndPositionAllow() throws Exception {
        var start = sdk("databasemigration:startReplicationTask");
        // A CDC-only task has no full load to reload.
        assertThat(calls.failure(MIGRATION, start, "{\"ReplicationTaskArn\":\"" + REVERSE
                + "\",\"StartReplicationTaskType\":\"reload-target\"}").error())
                .isEqualTo("DatabaseMigration.InvalidParameterCombinationException");
        calls.call(start, "{\"ReplicationTaskArn\":\"" + REVERSE + "\",\"StartReplicationTaskType\":\"start-replication\","
                + "\"CdcStartPosition\":\"0/16B37A0\"}");
        assertThat(aws.dms.task(REVERSE).starts()).singleElement()
                .satisfies(s -> assertThat(s.cdcStartPosition()).contains("0/16B37A0"));
        // Starting a task that is starting or running is refused, whatever the type.
        assertThat(calls.failure(MIGRATION, start, "{\"ReplicationTaskArn\":\"" + REVERSE
                + "\",\"StartReplicationTaskType\":\"start-replication\"}").error())
                .isEqualTo("DatabaseMigration.InvalidResourceStateFaultException");
        // A fresh CDC start of the forward task has DMS create its slot on on-prem.
        calls.call(start, "{\"ReplicationTaskArn\":\"" + FORWARD + "\",\"StartReplicationTaskType\":\"start-replication\"}");
        assertThat(aws.functions.replicationOps().slots()).anyMatch(s -> s.database().equals("onprem"));
    }

    @Test
    void aDrainMarkerArrivesOnlyByARunningTaskThatSelectsItsTableAndApplies() throws Exception {
        var lambda = "arn:aws:states:::lambda:invoke";
        var seen = "{\"operation\":\"drainMarkerSeen\",\"database\":\"aurora\",\"marker\":\"%s\"}";
        // The table exists on a database once the function wrote there; before, a look is an error, not a "no".
        assertThat(calls.failure(MIGRATION, lambda, invoke(seen.formatted(java.util.UUID.randomUUID()))).cause())
                .contains("migration_control.drain_marker does not exist on aurora");
        calls.call(lambda, invoke("{\"operation\":\"writeDrainMarker\",\"database\":\"aurora\"}"));
        var marker = calls.call(lambda, invoke("{\"operation\":\"writeDrainMarker\",\"database\":\"onprem\"}"))
                .at("/Payload/marker").asText();
        assertThat(calls.call(lambda, invoke(seen.formatted(marker))).at("/Payload/seen").asBoolean())
                .as("the forward task is not running").isFalse();
        calls.call(sdk("databasemigration:startReplicationTask"), "{\"ReplicationTaskArn\":\"" + FORWARD
                + "\",\"StartReplicationTaskType\":\"start-replication\"}");
        var running = T0.plus(ReplicationTask.STARTING);
        assertThat(calls.call(MIGRATION, lambda, invoke(seen.formatted(marker)), running).at("/Payload/seen").asBoolean())
                .as("running, but not yet applied").isFalse();
        assertThat(calls.call(MIGRATION, lambda, invoke(seen.formatted(marker)), running.plusSeconds(3))
                .at("/Payload/seen").asBoolean()).isTrue();
        aws.dms.task(FORWARD).stopApplying();
        var stuck = calls.call(MIGRATION, lambda, invoke("{\"operation\":\"writeDrainMarker\",\"database\":\"onprem\"}"),
                running.plusSeconds(10)).at("/Payload/marker").asText();
        assertThat(calls.call(MIGRATION, lambda, invoke(seen.formatted(stuck)), running.plusSeconds(600))
                .at("/Payload/seen").asBoolean()).isFalse();
        assertThat(calls.failure(MIGRATION, lambda, invoke(seen.formatted("latest"))).error())
                .isEqualTo(ReplicationOpsFunction.OPERATION_ERROR);
    }

    @Test
    void aTaskCarriesTheMarkerOnlyWhenItsMappingsSelectItAndNoExclusionTakesItBack() {
        var include = "{\"rule-type\":\"selection\",\"rule-action\":\"%s\",\"object-locator\":"
                + "{\"schema-name\":\"%s\",\"table-name\":\"%s\"}}";
        assertThat(ReplicationService.selectsDrainMarker("{\"rules\":[" + include.formatted("include", "payments", "%")
                + "]}")).isFalse();
        assertThat(ReplicationService.selectsDrainMarker("{\"rules\":[" + include.formatted("include",
                "migration_control", "drain_marker") + "]}")).isTrue();
        assertThat(ReplicationService.selectsDrainMarker("{\"rules\":[" + include.formatted("include", "%", "%") + ","
                + include.formatted("exclude", "migration_%", "%") + "]}")).isFalse();
        assertThat(Plans.dev().ofType("aws:dms/replicationTask:ReplicationTask")).hasSize(2).allSatisfy(task ->
                assertThat(ReplicationService.selectsDrainMarker(task.stringInput("tableMappings"))).isTrue());
    }

    private static long lsn(String text) {
        var halves = text.split("/");
        return (Long.parseLong(halves[0], 16) << 32) | Long.parseLong(halves[1], 16);
    }
}
