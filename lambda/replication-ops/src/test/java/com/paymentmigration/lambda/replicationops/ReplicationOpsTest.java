package com.paymentmigration.lambda.replicationops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The events as the state machines send them, end to end against real PostgreSQL. */
class ReplicationOpsTest {

    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private ReplicationOps ops;

    @BeforeEach
    void freshDatabases() throws Exception {
        ops = new ReplicationOps(TwoDatabases.fresh("postgres"), new PrintStream(metrics, true, StandardCharsets.UTF_8),
                () -> 1_700_000_000_000L);
    }

    @Test
    void everyOperationAnswersItsEvent() throws Exception {
        var selection = "\"include\": [\"payments.%\", \"ledger.%\"], \"exclude\": [\"payments.tmp_%\"]";
        assertThat(ops.handle(event("{\"operation\": \"checkPrerequisites\", \"database\": \"aurora\", "
                + "\"controlSchema\": \"dms_control\", " + selection + "}"))).containsEntry("database", "aurora");
        admin("onprem", "INSERT INTO payments.payment (amount) VALUES (5)");
        assertThat(ops.handle(event("{\"operation\": \"syncSequences\", \"from\": \"onprem\", \"to\": \"aurora\", "
                + "\"margin\": 5, " + selection + "}")).toString()).contains("payments.payment_id_seq=6");
        assertThat(ops.handle(event("{\"operation\": \"createSlot\", \"database\": \"aurora\", "
                + "\"slotName\": \"migration_reverse_dev\"}"))).containsKey("lsn");
        assertThat(ops.handle(event("{\"operation\": \"dropSlot\", \"database\": \"aurora\", "
                + "\"slotName\": \"migration_reverse_dev\"}")).toString()).contains("migration_reverse_dev");
        assertThat(ops.handle(event("{\"operation\": \"dropSlot\", \"database\": \"onprem\", \"idleDecodingSlots\": true}")))
                .containsEntry("dropped", java.util.List.of());
        assertThat(ops.handle(event("{\"operation\": \"truncateTables\", \"database\": \"aurora\", " + selection + "}")))
                .containsKey("truncated");
    }

    @Test
    void slotLagIsOneEmbeddedMetricLinePerDatabase() throws Exception {
        new Slots(database -> TwoDatabases.connect(database.label(), "postgres")).create(Database.ONPREM, "forward");
        admin("onprem", "INSERT INTO payments.payment (amount) SELECT 1 FROM generate_series(1, 1000)");
        var result = ops.handle(event("{\"operation\": \"reportSlotLag\", \"environment\": \"dev\"}"));
        assertThat((Long) result.get("onprem")).isPositive();
        var lines = metrics.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        var onprem = Json.MAPPER.readTree(lines[0]);
        assertThat(onprem.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo(ReplicationOps.NAMESPACE);
        assertThat(onprem.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo(ReplicationOps.SLOT_METRIC);
        assertThat(onprem.path("Database").asText()).isEqualTo("onprem");
        assertThat(onprem.path("Environment").asText()).isEqualTo("dev");
        assertThat(onprem.path(ReplicationOps.SLOT_METRIC).asLong()).isEqualTo(result.get("onprem"));
    }

    @Test
    void badEventsNameWhatIsWrong() {
        assertThatThrownBy(() -> ops.handle(event("{\"operation\": \"dropEverything\"}")))
                .isInstanceOf(OperationException.class).hasMessageContaining("unknown operation 'dropEverything'");
        assertThatThrownBy(() -> ops.handle(event("{\"operation\": \"createSlot\", \"database\": \"mainframe\"}")))
                .hasMessageContaining("'database' must be \"onprem\" or \"aurora\"");
        assertThatThrownBy(() -> ops.handle(event("{\"operation\": \"syncSequences\", \"from\": \"onprem\", "
                + "\"to\": \"aurora\", \"include\": [\"payments\"]}"))).hasMessageContaining("is not schema.table");
    }

    private static JsonNode event(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }
}
