package com.paymentmigration.transit;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TransitStackTest {

    private static final List<String> ON_PREM = List.of("172.16.0.0/16", "192.168.100.0/24");
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void gatewaysUseExplicitRouteTablesOnly() {
        assertThat(run.ofType("aws:ec2transitgateway/transitGateway:TransitGateway")).hasSize(2).allSatisfy(tgw ->
                assertThat(tgw.inputs()).containsEntry("defaultRouteTableAssociation", "disable")
                        .containsEntry("defaultRouteTablePropagation", "disable"));
        assertThat(run.one("aws:ec2transitgateway/transitGateway:TransitGateway", "transit-secondary").providerName())
                .contains("aws-secondary");
        assertThat(run.ofType("aws:ec2transitgateway/vpcAttachment:VpcAttachment")).hasSize(3).allSatisfy(a ->
                assertThat(a.inputs()).containsEntry("transitGatewayDefaultRouteTableAssociation", false)
                        .containsEntry("transitGatewayDefaultRouteTablePropagation", false));
    }

    /** Each routed table of each VPC sends the other VPCs and on-prem to its region's TGW, after the attachment. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "production | transit-primary   | 10.20.0.0/16,10.30.0.0/16 | 3",
            "migration  | transit-primary   | 10.10.0.0/16,10.30.0.0/16 | 3",
            "secondary  | transit-secondary | 10.10.0.0/16,10.20.0.0/16 | 2",
    })
    void vpcRouteTablesSendOnPremAndPeersToTheTgw(String vpc, String tgw, String peers, int routedTables) {
        var routes = run.ofType("aws:ec2/route:Route").stream()
                .filter(r -> r.name().startsWith("transit-" + vpc + "-rt")).toList();
        var expected = new java.util.ArrayList<>(List.of(peers.split(",")));
        expected.addAll(ON_PREM);
        var byTable = routes.stream().collect(Collectors.groupingBy(r -> r.stringInput("routeTableId")));
        assertThat(byTable).hasSize(routedTables);
        byTable.forEach((table, tableRoutes) -> assertThat(tableRoutes).as(table)
                .extracting(r -> r.stringInput("destinationCidrBlock")).containsExactlyInAnyOrderElementsOf(expected));
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.stringInput("transitGatewayId")).isEqualTo(tgw);
            assertThat(r.dependsOn()).anyMatch(u -> u.endsWith("VpcAttachment::transit-" + vpc));
        });
    }

    @Test
    void theAccepterIsInTheSecondaryRegionAndPeeringRoutesAreStatic() {
        var accepter = run.one("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
                "transit-peering-accepter");
        assertThat(accepter.providerName()).contains("aws-secondary");
        var peering = run.one("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "transit-peering");
        assertThat(peering.inputs()).containsEntry("peerRegion", "eu-central-2").containsEntry("peerAccountId", "123456789012");
        var secondaryStatic = staticRoutes("transit-secondary-to-peer");
        assertThat(secondaryStatic).extracting(r -> r.stringInput("destinationCidrBlock"))
                .containsExactlyInAnyOrder("10.10.0.0/16", "10.20.0.0/16", "172.16.0.0/16", "192.168.100.0/24");
        assertThat(secondaryStatic).allSatisfy(r -> {
            assertThat(r.providerName()).contains("aws-secondary");
            assertThat(r.dependsOn()).anyMatch(u -> u.endsWith("::transit-peering-accepter"));
        });
        assertThat(staticRoutes("transit-primary-to-peer")).extracting(r -> r.stringInput("destinationCidrBlock"))
                .containsExactly("10.30.0.0/16");
    }

    @Test
    void vpnWithBgpPropagatesAndWithStaticRoutesAddsOnPremRoutes() {
        var vpn = run.one("aws:ec2/vpnConnection:VpnConnection", "transit-onprem-vpn");
        assertThat(vpn.inputs()).containsEntry("staticRoutesOnly", false).containsEntry("transitGatewayId", "transit-primary");
        assertThat(vpn.input("tunnel1IkeVersions")).contains(List.of("ikev2"));
        assertThat(run.one("aws:ec2/customerGateway:CustomerGateway", "transit-onprem").inputs())
                .containsEntry("bgpAsn", "65010").containsEntry("ipAddress", "203.0.113.10");
        assertThat(run.one("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation",
                "transit-onprem-vpn-propagation").inputs())
                .containsEntry("transitGatewayAttachmentId", "tgw-attach-transit-onprem-vpn");
        assertThat(staticRoutes("transit-onprem-")).isEmpty();

        var staticRun = StackFixture.dev("onPremStaticRouting=true");
        assertThat(staticRun.ofType("aws:ec2transitgateway/route:Route").stream()
                .filter(r -> r.name().startsWith("transit-onprem-")).map(r -> r.stringInput("destinationCidrBlock")))
                .containsExactlyInAnyOrderElementsOf(ON_PREM);
        assertThat(staticRun.ofType("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation"))
                .noneMatch(p -> p.name().startsWith("transit-onprem-vpn"));
    }

    @Test
    void largeFourByteAsnsUseTheExtendedField() {
        var big = StackFixture.dev("onPremBgpAsn=4200000001");
        assertThat(big.one("aws:ec2/customerGateway:CustomerGateway", "transit-onprem").inputs())
                .containsEntry("bgpAsnExtended", "4200000001").doesNotContainKey("bgpAsn");
    }

    private static List<RecordedResource> staticRoutes(String prefix) {
        return run.ofType("aws:ec2transitgateway/route:Route").stream().filter(r -> r.name().startsWith(prefix)).toList();
    }
}
