package com.paymentmigration.transit;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.network.VpcRole;

import java.util.ArrayList;
import java.util.List;

/**
 * Which destinations go through the Transit Gateways. Every VPC reaches the other two and on-prem; on-prem reaches
 * all three. Routes over the cross-region peering are static by AWS's rule, so each side lists what lies beyond it.
 */
public final class RoutePlan {

    private RoutePlan() {
    }

    /** What a VPC's route tables send to its region's Transit Gateway. */
    public static List<Cidr> fromVpc(VpcRole role, MigrationConfig config) {
        var destinations = new ArrayList<Cidr>();
        for (var other : VpcRole.values()) {
            if (other != role) {
                destinations.add(other.cidr(config));
            }
        }
        destinations.addAll(config.networks().onPrem());
        return destinations;
    }

    /** Static routes in the primary TGW's table pointing at the peering attachment. */
    public static List<Cidr> primaryToPeer(MigrationConfig config) {
        return List.of(VpcRole.SECONDARY.cidr(config));
    }

    /** Static routes in the secondary TGW's table pointing at the peering attachment. */
    public static List<Cidr> secondaryToPeer(MigrationConfig config) {
        var destinations = new ArrayList<Cidr>();
        destinations.add(VpcRole.PRODUCTION.cidr(config));
        destinations.add(VpcRole.MIGRATION.cidr(config));
        destinations.addAll(config.networks().onPrem());
        return destinations;
    }
}
