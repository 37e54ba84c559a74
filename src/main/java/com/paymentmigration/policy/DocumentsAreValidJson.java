package com.paymentmigration.policy;

import com.paymentmigration.plan.Documents;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** A policy, definition or dashboard that is not valid JSON fails only at deploy time; catch it at plan time. */
final class DocumentsAreValidJson extends PolicyRule {

    DocumentsAreValidJson() {
        super("documents-are-valid-json",
                "Every generated document (IAM policy, state machine, dashboard, API definition, task settings) parses as JSON.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            for (var document : Documents.of(resource)) {
                if (document.parseError() != null) {
                    findings.add(Finding.of(this, resource, document.input() + " is not valid JSON: " + document.parseError()));
                }
            }
        }
        return findings;
    }
}
