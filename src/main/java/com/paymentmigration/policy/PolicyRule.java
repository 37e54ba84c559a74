package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.List;

/** A named rule over every recorded resource (our cdk-nag). Each component's issue adds the rules it owes. */
public abstract class PolicyRule {

    private final String id;
    private final String description;

    /**
     * @param id          stable, kebab-case id used in findings.json and in test names
     * @param description one sentence: what the rule requires
     */
    protected PolicyRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public final String id() {
        return id;
    }

    public final String description() {
        return description;
    }

    public abstract List<Finding> check(StackRun run, PolicyContext context);
}
