package com.paymentmigration.transit;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transit gateways built alone with the three VPCs: each VPC attached in its region, the VPN to the given peer. */
class TransitComponentTest {

    @Test
    void attachesEachVpcToTheGatewayOfItsRegionAndConnectsTheConfiguredPeer() {
        var run = ComponentFixture.run(stack -> {
            var keys = new EncryptionKeys("keys", stack);
            new Transit("transit", stack, ComponentFixture.network(stack, VpcRole.PRODUCTION, keys),
                    ComponentFixture.network(stack, VpcRole.MIGRATION, keys),
                    ComponentFixture.network(stack, VpcRole.SECONDARY, keys));
        });
        var attachments = run.ofType("aws:ec2transitgateway/vpcAttachment:VpcAttachment");

        assertThat(attachments).extracting(a -> a.name()).containsExactlyInAnyOrder("transit-production",
                "transit-migration", "transit-secondary");
        assertThat(run.one("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "transit-secondary").providerName())
                .hasValueSatisfying(p -> assertThat(p).contains("secondary"));
        assertThat(run.one("aws:ec2/customerGateway:CustomerGateway", "transit-onprem").stringInput("ipAddress"))
                .isEqualTo("203.0.113.10");
    }
}
