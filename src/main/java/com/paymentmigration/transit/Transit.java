package com.paymentmigration.transit;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.Tier;
import com.paymentmigration.network.VpcRole;
import com.pulumi.aws.ec2.CustomerGateway;
import com.pulumi.aws.ec2.CustomerGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.VpnConnection;
import com.pulumi.aws.ec2.VpnConnectionArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachment;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepter;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepterArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentArgs;
import com.pulumi.aws.ec2transitgateway.RouteTable;
import com.pulumi.aws.ec2transitgateway.RouteTableArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagation;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagationArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * A Transit Gateway per region with explicit route tables (default association and propagation off), the VPC
 * attachments on the dedicated TGW subnets, a site-to-site VPN to on-prem, the cross-region peering and its
 * accepter, and the VPC routes that send on-prem and peer CIDRs to the TGW.
 */
public final class Transit extends MigrationComponent {

    public static final String TYPE = "migration:transit:Transit";
    /** Private ASNs, distinct per region: BGP needs unique ASNs, and they cannot change while sessions are up. */
    static final int PRIMARY_ASN = 64512;
    static final int SECONDARY_ASN = 64513;
    /** Strong IKE settings for both tunnels instead of AWS's permissive defaults. */
    static final List<String> IKE = List.of("ikev2");
    static final List<String> ENCRYPTION = List.of("AES256", "AES256-GCM-16");
    static final List<String> INTEGRITY = List.of("SHA2-256", "SHA2-384");
    static final List<Integer> DH_GROUPS = List.of(19, 20, 21);

    public final Output<String> primaryTransitGatewayId;
    public final Output<String> secondaryTransitGatewayId;
    public final Output<String> vpnConnectionId;

