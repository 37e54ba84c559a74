package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * ECS tasks run in awsvpc mode without a public address: the payment service is reached through its internal load
 * balancer only, and reaches AWS through endpoints and the NAT gateway.
 */
final class TasksNeverPublic extends PolicyRule {

    static final String SERVICE = "aws:ecs/service:Service";
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    TasksNeverPublic() {
        super("tasks-never-public", "Every ECS service sets a network configuration with assignPublicIp false, and "
                + "every task definition uses awsvpc networking.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var service : run.ofType(SERVICE)) {
            var networking = service.input("networkConfiguration");
            if (networking.isEmpty()) {
                findings.add(Finding.of(this, service, "has no networkConfiguration; give it private subnets and "
                        + "assignPublicIp false"));
            } else if (!Boolean.FALSE.equals(service.input("networkConfiguration.assignPublicIp").orElse(null))) {
                findings.add(Finding.of(this, service, "does not set networkConfiguration.assignPublicIp to false; "
                        + "tasks must never get a public IP"));
            }
        }
        for (var definition : run.ofType(TASK_DEFINITION)) {
            if (!"awsvpc".equals(definition.stringInput("networkMode"))) {
                findings.add(Finding.of(this, definition, "uses networkMode " + definition.stringInput("networkMode")
                        + "; use awsvpc so each task has its own private interface and security groups"));
            }
        }
        return findings;
    }
}
