package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.functions.ReplicationOpsFunction;
import com.paymentmigration.monitoring.Metrics;
import com.paymentmigration.replication.DrainMarker;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the program and lambda/replication-ops, held against the function's source: the operations
 * and fields the machines and the schedule send, the error types they treat as permanent, the handler they deploy,
 * and the metric the dashboard and alarm read.
 */
class ReplicationOpsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("lambda/replication-ops/src/main/java");

    @Test
    void everyOperationAndFieldSentIsOneTheFunctionReads() throws Exception {
        var ops = Files.readString(source("com.paymentmigration.lambda.replicationops.ReplicationOps"));
        var sent = new TreeSet<String>();
        var fields = new TreeSet<String>();
        for (var definition : new String[]{
                MigrationDefinition.of(SampleTargets.targets(), SampleTargets.settings()).definition("m", 60),
                RollbackDefinition.of(SampleTargets.targets(), SampleTargets.settings()).definition("r", 60)}) {
            JSON.readTree(definition).path("States").forEach(state -> {
                var payload = state.at("/Arguments/Payload");
                if (state.at("/Arguments/FunctionName").asText().equals(SampleTargets.targets().replicationOpsFunctionArn())) {
                    sent.add(payload.path("operation").asText());
                    payload.fieldNames().forEachRemaining(fields::add);
                }
            });
        }
        JsonNode scheduled = JSON.readTree(ReplicationOpsFunction.slotLagEvent("dev"));
        sent.add(scheduled.path("operation").asText());
        scheduled.fieldNames().forEachRemaining(fields::add);

        assertThat(sent).containsExactlyInAnyOrder("checkPrerequisites", "truncateTables", "syncSequences", "createSlot",
                "dropSlot", "createChangeSlots", "dropChangeSlots", "reportSlotLag", "writeDrainMarker", "drainMarkerSeen");
        for (var operation : sent) {
            assertThat(ops).as(operation).contains("case \"" + operation + "\"");
        }
        for (var field : fields) {
            if (!field.equals("operation")) {
                assertThat(ops).as("field " + field).contains("\"" + field + "\"");
            }
        }
    }

    @Test
    void thePermanentErrorsTheHandlerAndTheMetricExistOnTheFunctionsSide() throws Exception {
        for (var error : ReplicationSteps.OPS_PERMANENT_ERRORS) {
            assertThat(source(error)).as(error).exists();
        }
        var handler = ReplicationOpsFunction.HANDLER.substring(0, ReplicationOpsFunction.HANDLER.indexOf("::"));
        assertThat(Files.readString(source(handler))).contains("public Map<String, Object> handleRequest(");
        var ops = Files.readString(source("com.paymentmigration.lambda.replicationops.ReplicationOps"));
        assertThat(ops).contains("NAMESPACE = \"" + Metrics.REPLICATION + "\"")
                .contains("SLOT_METRIC = \"" + Metrics.SLOT_RETAINED_WAL + "\"");
        var database = Files.readString(source("com.paymentmigration.lambda.replicationops.Database"));
        Metrics.SLOT_DATABASES.forEach(name -> assertThat(database).contains(name.toUpperCase() + "(\""));
        var markers = Files.readString(source("com.paymentmigration.lambda.replicationops.DrainMarkers"));
        assertThat(markers).as("the marker table both sides name").contains("SCHEMA = \"" + DrainMarker.SCHEMA + "\"")
                .contains("TABLE = \"" + DrainMarker.TABLE + "\"");
        assertThat(ReplicationOpsFunction.JAR).isEqualTo("lambda/replication-ops/target/replication-ops.jar");
    }

    private static Path source(String className) {
        return SOURCES.resolve(className.replace('.', '/') + ".java");
    }
}
