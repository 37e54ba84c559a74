package com.paymentmigration.lambda.replicationops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.paymentmigration.lambda.replicationops.Database.AURORA;
import static com.paymentmigration.lambda.replicationops.Database.ONPREM;
import static com.paymentmigration.lambda.replicationops.TwoDatabases.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preflight's database checks against a real PostgreSQL, each missing item named with its fix. */
class PrerequisitesTest {

    private static final TableSelection SELECTION = new TableSelection(TwoDatabases.INCLUDE, TwoDatabases.EXCLUDE);
    private static final String CONTROL = "dms_control";

    @BeforeEach
    void freshDatabases() throws Exception {
        TwoDatabases.fresh("postgres");
    }

    @Test
    void aSuperuserOnAPreparedDatabasePassesEveryItem() throws Exception {
        var result = new Prerequisites(as("postgres")).check(ONPREM, SELECTION, CONTROL);
        assertThat(result).containsEntry("database", "onprem").containsEntry("checked", Prerequisites.ITEMS);
    }

    @Test
    void tablesWithoutAKeyGeneratedAlwaysIdentityAndAMissingControlSchemaAreEachNamed() throws Exception {
        admin("onprem", "CREATE TABLE payments.no_key (id bigint, note text)");
        admin("onprem", "CREATE TABLE payments.always (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
        admin("onprem", "DROP SCHEMA dms_control");
        assertThatThrownBy(() -> new Prerequisites(as("postgres")).check(ONPREM, SELECTION, CONTROL))
                .isInstanceOf(PrerequisitesMissingException.class)
                .hasMessageContaining("tables without a primary key [payments.no_key]")
                .hasMessageContaining("GENERATED ALWAYS identity columns refuse the values DMS applies [payments.always (id)]")
                .hasMessageContaining("schema dms_control")
                .hasMessageNotContaining("payments.tmp_import");
    }

    @Test
    void anOrdinaryUserLacksSuperuserDecodingAndTheSessionRoleOnPrem() throws Exception {
        admin("postgres", "DROP ROLE IF EXISTS app_user");
        admin("postgres", "CREATE ROLE app_user LOGIN");
        admin("onprem", "GRANT USAGE ON SCHEMA payments, ledger TO app_user");
        admin("onprem", "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA payments, ledger TO app_user");
        assertThatThrownBy(() -> new Prerequisites(as("app_user")).check(ONPREM, SELECTION, CONTROL))
                .hasMessageStartingWith("onprem is not ready for replication")
                .hasMessageContaining("logical decoding with test_decoding fails")
                .hasMessageContaining("ALTER ROLE <the DMS user> SUPERUSER")
                .hasMessageContaining("GRANT SET ON PARAMETER session_replication_role")
                .hasMessageContaining("schema dms_control")
                .hasMessageContaining("the drain marker table migration_control.drain_marker is missing and the user "
                        + "cannot create it: CREATE SCHEMA migration_control AUTHORIZATION <the DMS user>")
                .hasMessageContaining("payments.payment DELETE");
    }

    @Test
    void onAuroraTheUserNeedsTheRdsRolesAndTruncate() throws Exception {
        admin("postgres", "DROP ROLE IF EXISTS aurora_user");
        admin("postgres", "DO $$ BEGIN CREATE ROLE rds_superuser; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        admin("postgres", "DO $$ BEGIN CREATE ROLE rds_replication; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        admin("postgres", "CREATE ROLE aurora_user LOGIN REPLICATION IN ROLE rds_superuser");
        admin("aurora", "GRANT USAGE, CREATE ON SCHEMA payments, ledger, dms_control TO aurora_user");
        admin("aurora", "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA payments, ledger TO aurora_user");
        // The marker table was created by another user, who did not grant it.
        admin("aurora", DrainMarkers.CREATE);
        assertThatThrownBy(() -> new Prerequisites(as("aurora_user")).check(AURORA, SELECTION, CONTROL))
                .hasMessageStartingWith("aurora is not ready")
                .hasMessageContaining("not a member of rds_replication: GRANT rds_replication TO <the DMS user>")
                .hasMessageContaining("payments.payment TRUNCATE")
                .hasMessageContaining("the user cannot write the drain marker table migration_control.drain_marker: "
                        + "GRANT USAGE ON SCHEMA migration_control and INSERT, SELECT ON migration_control.drain_marker "
                        + "TO <the DMS user>")
                .hasMessageNotContaining("logical decoding");
    }

    @Test
    void walLevelAndSenderLimitsAreReadFromTheServer() throws Exception {
        admin("postgres", "ALTER SYSTEM SET wal_sender_timeout = '5s'");
        admin("postgres", "SELECT pg_reload_conf()");
        try {
            assertThatThrownBy(() -> new Prerequisites(as("postgres")).check(ONPREM, SELECTION, CONTROL))
                    .hasMessageContaining("wal_sender_timeout is 5000 ms: set it to 0 or at least 10000 ms");
        } finally {
            admin("postgres", "ALTER SYSTEM RESET wal_sender_timeout");
            admin("postgres", "SELECT pg_reload_conf()");
        }
    }

    private static Connections as(String user) {
        return database -> TwoDatabases.connect(database.label(), user);
    }
}
