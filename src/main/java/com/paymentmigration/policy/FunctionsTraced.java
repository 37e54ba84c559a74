package com.paymentmigration.policy;

import com.paymentmigration.functions.LambdaFunction;
import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.Documents;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * Every function traces actively (X-Ray samples and records each invocation, whoever calls it) and its role may
 * send the segments: without the permission, tracing is on and every trace is silently dropped.
 */
final class FunctionsTraced extends PolicyRule {

    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    FunctionsTraced() {
        super("functions-traced", "Every Lambda function has tracingConfig mode Active and a role allowed to send "
                + "X-Ray segments and telemetry.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var function : run.ofType(FunctionsInVpc.FUNCTION)) {
            if (!LambdaFunction.TRACING_MODE.equals(function.stringInput("tracingConfig.mode"))) {
                findings.add(Finding.of(this, function, "tracingConfig mode is " + function.stringInput("tracingConfig.mode")
                        + "; set Active"));
            }
            var granted = grantedTo(run, function.stringInput("role"));
            var missing = LambdaFunction.TRACE_ACTIONS.stream().filter(a -> !granted.contains(a)).sorted().toList();
            if (!missing.isEmpty()) {
                findings.add(Finding.of(this, function, "its role is not allowed " + missing + "; traces would be dropped"));
            }
        }
        return findings;
    }

    /** Actions the inline policies of the role with this ARN allow; a role's id is its name. */
    private static Set<String> grantedTo(StackRun run, String roleArn) {
        if (roleArn == null || !roleArn.contains(":role/")) {
            return Set.of();
        }
        var roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        var actions = new HashSet<String>();
        run.ofType(ROLE_POLICY).stream().filter(p -> roleName.equals(p.stringInput("role")))
                .flatMap(p -> Documents.of(p).stream())
                .filter(d -> d.input().equals("policy") && d.parsed() != null)
                .forEach(d -> actions.addAll(PolicyChecks.allowedActions(d.parsed())));
        return actions;
    }
}
