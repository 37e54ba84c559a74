package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Every Aurora cluster, the secondary of a global database too, keeps a week of automated backups: after a
 * regional failover the secondary is the database, and its backups are the only ones left.
 */
final class AuroraBackupsRetained extends PolicyRule {

    static final int MINIMUM_DAYS = 7;

    AuroraBackupsRetained() {
        super("aurora-backups-retained", "Every Aurora cluster keeps automated backups for " + MINIMUM_DAYS
                + " days or more.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var cluster : run.ofType(AuroraSurvivesZoneLoss.CLUSTER)) {
            var days = cluster.input("backupRetentionPeriod").orElse(null);
            if (!(days instanceof Number n) || n.intValue() < MINIMUM_DAYS) {
                findings.add(Finding.of(this, cluster, "backupRetentionPeriod is " + (days == null ? "unset (AWS "
                        + "default 1)" : days) + "; keep at least " + MINIMUM_DAYS + " days"));
            }
        }
        return findings;
    }
}
