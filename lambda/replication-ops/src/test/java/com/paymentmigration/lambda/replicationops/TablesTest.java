package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static com.paymentmigration.lambda.replicationops.Database.AURORA;
import static com.paymentmigration.lambda.replicationops.Database.ONPREM;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablesTest {

    private Tables tables;

    @BeforeEach
    void freshDatabases() throws Exception {
        tables = new Tables(TwoDatabases.fresh("postgres"));
        admin("aurora", "INSERT INTO payments.payment (amount) VALUES (1)");
        admin("aurora", "INSERT INTO ledger.entry (payment_id, amount) VALUES (1, 1)");
        admin("aurora", "INSERT INTO payments.tmp_import DEFAULT VALUES");
    }

    @Test
    void oneTruncateEmptiesTablesThatReferenceEachOtherWhereTableByTableFails() throws Exception {
        // What DMS's TRUNCATE_BEFORE_LOAD does, one table at a time: PostgreSQL refuses it.
        assertThatThrownBy(() -> admin("aurora", "TRUNCATE payments.payment")).isInstanceOf(SQLException.class)
                .hasMessageContaining("foreign key");
        var truncated = tables.truncate(AURORA, new TableSelection(TwoDatabases.INCLUDE, TwoDatabases.EXCLUDE));
        assertThat(truncated).containsExactly("ledger.entry", "payments.payment");
        assertThat(value(AURORA, "SELECT count(*) FROM payments.payment")).isZero();
        assertThat(value(AURORA, "SELECT count(*) FROM ledger.entry")).isZero();
        assertThat(value(AURORA, "SELECT count(*) FROM payments.tmp_import")).as("excluded").isEqualTo(1);
    }

    @Test
    void onPremIsNeverTruncatedAndAnEmptySelectionIsRefused() {
        assertThatThrownBy(() -> tables.truncate(ONPREM, new TableSelection(TwoDatabases.INCLUDE, TwoDatabases.EXCLUDE)))
                .isInstanceOf(OperationException.class).hasMessageContaining("never onprem");
        assertThatThrownBy(() -> tables.truncate(AURORA, new TableSelection(java.util.List.of("nothing.%"),
                java.util.List.of()))).hasMessageContaining("no table on aurora matches");
    }
}
