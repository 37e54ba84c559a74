package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Flow logs are the record of who talked to the payment databases; every VPC keeps them. */
final class VpcFlowLogs extends PolicyRule {

    VpcFlowLogs() {
        super("vpc-flow-logs", "Every VPC has a flow log capturing ALL traffic.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var logs = run.ofType("aws:ec2/flowLog:FlowLog");
        for (var vpc : run.ofType("aws:ec2/vpc:Vpc")) {
            // The mock engine gives a VPC its logical name as id; a flow log names the VPC by id.
            boolean logged = logs.stream().anyMatch(f -> Objects.equals(f.stringInput("vpcId"), vpc.name())
                    && "ALL".equals(f.stringInput("trafficType")));
            if (!logged) {
                findings.add(Finding.of(this, vpc, "has no flow log with trafficType ALL"));
            }
        }
        return findings;
    }
}
