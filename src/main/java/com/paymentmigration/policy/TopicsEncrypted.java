package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** Topics carry payment-migration status; with the AWS-managed key, alarms could not publish to them at all. */
final class TopicsEncrypted extends PolicyRule {

    TopicsEncrypted() {
        super("topics-encrypted",
                "Every SNS topic is encrypted with a customer-managed key (not alias/aws/sns).");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var topic : run.ofType("aws:sns/topic:Topic")) {
            var key = topic.stringInput("kmsMasterKeyId");
            if (key == null || key.isEmpty()) {
                findings.add(Finding.of(this, topic, "is not encrypted; set kmsMasterKeyId to the region's key"));
            } else if (key.equals("alias/aws/sns")) {
                findings.add(Finding.of(this, topic, "uses the AWS-managed key, which CloudWatch alarms and EventBridge "
                        + "cannot use; pass the customer-managed key"));
            }
        }
        return findings;
    }
}
