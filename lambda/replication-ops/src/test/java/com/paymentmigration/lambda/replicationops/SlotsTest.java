package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.lambda.replicationops.Database.AURORA;
import static com.paymentmigration.lambda.replicationops.Database.ONPREM;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots on a real PostgreSQL: created at a position, decoded from it, dropped, measured. */
class SlotsTest {

    private static final String REVERSE = "migration_reverse_dev";
    private Slots slots;

    @BeforeEach
    void freshDatabases() throws Exception {
        slots = new Slots(TwoDatabases.fresh("postgres"));
    }

    @Test
    void aCreatedSlotDecodesExactlyTheChangesAfterItsRecordedPosition() throws Exception {
        admin("aurora", "INSERT INTO payments.payment (amount) VALUES (1)");
        var created = slots.create(AURORA, REVERSE);
        admin("aurora", "INSERT INTO payments.payment (amount) VALUES (2)");

        assertThat(created).containsEntry("slotName", REVERSE).containsKey("lsn");
        assertThat(created.get("lsn")).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(value(AURORA, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + REVERSE
                + "' AND plugin = 'test_decoding' AND confirmed_flush_lsn = '" + created.get("lsn") + "'")).isEqualTo(1);
        var decoded = changes(REVERSE);
        assertThat(decoded).anyMatch(c -> c.contains("table payments.payment: INSERT") && c.contains("amount[numeric]:2.00"))
                .noneMatch(c -> c.contains("amount[numeric]:1.00"));
    }

    @Test
    void creatingAgainReplacesALeftoverSlotWithOneAtTheCurrentPosition() throws Exception {
        var first = slots.create(AURORA, REVERSE);
        admin("aurora", "INSERT INTO payments.payment (amount) VALUES (3)");
        var second = slots.create(AURORA, REVERSE);
        assertThat(lsn(second.get("lsn"))).isGreaterThan(lsn(first.get("lsn")));
        assertThat(changes(REVERSE)).as("nothing from before the new position replays").noneMatch(c -> c.contains("INSERT"));
    }

    @Test
    void droppingIsIdempotentAndTheForwardSlotIsFoundWithoutItsName() throws Exception {
        slots.create(ONPREM, "dms_generated_name_1234");
        slots.create(ONPREM, "kept_slot");
        slots.create(AURORA, REVERSE);
        assertThat(slots.dropIdleDecodingSlots(ONPREM, List.of("kept_slot"))).containsExactly("dms_generated_name_1234");
        assertThat(value(ONPREM, "SELECT count(*) FROM pg_replication_slots WHERE database = 'onprem'")).isEqualTo(1);
        assertThat(value(AURORA, "SELECT count(*) FROM pg_replication_slots WHERE database = 'aurora'"))
                .as("another database's slots are not touched").isEqualTo(1);
        assertThat(slots.drop(AURORA, REVERSE)).containsExactly(REVERSE);
        assertThat(slots.drop(AURORA, REVERSE)).isEmpty();
        assertThatThrownBy(() -> slots.drop(AURORA, "Bad-Name")).hasMessageContaining("lower-case letters");
        assertThat(slots.drop(ONPREM, "kept_slot")).containsExactly("kept_slot");
    }

    @Test
    void retainedWalGrowsWhileNobodyReadsTheSlot() throws Exception {
        assertThat(slots.retainedWalBytes(ONPREM)).isZero();
        slots.create(ONPREM, "forward_slot");
        admin("onprem", "INSERT INTO payments.payment (amount) SELECT 1 FROM generate_series(1, 5000)");
        assertThat(slots.retainedWalBytes(ONPREM)).isGreaterThan(100_000);
    }

    private static List<String> changes(String slot) throws Exception {
        var changes = new java.util.ArrayList<String>();
        try (var connection = TwoDatabases.connect("aurora", "postgres"); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT data FROM pg_logical_slot_peek_changes('" + slot + "', NULL, NULL)")) {
            while (rows.next()) {
                changes.add(rows.getString(1));
            }
        }
        return changes;
    }

    private static long lsn(String text) {
        var parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
    }
}
