package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.network.SecurityRules.Direction;
import com.paymentmigration.network.SecurityRules.Group;
import com.paymentmigration.network.SecurityRules.Rule;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityRulesTest {

    private static final List<Cidr> ON_PREM = List.of(Cidr.parse("172.16.0.0/16"));
    private static final Map<VpcRole, SubnetPlan> PLANS = new EnumMap<>(Map.of(
            VpcRole.PRODUCTION, SubnetPlan.of(Cidr.parse("10.10.0.0/16"), 3),
            VpcRole.MIGRATION, SubnetPlan.of(Cidr.parse("10.20.0.0/16"), 3),
            VpcRole.SECONDARY, SubnetPlan.of(Cidr.parse("10.30.0.0/16"), 3)));

    @Test
    void nothingIsOpenToTheInternet() {
        for (var role : VpcRole.values()) {
            assertThat(SecurityRules.of(role, PLANS, ON_PREM)).allSatisfy(rule ->
                    assertThat(rule.cidr().prefixLength()).as(rule.toString()).isGreaterThanOrEqualTo(16));
        }
    }

    @Test
    void databasesTakePostgresOnlyFromComputeAndDmsTiers() {
        var ingress = SecurityRules.of(VpcRole.PRODUCTION, PLANS, ON_PREM).stream()
                .filter(r -> r.group() == Group.DATABASE && r.direction() == Direction.INGRESS).toList();
        assertThat(ingress).allSatisfy(r -> assertThat(r.port()).isEqualTo(SecurityRules.POSTGRES));
        assertThat(ingress).extracting(Rule::cidr).containsExactlyInAnyOrderElementsOf(concat(
                PLANS.get(VpcRole.PRODUCTION).subnets(Tier.PRIVATE), PLANS.get(VpcRole.PRODUCTION).subnets(Tier.DMS),
                PLANS.get(VpcRole.MIGRATION).subnets(Tier.PRIVATE), PLANS.get(VpcRole.MIGRATION).subnets(Tier.DMS)));
    }

    @Test
    void dmsReachesBothDatabasesAndNothingElseOnPostgres() {
        var egress = SecurityRules.of(VpcRole.MIGRATION, PLANS, ON_PREM).stream()
                .filter(r -> r.group() == Group.DMS && r.port() == SecurityRules.POSTGRES).toList();
        assertThat(egress).extracting(Rule::cidr).containsExactlyInAnyOrderElementsOf(concat(ON_PREM,
                PLANS.get(VpcRole.PRODUCTION).subnets(Tier.DATABASE), PLANS.get(VpcRole.MIGRATION).subnets(Tier.DATABASE)));
    }

    @Test
    void theRotationFunctionReachesTheSecondaryWriterAfterASwitchover() {
        var secondaryDatabases = PLANS.get(VpcRole.SECONDARY).subnets(Tier.DATABASE);
        assertThat(SecurityRules.of(VpcRole.MIGRATION, PLANS, ON_PREM)).filteredOn(r -> r.group() == Group.COMPUTE
                        && r.direction() == Direction.EGRESS && r.port() == SecurityRules.POSTGRES)
                .extracting(Rule::cidr).containsAll(secondaryDatabases);
        assertThat(SecurityRules.of(VpcRole.SECONDARY, PLANS, ON_PREM)).filteredOn(r -> r.group() == Group.DATABASE
                        && r.direction() == Direction.INGRESS)
                .extracting(Rule::cidr).containsAll(PLANS.get(VpcRole.MIGRATION).subnets(Tier.PRIVATE));
    }

    @Test
    void endpointsTakeHttpsFromTheirOwnVpcOnly() {
        assertThat(SecurityRules.of(VpcRole.SECONDARY, PLANS, ON_PREM)).filteredOn(r -> r.group() == Group.ENDPOINTS)
                .singleElement().satisfies(r -> {
                    assertThat(r.port()).isEqualTo(443);
                    assertThat(r.cidr()).hasToString("10.30.0.0/16");
                });
    }

    @SafeVarargs
    private static List<Cidr> concat(List<Cidr>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
