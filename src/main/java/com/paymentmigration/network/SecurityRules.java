package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The security group rules of each VPC, as data. Cross-VPC rules name subnet CIDRs, because security group
 * references do not cross a Transit Gateway. Nothing admits 0.0.0.0/0.
 */
public final class SecurityRules {

    public static final int POSTGRES = 5432;
    public static final int HTTPS = 443;

    /** Security groups every VPC gets. */
    public enum Group { ENDPOINTS, COMPUTE, DMS, DATABASE }

    public enum Direction { INGRESS, EGRESS }

    public record Rule(Group group, Direction direction, int port, Cidr cidr, String description) {
    }

    private SecurityRules() {
    }

    public static List<Rule> of(VpcRole role, Map<VpcRole, SubnetPlan> plans, List<Cidr> onPrem) {
        var own = plans.get(role);
        var rules = new ArrayList<Rule>();
        rules.add(new Rule(Group.ENDPOINTS, Direction.INGRESS, HTTPS, own.vpc(), "AWS API calls from inside the VPC"));
        for (var group : List.of(Group.COMPUTE, Group.DMS)) {
            rules.add(new Rule(group, Direction.EGRESS, HTTPS, own.vpc(), "AWS APIs through the interface endpoints"));
        }
        // Who talks PostgreSQL to whom: the validator and rotation functions and DMS read both sides.
        var databases = role == VpcRole.SECONDARY ? own.subnets(Tier.DATABASE)
                : concat(plans.get(VpcRole.PRODUCTION).subnets(Tier.DATABASE), plans.get(VpcRole.MIGRATION).subnets(Tier.DATABASE));
        for (var group : List.of(Group.COMPUTE, Group.DMS)) {
            databases.forEach(db -> rules.add(new Rule(group, Direction.EGRESS, POSTGRES, db, "Aurora")));
            if (role != VpcRole.SECONDARY) {
                onPrem.forEach(net -> rules.add(new Rule(group, Direction.EGRESS, POSTGRES, net, "on-prem PostgreSQL over the VPN")));
            }
        }
        // After a global-database switchover the writer is the secondary cluster: the rotation function (compute tier
        // of the migration VPC) must still reach it to set passwords, across the Transit Gateway peering.
        if (role == VpcRole.MIGRATION) {
            plans.get(VpcRole.SECONDARY).subnets(Tier.DATABASE).forEach(db -> rules.add(new Rule(Group.COMPUTE,
                    Direction.EGRESS, POSTGRES, db, "Aurora secondary, the writer after a switchover (secret rotation)")));
        }
        var clients = new ArrayList<Cidr>();
        for (var vpc : role == VpcRole.SECONDARY ? List.of(VpcRole.SECONDARY) : List.of(VpcRole.PRODUCTION, VpcRole.MIGRATION)) {
            clients.addAll(plans.get(vpc).subnets(Tier.PRIVATE));
            clients.addAll(plans.get(vpc).subnets(Tier.DMS));
        }
        if (role == VpcRole.SECONDARY) {
            clients.addAll(plans.get(VpcRole.MIGRATION).subnets(Tier.PRIVATE));
        }
        clients.forEach(client -> rules.add(new Rule(Group.DATABASE, Direction.INGRESS, POSTGRES, client,
                "PostgreSQL from the compute and DMS tiers")));
        return rules;
    }

    /** A network allowed to call something, and why. */
    public record Client(Cidr cidr, String description) {
    }

    /**
     * Who may call the new service's load balancer: the API's private link (its NLB lives in the migration VPC's
     * private subnets) and, when the weighted DNS name sends them there, the production VPC's private subnets and
     * on-prem callers over the VPN.
     */
    public static List<Client> serviceClients(Map<VpcRole, SubnetPlan> plans, List<Cidr> onPrem, boolean weightedDns) {
        var clients = new ArrayList<Client>();
        plans.get(VpcRole.MIGRATION).subnets(Tier.PRIVATE).forEach(net -> clients.add(new Client(net, "the API's private link")));
        if (weightedDns) {
            plans.get(VpcRole.PRODUCTION).subnets(Tier.PRIVATE).forEach(net ->
                    clients.add(new Client(net, "production services through the weighted name")));
            onPrem.forEach(net -> clients.add(new Client(net, "on-prem callers through the weighted name")));
        }
        return clients;
    }

    private static List<Cidr> concat(List<Cidr> a, List<Cidr> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
