package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** Every environment must be destroyable with one {@code pulumi destroy}; protect and retain would block that. */
final class NothingProtectedOrRetained extends PolicyRule {

    NothingProtectedOrRetained() {
        super("nothing-protected-or-retained",
                "No resource is protected or retained on delete, so every environment can be destroyed.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            if (resource.options().protect()) {
                findings.add(Finding.of(this, resource, "is protected; drop protect(true)"));
            }
            if (resource.options().retainOnDelete()) {
                findings.add(Finding.of(this, resource, "is retained on delete; drop retainOnDelete(true)"));
            }
        }
        return findings;
    }
}
