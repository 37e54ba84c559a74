package com.paymentmigration.network;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One VPC built alone with the keys: the CIDR its role is configured with, under the provider of its region. */
class NetworkComponentTest {

    @Test
    void theSecondaryVpcHasItsConfiguredCidrInTheSecondaryRegion() {
        var run = ComponentFixture.run(stack -> ComponentFixture.network(stack, VpcRole.SECONDARY,
                new EncryptionKeys("keys", stack)));
        var vpc = run.ofType("aws:ec2/vpc:Vpc");

        assertThat(vpc).singleElement().satisfies(v -> {
            assertThat(v.stringInput("cidrBlock")).isEqualTo("10.30.0.0/16");
            assertThat(v.providerName()).hasValueSatisfying(p -> assertThat(p).contains("secondary"));
        });
    }
}
