package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.VpcSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetPlanTest {

    @Test
    void aSlash16InThreeAzs() {
        var plan = SubnetPlan.of(Cidr.parse("10.20.0.0/16"), 3);
        assertThat(plan.subnets(Tier.PRIVATE)).extracting(Cidr::toString)
                .containsExactly("10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20");
        assertThat(plan.subnets(Tier.PUBLIC)).extracting(Cidr::toString)
                .containsExactly("10.20.128.0/22", "10.20.132.0/22", "10.20.136.0/22");
        assertThat(plan.subnets(Tier.DATABASE).get(0)).hasToString("10.20.160.0/22");
        assertThat(plan.subnets(Tier.DMS).get(0)).hasToString("10.20.192.0/22");
        assertThat(plan.subnets(Tier.TRANSIT)).extracting(Cidr::toString)
                .containsExactly("10.20.224.0/28", "10.20.224.16/28", "10.20.224.32/28");
    }

    /** Property: for every VPC size and AZ count, subnets fit the VPC, never overlap and are at least /28. */
    @Test
    void subnetsFitNeverOverlapAndAreValidForRandomVpcs() {
        var random = new Random(42);
        for (int run = 0; run < 500; run++) {
            int prefix = VpcSize.LARGEST + random.nextInt(VpcSize.SMALLEST - VpcSize.LARGEST + 1);
            long base = (10L << 24) | (random.nextInt(1 << 16) << 8);
            var vpc = new Cidr(base & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL, prefix);
            int azs = 1 + random.nextInt(SubnetPlan.MAX_AZS);
            var plan = SubnetPlan.of(vpc, azs);
            var all = new ArrayList<Cidr>();
            for (var tier : Tier.values()) {
                assertThat(plan.subnets(tier)).hasSize(azs);
                all.addAll(plan.subnets(tier));
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(vpc.contains(all.get(i))).as("%s in %s", all.get(i), vpc).isTrue();
                assertThat(all.get(i).prefixLength()).isLessThanOrEqualTo(28);
                for (int j = i + 1; j < all.size(); j++) {
                    assertThat(all.get(i).overlaps(all.get(j))).as("%s vs %s", all.get(i), all.get(j)).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "3, 6", "2, 8", "6, 3"})
    void changingTheAzCountNeverMovesAnExistingSubnet(int before, int after) {
        var vpc = Cidr.parse("10.10.0.0/16");
        var a = SubnetPlan.of(vpc, before);
        var b = SubnetPlan.of(vpc, after);
        for (var tier : Tier.values()) {
            int common = Math.min(before, after);
            assertThat(b.subnets(tier).subList(0, common)).isEqualTo(a.subnets(tier).subList(0, common));
        }
    }

    @Test
    void aTooSmallVpcIsRefusedWithTheFix() {
        assertThatThrownBy(() -> SubnetPlan.of(Cidr.parse("10.0.0.0/23"), 2))
                .hasMessage("10.0.0.0/23 is too small for five subnet tiers in up to 8 AZs; use a /22 or larger (e.g. /16)");
        assertThat(SubnetPlan.of(Cidr.parse("10.0.0.0/22"), 8).subnets(Tier.PUBLIC).get(7)).hasToString("10.0.2.112/28");
        assertThatThrownBy(() -> SubnetPlan.of(Cidr.parse("10.0.0.0/16"), 9)).hasMessageContaining("outside 1-8");
    }
}