    public Transit(String name, StackContext stack, Network production, Network migration, Network secondary) {
        super(TYPE, name, stack);
        var config = stack.config();
        var primaryTgw = gateway(name + "-primary", "primary", PRIMARY_ASN, primary());
        var secondaryTgw = gateway(name + "-secondary", "secondary", SECONDARY_ASN, secondary());
        var primaryTable = new RouteTable(name + "-primary-rt", RouteTableArgs.builder()
                .transitGatewayId(primaryTgw.id())
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-primary"))).build(), primary());
        var secondaryTable = new RouteTable(name + "-secondary-rt", RouteTableArgs.builder()
                .transitGatewayId(secondaryTgw.id())
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-secondary"))).build(), secondary());

        for (var network : List.of(production, migration, secondary)) {
            boolean isPrimary = network.role.region == Region.PRIMARY;
            var tgw = isPrimary ? primaryTgw : secondaryTgw;
            var table = isPrimary ? primaryTable : secondaryTable;
            var options = isPrimary ? primary() : secondary();
            var attachment = new VpcAttachment(name + "-" + network.role.label, VpcAttachmentArgs.builder()
                    .transitGatewayId(tgw.id())
                    .vpcId(network.vpcId)
                    // One subnet per AZ: traffic reaches only AZs that have an attachment subnet.
                    .subnetIds(Output.all(network.subnetIds(Tier.TRANSIT)))
                    .transitGatewayDefaultRouteTableAssociation(false)
                    .transitGatewayDefaultRouteTablePropagation(false)
                    .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-" + network.role.label)))
                    .build(), options);
            associateAndPropagate(name + "-" + network.role.label, attachment.id(), table, true, options);
            vpcRoutes(name, network, tgw, attachment);
        }

        var customerGateway = new CustomerGateway(name + "-onprem", customerGateway(), primary());
        var vpn = new VpnConnection(name + "-onprem-vpn", vpn(customerGateway, primaryTgw), primary());
        this.vpnConnectionId = vpn.id();
        boolean bgp = !config.onPrem().staticRouting();
        associateAndPropagate(name + "-onprem-vpn", vpn.transitGatewayAttachmentId(), primaryTable, bgp, primary());
        if (!bgp) {
            staticRoutes(name + "-onprem", config.networks().onPrem(), vpn.transitGatewayAttachmentId(), primaryTable,
                    primary());
        }

        var peering = new PeeringAttachment(name + "-peering", PeeringAttachmentArgs.builder()
                .transitGatewayId(primaryTgw.id())
                .peerTransitGatewayId(secondaryTgw.id())
                .peerRegion(config.regions().secondary())
                .peerAccountId(stack.accountId())
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-peering"))).build(), primary());
        var accepter = new PeeringAttachmentAccepter(name + "-peering-accepter", PeeringAttachmentAccepterArgs.builder()
                .transitGatewayAttachmentId(peering.id())
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-peering"))).build(), secondary());
        // Peering routes are static only, and the attachment can be associated only once it is accepted.
        associateAndPropagate(name + "-peering-primary", peering.id(), primaryTable, false,
                primary(o -> o.dependsOn(accepter)));
        associateAndPropagate(name + "-peering-secondary", accepter.id(), secondaryTable, false,
                secondary(o -> o.dependsOn(accepter)));
        staticRoutes(name + "-primary-to-peer", RoutePlan.primaryToPeer(config), peering.id(), primaryTable,
                primary(o -> o.dependsOn(accepter)));
        staticRoutes(name + "-secondary-to-peer", RoutePlan.secondaryToPeer(config), accepter.id(), secondaryTable,
                secondary(o -> o.dependsOn(accepter)));

        this.primaryTransitGatewayId = primaryTgw.id();
        this.secondaryTransitGatewayId = secondaryTgw.id();
        registerOutputs(Map.of("primaryTransitGatewayId", primaryTransitGatewayId,
                "secondaryTransitGatewayId", secondaryTransitGatewayId, "vpnConnectionId", vpnConnectionId));
    }

    private TransitGateway gateway(String logicalName, String label, int asn, CustomResourceOptions options) {
        return new TransitGateway(logicalName, TransitGatewayArgs.builder()
                .description("payment-migration " + stack.names().suffix() + " " + label)
                .amazonSideAsn(asn)
                // Explicit route tables only: nothing is routed because it happened to attach.
                .defaultRouteTableAssociation("disable")
                .defaultRouteTablePropagation("disable")
                .autoAcceptSharedAttachments("disable")
                .dnsSupport("enable")
                .vpnEcmpSupport("enable")
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "tgw-" + label)))
                .build(), options);
    }

    private CustomerGatewayArgs customerGateway() {
        var onPrem = stack.config().onPrem();
        var args = CustomerGatewayArgs.builder().ipAddress(onPrem.vpnPeerIp()).type("ipsec.1")
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "onprem")));
        // bgpAsn takes 2-byte and 4-byte ASNs up to 2^31-1; larger 4-byte ASNs go in bgpAsnExtended.
        return onPrem.bgpAsn() <= Integer.MAX_VALUE ? args.bgpAsn(String.valueOf(onPrem.bgpAsn())).build()
                : args.bgpAsnExtended(String.valueOf(onPrem.bgpAsn())).build();
    }

    private VpnConnectionArgs vpn(CustomerGateway customerGateway, TransitGateway tgw) {
        return VpnConnectionArgs.builder()
                .customerGatewayId(customerGateway.id())
                .transitGatewayId(tgw.id())
                .type("ipsec.1")
                .staticRoutesOnly(stack.config().onPrem().staticRouting())
                .tunnel1IkeVersions(IKE).tunnel2IkeVersions(IKE)
                .tunnel1Phase1EncryptionAlgorithms(ENCRYPTION).tunnel2Phase1EncryptionAlgorithms(ENCRYPTION)
                .tunnel1Phase2EncryptionAlgorithms(ENCRYPTION).tunnel2Phase2EncryptionAlgorithms(ENCRYPTION)
                .tunnel1Phase1IntegrityAlgorithms(INTEGRITY).tunnel2Phase1IntegrityAlgorithms(INTEGRITY)
                .tunnel1Phase2IntegrityAlgorithms(INTEGRITY).tunnel2Phase2IntegrityAlgorithms(INTEGRITY)
                .tunnel1Phase1DhGroupNumbers(DH_GROUPS).tunnel2Phase1DhGroupNumbers(DH_GROUPS)
                .tunnel1Phase2DhGroupNumbers(DH_GROUPS).tunnel2Phase2DhGroupNumbers(DH_GROUPS)
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, "onprem-vpn")))
                .build();
    }

    private void associateAndPropagate(String name, Output<String> attachmentId, RouteTable table, boolean propagate,
                                       CustomResourceOptions options) {
        new RouteTableAssociation(name + "-association", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(attachmentId).transitGatewayRouteTableId(table.id()).build(), options);
        if (propagate) {
            new RouteTablePropagation(name + "-propagation", RouteTablePropagationArgs.builder()
                    .transitGatewayAttachmentId(attachmentId).transitGatewayRouteTableId(table.id()).build(), options);
        }
    }

    private void staticRoutes(String name, List<Cidr> destinations, Output<String> attachmentId, RouteTable table,
                              CustomResourceOptions options) {
        for (int i = 0; i < destinations.size(); i++) {
            new com.pulumi.aws.ec2transitgateway.Route(name + "-" + i, com.pulumi.aws.ec2transitgateway.RouteArgs.builder()
                    .destinationCidrBlock(destinations.get(i).toString())
                    .transitGatewayAttachmentId(attachmentId)
                    .transitGatewayRouteTableId(table.id()).build(), options);
        }
    }

    /** Every routed table of the VPC sends the other VPCs and on-prem to the TGW, once the attachment exists. */
    private void vpcRoutes(String name, Network network, TransitGateway tgw, Resource attachment) {
        var destinations = RoutePlan.fromVpc(network.role, stack.config());
        for (int t = 0; t < network.routedTables.size(); t++) {
            var table = network.routedTables.get(t);
            for (int d = 0; d < destinations.size(); d++) {
                new Route(name + "-" + network.role.label + "-rt" + t + "-to-" + d, RouteArgs.builder()
                        .routeTableId(table.id())
                        .destinationCidrBlock(destinations.get(d).toString())
                        .transitGatewayId(tgw.id())
                        .build(), in(network.role.region, o -> o.dependsOn(attachment)));
            }
        }
    }
}
