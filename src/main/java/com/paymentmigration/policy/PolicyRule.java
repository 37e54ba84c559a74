package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.List;

/** A named rule over every recorded resource (our cdk-nag). Each component's issue adds the rules it owes. */
public interface PolicyRule {

    /** Stable, kebab-case id used in findings.json and in test names. */
    String id();

    /** One sentence: what the rule requires and why. */
    String description();

    List<Finding> check(StackRun run, PolicyContext context);
}
