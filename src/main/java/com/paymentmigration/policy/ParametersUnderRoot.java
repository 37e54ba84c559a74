package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** One hierarchy per environment: IAM grants and operators find every value under /migration/<suffix>/. */
final class ParametersUnderRoot extends PolicyRule {

    ParametersUnderRoot() {
        super("parameters-under-root",
                "Every parameter lives under /migration/<suffix>/, and SecureStrings use the customer-managed key.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var root = "/migration/" + context.environmentSuffix() + "/";
        var findings = new ArrayList<Finding>();
        for (var parameter : run.ofType("aws:ssm/parameter:Parameter")) {
            var name = parameter.stringInput("name");
            if (name == null || !name.startsWith(root)) {
                findings.add(Finding.of(this, parameter, "name " + name + " is outside " + root));
            }
            if ("SecureString".equals(parameter.stringInput("type"))) {
                var key = parameter.stringInput("keyId");
                if (key == null || key.equals("alias/aws/ssm")) {
                    findings.add(Finding.of(this, parameter, "is a SecureString without the customer-managed key"));
                }
            }
        }
        return findings;
    }
}
