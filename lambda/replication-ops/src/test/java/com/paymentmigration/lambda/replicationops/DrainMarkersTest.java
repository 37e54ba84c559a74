package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.paymentmigration.lambda.replicationops.Database.AURORA;
import static com.paymentmigration.lambda.replicationops.Database.ONPREM;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The drain gate's two operations against real PostgreSQL, and what a marker's arrival proves under replication. */
class DrainMarkersTest {

    private static final String REPLICATION = "drain_test";
    private DrainMarkers markers;

    @BeforeEach
    void freshDatabases() throws Exception {
        markers = new DrainMarkers(TwoDatabases.fresh("postgres"));
    }

    @AfterEach
    void dropReplication() throws Exception {
        // A subscription holds a connection to on-prem, which would keep the next test from dropping the database.
        if (value(AURORA, "SELECT count(*) FROM pg_subscription WHERE subname = '" + REPLICATION + "'") > 0) {
            admin("aurora", "ALTER SUBSCRIPTION " + REPLICATION + " DISABLE");
            admin("aurora", "ALTER SUBSCRIPTION " + REPLICATION + " SET (slot_name = NONE)");
            admin("aurora", "DROP SUBSCRIPTION " + REPLICATION);
        }
    }

    @Test
    void aMarkerIsCommittedOnItsDatabaseAloneAndTheTableIsCreatedOnce() throws Exception {
        var first = markers.write(ONPREM);
        var second = markers.write(ONPREM);
        assertThat(first).isNotEqualTo(second);
        assertThat(markers.seen(ONPREM, first)).isTrue();
        assertThat(value(ONPREM, "SELECT count(*) FROM migration_control.drain_marker WHERE written_at <= now()"))
                .isEqualTo(2);

        markers.write(AURORA);
        assertThat(markers.seen(AURORA, first)).as("nothing replicates between them here").isFalse();
        assertThat(markers.seen(AURORA, UUID.randomUUID())).isFalse();
    }

    @Test
    void aDatabaseWithoutTheTableIsAnErrorNotANo() {
        assertThatThrownBy(() -> markers.seen(AURORA, UUID.randomUUID())).isInstanceOf(OperationException.class)
                .hasMessageContaining("migration_control.drain_marker does not exist on aurora");
    }

    /**
     * Logical replication applies the source's transactions in commit order (as a DMS task in transactional apply
     * mode does), so once the marker is on the target, so is every change committed before it, however large.
     */
    @Test
    void whenTheMarkerArrivesEveryChangeCommittedBeforeItHasArrived() throws Exception {
        markers.write(AURORA);
        markers.write(ONPREM);
        replicateOnPremToAurora();
        admin("onprem", "INSERT INTO payments.payment (amount) SELECT g FROM generate_series(1, 20000) g");
        admin("onprem", "UPDATE payments.payment SET amount = amount + 1 WHERE id % 2 = 0");
        var marker = markers.write(ONPREM);

        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        boolean seen;
        while (!(seen = markers.seen(AURORA, marker)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(seen).as("the marker arrived within a minute").isTrue();
        assertThat(value(AURORA, "SELECT count(*) FROM payments.payment")).isEqualTo(20000);
        assertThat(value(AURORA, "SELECT sum(amount) FROM payments.payment"))
                .isEqualTo(value(ONPREM, "SELECT sum(amount) FROM payments.payment"));
    }

    @Test
    void theOperationsAnswerTheirEvents() throws Exception {
        var ops = new ReplicationOps(database -> TwoDatabases.connect(database.label(), "postgres"), System.out,
                () -> 0L);
        var written = ops.handle(Json.MAPPER.readTree("{\"operation\": \"writeDrainMarker\", "
                + "\"database\": \"onprem\"}"));
        var marker = (String) written.get("marker");
        assertThat(UUID.fromString(marker)).isNotNull();
        assertThat(ops.handle(Json.MAPPER.readTree("{\"operation\": \"drainMarkerSeen\", \"database\": \"onprem\", "
                + "\"marker\": \"" + marker + "\"}"))).containsEntry("seen", true);
        assertThatThrownBy(() -> ops.handle(Json.MAPPER.readTree("{\"operation\": \"drainMarkerSeen\", "
                + "\"database\": \"onprem\", \"marker\": \"latest\"}"))).isInstanceOf(OperationException.class)
                .hasMessageContaining("'marker' must be the UUID writeDrainMarker returned, not latest");
        assertThatThrownBy(() -> ops.handle(Json.MAPPER.readTree("{\"operation\": \"drainMarkerSeen\", "
                + "\"database\": \"onprem\"}"))).hasMessageContaining("the event lacks 'marker'");
    }

    /**
     * The two databases share one server: a subscription there cannot create its own slot (it would wait for itself),
     * so the slot is made first, as the DMS stand-ins and the reverse task's slot are.
     */
    private static void replicateOnPremToAurora() throws Exception {
        admin("onprem", "CREATE PUBLICATION " + REPLICATION + " FOR TABLE payments.payment, "
                + DrainMarkers.QUALIFIED);
        admin("onprem", "SELECT pg_create_logical_replication_slot('" + REPLICATION + "', 'pgoutput')");
        admin("aurora", "CREATE SUBSCRIPTION " + REPLICATION + " CONNECTION 'host=localhost port="
                + TwoDatabases.server().getPort() + " dbname=onprem user=postgres' PUBLICATION " + REPLICATION
                + " WITH (create_slot = false, slot_name = '" + REPLICATION + "', copy_data = false)");
    }
}
