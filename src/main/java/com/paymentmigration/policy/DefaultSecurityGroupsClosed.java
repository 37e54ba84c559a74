package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whatever is launched without a security group lands in its VPC's default group, which AWS creates admitting its
 * own members and letting everything out. Every VPC's default group is managed here with no rules at all.
 */
final class DefaultSecurityGroupsClosed extends PolicyRule {

    static final String DEFAULT_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

    DefaultSecurityGroupsClosed() {
        super("default-security-group-closed", "Every VPC's default security group is managed with no ingress and no "
                + "egress rules.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var groups = run.ofType(DEFAULT_GROUP);
        for (var vpc : run.ofType("aws:ec2/vpc:Vpc")) {
            // The mock engine gives a VPC its logical name as id; the default group names the VPC by id.
            if (groups.stream().noneMatch(g -> Objects.equals(g.stringInput("vpcId"), vpc.name()))) {
                findings.add(Finding.of(this, vpc, "its default security group is not managed; add a "
                        + "DefaultSecurityGroup for it with empty ingress and egress"));
            }
        }
        for (var group : groups) {
            for (var direction : List.of("ingress", "egress")) {
                if (hasRules(group, direction)) {
                    findings.add(Finding.of(this, group, "has " + direction + " rules; the default group stays empty"));
                }
            }
        }
        return findings;
    }

    private static boolean hasRules(RecordedResource group, String direction) {
        return group.input(direction).filter(rules -> !(rules instanceof List<?> list && list.isEmpty())).isPresent();
    }
}
