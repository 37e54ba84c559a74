package com.paymentmigration.policy;

import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.Documents;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Identity policies name the resources they act on; "*" only where the action supports nothing narrower. */
final class IamLeastPrivilege extends PolicyRule {

    static final Set<String> IDENTITY_POLICY_TYPES = Set.of("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy");

    IamLeastPrivilege() {
        super("iam-least-privilege",
                "Identity policies grant no wildcard actions and use Resource \"*\" only for actions that cannot be scoped.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            if (!IDENTITY_POLICY_TYPES.contains(resource.type())) {
                continue;
            }
            for (var document : Documents.of(resource)) {
                if (!document.input().equals("policy") || document.parsed() == null) {
                    continue;
                }
                PolicyChecks.unscopedWildcards(document.parsed()).forEach(p -> findings.add(Finding.of(this, resource, p)));
                PolicyChecks.allowedActions(document.parsed()).stream().filter(a -> a.equals("*") || a.endsWith(":*"))
                        .forEach(a -> findings.add(Finding.of(this, resource, "grants every action of " + a
                                + "; list the actions the role calls")));
            }
        }
        return findings;
    }
}
