package com.paymentmigration.database;

import com.paymentmigration.core.Region;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.AvailabilityZones;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.secrets.ExistingSecret;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static com.paymentmigration.stack.ComponentFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The global database built alone (with the VPCs and keys it needs), from the master credentials it is given. */
class DatabaseComponentTest {

    @Test
    void thePrimaryTakesTheGivenMasterCredentialsAndEachClusterSitsInItsOwnRegionsVpc() {
        var run = ComponentFixture.run(stack -> {
            var keys = new EncryptionKeys("keys", stack);
            new Database("database", stack, keys, ComponentFixture.network(stack, VpcRole.PRODUCTION, keys),
                    ComponentFixture.network(stack, VpcRole.SECONDARY, keys),
                    AvailabilityZones.resolve(stack, Region.PRIMARY), AvailabilityZones.resolve(stack, Region.SECONDARY),
                    new ExistingSecret.Credentials(given("given-admin"), given("given-password")),
                    new Parameters("parameters", stack, keys));
        });
        var primary = run.one("aws:rds/cluster:Cluster", "database-primary");
        var secondary = run.one("aws:rds/cluster:Cluster", "database-secondary");

        assertThat(primary.stringInput("masterUsername")).isEqualTo("given-admin");
        assertThat(secondary.inputs()).doesNotContainKey("masterUsername");
        assertThat(primary.providerName()).hasValueSatisfying(p -> assertThat(p).contains("primary"));
        assertThat(secondary.providerName()).hasValueSatisfying(p -> assertThat(p).contains("secondary"));
        assertThat(run.one("aws:ssm/parameter:Parameter", "database-writer-endpoint").stringInput("name"))
                .isEqualTo("/migration/dev/database/writer-endpoint");
    }
}
