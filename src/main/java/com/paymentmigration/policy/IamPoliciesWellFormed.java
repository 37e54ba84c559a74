package com.paymentmigration.policy;

import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.Documents;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** IAM, key, bucket and topic policies are checked as IAM would check them, before a deploy finds out. */
final class IamPoliciesWellFormed extends PolicyRule {

    private static final Set<String> POLICY_INPUTS = Set.of("policy", "assumeRolePolicy");
    private static final Set<String> NOT_IAM = Set.of("aws:sfn/stateMachine:StateMachine");

    IamPoliciesWellFormed() {
        super("iam-policies-well-formed",
                "Every policy document has Version 2012-10-17, unique Sids, Allow/Deny effects, service:Action actions, "
                + "and a Resource or Principal.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            if (NOT_IAM.contains(resource.type())) {
                continue;
            }
            for (var document : Documents.of(resource)) {
                if (POLICY_INPUTS.contains(document.input()) && document.parsed() != null) {
                    PolicyChecks.structure(document.parsed())
                            .forEach(p -> findings.add(Finding.of(this, resource, document.input() + ": " + p)));
                }
            }
        }
        return findings;
    }
}
