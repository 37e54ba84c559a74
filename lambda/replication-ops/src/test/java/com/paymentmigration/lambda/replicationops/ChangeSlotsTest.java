package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The change slots on two real servers, through the operations the cutover sends. */
class ChangeSlotsTest {

    private static final String CHANGES = "migration_changes_dev";
    private Connections connections;
    private ReplicationOps ops;

    @BeforeEach
    void freshServers() throws Exception {
        connections = TwoDatabases.onTwoServers();
        ops = new ReplicationOps(connections, System.out, () -> 0L);
    }

    @Test
    void createdOnBothDatabasesPeekableRepeatedlyAndDroppedFromBoth() throws Exception {
        var created = op("createChangeSlots");
        assertThat(created).containsEntry("slotName", CHANGES).containsKeys("onprem", "aurora");
        execute(Database.ONPREM, "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        // Peeking does not consume: the validator may read the same changes again on a retry.
        assertThat(peek(Database.ONPREM)).anyMatch(line -> line.startsWith("table public.t: INSERT: id[integer]:1"));
        assertThat(peek(Database.ONPREM)).anyMatch(line -> line.startsWith("table public.t: INSERT"));
        assertThat(slotCount(Database.AURORA)).isEqualTo(1);

        var again = op("createChangeSlots");
        assertThat(again.get("onprem")).as("a leftover is replaced by a slot starting now").isNotEqualTo(created.get("onprem"));
        assertThat(peek(Database.ONPREM)).noneMatch(line -> line.startsWith("table public.t"));

        assertThat(op("dropChangeSlots")).containsEntry("dropped", List.of("onprem", "aurora"));
        assertThat(op("dropChangeSlots")).as("dropping what is gone drops nothing")
                .containsEntry("dropped", List.of());
        assertThat(slotCount(Database.ONPREM) + slotCount(Database.AURORA)).isZero();
    }

    private java.util.Map<String, Object> op(String operation) throws Exception {
        return ops.handle(Json.MAPPER.readTree("{\"operation\": \"" + operation + "\", \"slotName\": \"" + CHANGES + "\"}"));
    }

    private void execute(Database database, String... statements) throws SQLException {
        try (var connection = connections.open(database); var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> peek(Database database) throws SQLException {
        var lines = new java.util.ArrayList<String>();
        try (var connection = connections.open(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT data FROM pg_logical_slot_peek_changes('" + CHANGES + "', NULL, NULL)")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private long slotCount(Database database) throws SQLException {
        try (var connection = connections.open(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + CHANGES + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
