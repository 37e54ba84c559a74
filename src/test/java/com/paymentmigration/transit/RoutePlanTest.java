package com.paymentmigration.transit;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.ValidConfig;
import com.paymentmigration.network.VpcRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutePlanTest {

    private final com.paymentmigration.config.MigrationConfig config = ConfigReader.read(ConfigSource.of(ValidConfig.map()));

    @Test
    void everyVpcReachesTheOtherTwoAndOnPrem() {
        assertThat(RoutePlan.fromVpc(VpcRole.MIGRATION, config)).extracting(Cidr::toString)
                .containsExactly("10.10.0.0/16", "10.30.0.0/16", "172.16.0.0/16");
        for (var role : VpcRole.values()) {
            assertThat(RoutePlan.fromVpc(role, config)).doesNotContain(role.cidr(config)).hasSize(3);
        }
    }

    @Test
    void eachPeeringSideListsWhatLiesBeyondIt() {
        assertThat(RoutePlan.primaryToPeer(config)).extracting(Cidr::toString).containsExactly("10.30.0.0/16");
        assertThat(RoutePlan.secondaryToPeer(config)).extracting(Cidr::toString)
                .containsExactly("10.10.0.0/16", "10.20.0.0/16", "172.16.0.0/16");
    }
}
