package com.paymentmigration.policy;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** On-prem is reached only over the VPN through the Transit Gateway: never through NAT, IGW or a peering. */
final class OnPremRoutesViaTransitGateway extends PolicyRule {

    OnPremRoutesViaTransitGateway() {
        super("on-prem-routes-via-tgw", "Every VPC route toward an on-prem network targets the Transit Gateway.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var route : run.ofType("aws:ec2/route:Route")) {
            var destination = route.stringInput("destinationCidrBlock");
            if (destination == null) {
                continue;
            }
            Cidr cidr;
            try {
                cidr = Cidr.parse(destination);
            } catch (IllegalArgumentException e) {
                continue;
            }
            // A default route also covers on-prem, but longer prefixes win; only specific routes are judged.
            if (cidr.prefixLength() == 0) {
                continue;
            }
            boolean toOnPrem = context.onPremCidrs().stream().anyMatch(cidr::overlaps);
            if (toOnPrem && route.stringInput("transitGatewayId") == null) {
                findings.add(Finding.of(this, route, "sends on-prem " + destination + " somewhere other than the Transit Gateway"));
            }
        }
        return findings;
    }
}
