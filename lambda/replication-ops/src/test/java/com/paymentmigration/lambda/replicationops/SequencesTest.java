package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.paymentmigration.lambda.replicationops.Database.AURORA;
import static com.paymentmigration.lambda.replicationops.Database.ONPREM;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writer flips in both directions against real PostgreSQL: rows copied as DMS copies them, then the sync. */
class SequencesTest {

    private static final TableSelection SELECTION = new TableSelection(TwoDatabases.INCLUDE, TwoDatabases.EXCLUDE);
    private Sequences sequences;

    @BeforeEach
    void freshDatabases() throws Exception {
        sequences = new Sequences(TwoDatabases.fresh("postgres"));
    }

    @Test
    void afterTheCutoverAuroraIssuesKeysPastEveryKeyInUseAndPastOnPremsPosition() throws Exception {
        admin("onprem", "INSERT INTO payments.payment (amount) SELECT 10 FROM generate_series(1, 50)");
        admin("onprem", "INSERT INTO ledger.entry (payment_id, amount) SELECT id, 10 FROM payments.payment");
        // Values consumed but never stored (a rolled-back insert, a deleted row) must not be issued again either.
        admin("onprem", "SELECT nextval('payments.payment_id_seq') FROM generate_series(1, 7)");
        admin("onprem", "SELECT nextval('payments.batch_seq') FROM generate_series(1, 3)");
        copyRows("onprem", "aurora");

        var result = sequences.sync(ONPREM, AURORA, SELECTION, Sequences.DEFAULT_MARGIN);

        assertThat(result).containsKeys("payments.payment_id_seq", "payments.reference_seq", "payments.batch_seq",
                "ledger.entry_id_seq");
        assertThat(result.get("payments.payment_id_seq")).isEqualTo(57 + Sequences.DEFAULT_MARGIN);
        assertThat(result.get("ledger.entry_id_seq")).isEqualTo(50 + Sequences.DEFAULT_MARGIN);
        assertThat(result.get("payments.batch_seq")).as("a sequence no column names").isEqualTo(3 + Sequences.DEFAULT_MARGIN);
        // The first inserts on the new writer: no collision on a serial key, an identity key or a nextval default.
        admin("aurora", "INSERT INTO payments.payment (amount) VALUES (1)");
        admin("aurora", "INSERT INTO ledger.entry (payment_id, amount) VALUES (1, 1)");
        assertThat(value(AURORA, "SELECT max(id) FROM payments.payment")).isEqualTo(57 + Sequences.DEFAULT_MARGIN + 1);
        assertThat(value(AURORA, "SELECT max(id) FROM ledger.entry")).isEqualTo(50 + Sequences.DEFAULT_MARGIN + 1);
        assertThat(result).as("excluded tables are not the migration's").doesNotContainKey("payments.tmp_import_id_seq");
    }

    @Test
    void afterARollbackOnPremIssuesKeysPastTheRowsThatCameBackFromAurora() throws Exception {
        admin("onprem", "INSERT INTO payments.payment (amount) SELECT 10 FROM generate_series(1, 20)");
        copyRows("onprem", "aurora");
        sequences.sync(ONPREM, AURORA, SELECTION, 100);
        admin("aurora", "INSERT INTO payments.payment (amount) SELECT 20 FROM generate_series(1, 30)");
        admin("aurora", "INSERT INTO ledger.entry (payment_id, amount) SELECT id, 20 FROM payments.payment");
        copyRows("aurora", "onprem");

        var result = sequences.sync(AURORA, ONPREM, SELECTION, 100);

        var highest = value(ONPREM, "SELECT max(id) FROM payments.payment");
        assertThat(highest).isEqualTo(20 + 100 + 30);
        assertThat(result.get("payments.payment_id_seq")).isEqualTo(highest + 100);
        admin("onprem", "INSERT INTO payments.payment (amount) VALUES (1)");
        admin("onprem", "INSERT INTO ledger.entry (payment_id, amount) VALUES (1, 1)");
        assertThat(value(ONPREM, "SELECT max(id) FROM payments.payment")).isEqualTo(highest + 101);
    }

    @Test
    void aSequenceIsNeverMovedBackwards() throws Exception {
        admin("aurora", "SELECT setval('payments.payment_id_seq', 1000000)");
        var result = sequences.sync(ONPREM, AURORA, SELECTION, 10);
        assertThat(result.get("payments.payment_id_seq")).isEqualTo(1000000);
        assertThat(value(AURORA, "SELECT last_value FROM payments.payment_id_seq")).isEqualTo(1000000);
    }

    @Test
    void aSchemaThatDiffersOrASequencePastItsLimitIsRefusedByName() throws Exception {
        admin("aurora", "CREATE SEQUENCE payments.only_on_aurora");
        assertThatThrownBy(() -> sequences.sync(ONPREM, AURORA, SELECTION, 10))
                .isInstanceOf(OperationException.class).hasMessageContaining("payments.only_on_aurora")
                .hasMessageContaining("restore the same schema");
        admin("aurora", "DROP SEQUENCE payments.only_on_aurora");
        admin("onprem", "SELECT setval('payments.batch_seq', 9223372036854775800)");
        assertThatThrownBy(() -> sequences.sync(ONPREM, AURORA, SELECTION, 10))
                .hasMessageContaining("payments.batch_seq would pass its MAXVALUE");
        assertThatThrownBy(() -> sequences.sync(ONPREM, ONPREM, SELECTION, 10)).hasMessageContaining("both onprem");
    }

    /** What DMS does: the rows with their keys, no sequence state. */
    private static void copyRows(String from, String to) throws Exception {
        admin(to, "DELETE FROM ledger.entry");
        admin(to, "DELETE FROM payments.payment");
        for (var table : new String[]{"payments.payment", "ledger.entry"}) {
            var rows = new StringBuilder();
            try (var connection = TwoDatabases.connect(from, "postgres"); var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT string_agg(format('%L', t), ',') FROM " + table + " t")) {
                result.next();
                rows.append(result.getString(1));
            }
            if (!rows.toString().equals("null")) {
                admin(to, "INSERT INTO " + table + " SELECT (r::text::" + table + ").* FROM unnest(ARRAY[" + rows
                        + "]::text[]) r");
            }
        }
    }
}
