package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.config.MigrationConfig.TablePattern;
import com.paymentmigration.config.MigrationConfig.TableSelection;
import com.paymentmigration.replication.TableMappings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rehearsal reads the table mappings the stack writes, and the stack config it plans with, as DMS and gate do. */
class SelectedTablesTest {

    @Test
    void aTableIsSelectedWhenAnIncludeRuleMatchesAndNoExcludeRuleDoesWithPercentAsTheOnlyWildcard() {
        var mappings = TableMappings.of(new TableSelection(List.of(new TablePattern("payments", "%"),
                new TablePattern("ledger", "entries")), List.of(new TablePattern("payments", "tmp_%"))));
        var selected = SelectedTables.of(mappings);

        assertThat(selected.selects("payments", "payment")).isTrue();
        assertThat(selected.selects("payments", "tmp_import")).isFalse();
        assertThat(selected.selects("payments", "tmpXimport")).as("_ matches itself only").isTrue();
        assertThat(selected.selects("ledger", "entries")).isTrue();
        assertThat(selected.selects("ledger", "entries_old")).isFalse();
        assertThat(selected.selects("dms_control", "awsdms_heartbeat")).as("DMS's own tables never").isFalse();
    }

    @Test
    void mappingsThatSelectNothingOrAreNotJsonAreRefusedSaySo() {
        assertThatThrownBy(() -> SelectedTables.of("{\"rules\":[]}")).hasMessageContaining("include no table");
        assertThatThrownBy(() -> SelectedTables.of("rules")).hasMessageContaining("not JSON");
    }

    @Test
    void anOperatorsServerIsReadFromItsJdbcUrlWithCredentialsFromTheOptionsFirst() {
        var endpoint = ServerRequirements.endpoint("jdbc:postgresql://db.example:6432/payments_copy?user=a&password=p%26q",
                null, null);
        var overridden = ServerRequirements.endpoint("jdbc:postgresql://db.example/payments_copy?user=a", "b", "s");

        assertThat(endpoint).isEqualTo(new com.paymentmigration.rehearsal.data.Endpoint("db.example", 6432,
                "payments_copy", "a", "p&q"));
        assertThat(overridden.port()).isEqualTo(5432);
        assertThat(overridden.user()).isEqualTo("b");
        assertThatThrownBy(() -> ServerRequirements.endpoint("postgres://db/x", null, null))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ServerRequirements.endpoint("jdbc:postgresql://db.example/x?password=secret", null, null))
                .hasMessageContaining("no user").hasMessageNotContaining("secret");
    }
}
