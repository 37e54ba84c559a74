package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.data.EmbeddedServers;
import com.paymentmigration.rehearsal.data.Endpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A server the operator names is checked for what replication needs before the rehearsal touches it. */
class ServerRequirementsTest {

    @Test
    void aServerWithoutLogicalWalIsRefusedNamingTheSettingAndTheFix() throws Exception {
        try (var server = EmbeddedPostgres.builder().setServerConfig("wal_level", "replica").start()) {
            var missing = ServerRequirements.missing("on-prem", new Endpoint("localhost", server.getPort(), "postgres",
                    "postgres", null));

            assertThat(missing).singleElement().asString().startsWith("on-prem: wal_level is replica, not logical")
                    .contains("set wal_level = logical in postgresql.conf and restart");
        }
    }

    @Test
    void theEmbeddedServersHaveEverythingItNeeds() throws Exception {
        var pair = EmbeddedServers.shared().fresh("requirements");

        assertThat(ServerRequirements.missing("on-prem", pair.onprem())).isEmpty();
        assertThat(ServerRequirements.missing("Aurora", pair.aurora())).isEmpty();
    }
}
