package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * A function outside a VPC reaches AWS and the internet over Lambda's own network, past every security group and
 * flow log of the stack. Every function runs in private subnets with a security group.
 */
final class FunctionsInVpc extends PolicyRule {

    static final String FUNCTION = "aws:lambda/function:Function";

    FunctionsInVpc() {
        super("functions-in-vpc", "Every Lambda function runs in VPC subnets with at least one security group.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var function : run.ofType(FUNCTION)) {
            for (var field : List.of("subnetIds", "securityGroupIds")) {
                var values = function.input("vpcConfig." + field).orElse(List.of());
                if (!(values instanceof List<?> list) || list.isEmpty()) {
                    findings.add(Finding.of(this, function, "has no vpcConfig." + field + "; run it in the private "
                            + "subnets with the compute security group"));
                }
            }
        }
        return findings;
    }
}
