package com.paymentmigration.policy;

import com.paymentmigration.config.ServiceLimits;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** Logs may carry payment metadata: each group is encrypted with our key and expires on a known schedule. */
final class LogGroupsEncryptedWithRetention extends PolicyRule {

    static final String TYPE = "aws:cloudwatch/logGroup:LogGroup";

    LogGroupsEncryptedWithRetention() {
        super("log-groups-encrypted-with-retention",
                "Every log group has a customer-managed KMS key and a retention CloudWatch Logs accepts.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var group : run.ofType(TYPE)) {
            if (group.stringInput("kmsKeyId") == null || group.stringInput("kmsKeyId").isEmpty()) {
                findings.add(Finding.of(this, group, "has no kmsKeyId; pass the region's customer-managed key"));
            }
            var retention = group.input("retentionInDays").orElse(null);
            if (!(retention instanceof Number days) || !ServiceLimits.LOG_RETENTION_DAYS.contains(days.intValue())) {
                findings.add(Finding.of(this, group, "retentionInDays is " + retention + "; set one of "
                        + ServiceLimits.LOG_RETENTION_DAYS.stream().sorted().toList()));
            }
        }
        return findings;
    }
}
