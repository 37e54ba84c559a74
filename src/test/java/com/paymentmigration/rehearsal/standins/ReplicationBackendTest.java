package com.paymentmigration.rehearsal.standins;

import com.paymentmigration.executor.TaskInvocation;
import com.paymentmigration.rehearsal.Plans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.paymentmigration.rehearsal.standins.StandInsTest.FORWARD;
import static com.paymentmigration.rehearsal.standins.StandInsTest.JSON;
import static com.paymentmigration.rehearsal.standins.StandInsTest.MIGRATION;
import static com.paymentmigration.rehearsal.standins.StandInsTest.T0;
import static com.paymentmigration.rehearsal.standins.StandInsTest.sdk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DMS stand-in with a backend behind it (a data rehearsal's real replication): every request is still checked
 * first, and what the backend reports (a start it cannot make, its full load's progress, an endpoint it cannot
 * reach) is what DescribeReplicationTasks and DescribeConnections answer.
 */
class ReplicationBackendTest {

    private final AwsStandIns aws = new AwsStandIns(Plans.dev(), T0);
    private final List<String> calls = new ArrayList<>();
    private Optional<String> startFailure = Optional.empty();
    private ReplicationService.FullLoad progress = new ReplicationService.FullLoad(3, 1);

    ReplicationBackendTest() {
        aws.dms.backend(new ReplicationService.Backend() {
            @Override
            public Optional<String> start(ReplicationTask task, String type, String cdcStartPosition) {
                calls.add("start " + task.id() + " " + type);
                return startFailure;
            }

            @Override
            public void stop(ReplicationTask task) {
                calls.add("stop " + task.id());
            }

            @Override
            public Optional<ReplicationService.FullLoad> fullLoad(ReplicationTask task) {
                return Optional.of(progress);
            }

            @Override
            public Optional<String> connectionFailure(String endpointArn) {
                return Optional.of("connection refused by db.example:5432");
            }
        });
    }

    @Test
    void progressComesFromTheBackendAndTheLoadFinishesWhenEveryTableIsLoaded() throws Exception {
        call("databasemigration:startReplicationTask", "{\"ReplicationTaskArn\":\"" + FORWARD
                + "\",\"StartReplicationTaskType\":\"start-replication\"}", 0);
        var loading = describe(60);
        progress = new ReplicationService.FullLoad(3, 3);
        var loaded = describe(120);

        assertThat(calls).containsExactly("start migration-forward-dev start-replication");
        assertThat(loading.at("/ReplicationTasks/0/ReplicationTaskStats/FullLoadProgressPercent").asInt()).isEqualTo(33);
        assertThat(loading.at("/ReplicationTasks/0/ReplicationTaskStats").has("FullLoadFinishDate")).isFalse();
        assertThat(loaded.at("/ReplicationTasks/0/ReplicationTaskStats/FullLoadProgressPercent").asInt()).isEqualTo(100);
        assertThat(loaded.at("/ReplicationTasks/0/ReplicationTaskStats/FullLoadFinishDate").asText())
                .isEqualTo(T0.plusSeconds(120).toString());
        assertThat(loaded.at("/ReplicationTasks/0/TableMappings").asText()).contains("\"rule-type\":\"selection\"");
    }

    @Test
    void aStartTheBackendCannotMakeEndsFailedWithItsReasonAndARefusedRequestNeverReachesIt() throws Exception {
        startFailure = Optional.of("slot migration_reverse_dev is at 0/1A, not at the CdcStartPosition 0/2B");
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> call("databasemigration:startReplicationTask",
                "{\"ReplicationTaskArn\":\"" + FORWARD + "\",\"StartReplicationTaskType\":\"resume-processing\"}", 0));
        call("databasemigration:startReplicationTask", "{\"ReplicationTaskArn\":\"" + FORWARD
                + "\",\"StartReplicationTaskType\":\"start-replication\"}", 0);
        var failed = describe(60);

        assertThat(refused).hasMessageContaining("has never run");
        assertThat(calls).containsExactly("start migration-forward-dev start-replication");
        assertThat(failed.at("/ReplicationTasks/0/Status").asText()).isEqualTo("failed");
        assertThat(failed.at("/ReplicationTasks/0/LastFailureMessage").asText()).contains("not at the CdcStartPosition");
    }

    @Test
    void aConnectionTheBackendCannotMakeIsReportedFailedWithItsReason() throws Exception {
        var endpoint = aws.dms.task(FORWARD).sourceEndpointArn();
        var instance = Plans.dev().arns("aws:dms/replicationInstance:ReplicationInstance").get(0);
        call("databasemigration:testConnection", "{\"ReplicationInstanceArn\":\"" + instance + "\",\"EndpointArn\":\""
                + endpoint + "\"}", 0);
        var tested = call("databasemigration:describeConnections", "{\"Filters\":[{\"Name\":\"endpoint-arn\","
                + "\"Values\":[\"" + endpoint + "\"]}]}", 60);

        assertThat(tested.at("/Connections/0/Status").asText()).isEqualTo("failed");
        assertThat(tested.at("/Connections/0/LastFailureMessage").asText()).contains("connection refused by db.example");
    }

    private com.fasterxml.jackson.databind.JsonNode describe(long second) throws Exception {
        return call("databasemigration:describeReplicationTasks", "{\"Filters\":[{\"Name\":\"replication-task-arn\","
                + "\"Values\":[\"" + FORWARD + "\"]}]}", second);
    }

    private com.fasterxml.jackson.databind.JsonNode call(String operation, String arguments, long second) throws Exception {
        return aws.invoke(new TaskInvocation(MIGRATION, "test", sdk(operation), JSON.readTree(arguments), 0,
                T0.plusSeconds(second)));
    }
}
