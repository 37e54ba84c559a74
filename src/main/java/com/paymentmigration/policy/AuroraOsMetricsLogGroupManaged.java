package com.paymentmigration.policy;

import com.paymentmigration.database.Database;
import com.paymentmigration.naming.Names;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enhanced Monitoring writes every instance's OS metrics (process names and their resource use) to RDSOSMetrics. Left
 * to RDS, that group is created on the first sample without our key and with RDS's retention; in the stack, the rule
 * on log groups holds it to the region's key and the configured retention. It must exist before the instances that
 * write to it. An instance may instead declare, by a tag, that another stack of the account manages the group.
 */
final class AuroraOsMetricsLogGroupManaged extends PolicyRule {

    static final String LOG_GROUP = LogGroupsEncryptedWithRetention.TYPE;
    static final String ELSEWHERE_TAG = Database.OS_METRICS_ELSEWHERE_TAG;

    AuroraOsMetricsLogGroupManaged() {
        super("aurora-os-metrics-log-group", "Every Aurora instance with Enhanced Monitoring depends on the stack's "
                + Names.RDS_OS_METRICS_LOG_GROUP + " log group of its region, or is tagged " + ELSEWHERE_TAG + "=true.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var groups = run.ofType(LOG_GROUP).stream()
                .filter(g -> Names.RDS_OS_METRICS_LOG_GROUP.equals(g.stringInput("name"))).toList();
        var findings = new ArrayList<Finding>();
        for (var instance : run.ofType(AuroraEnhancedMonitoring.INSTANCE)) {
            boolean monitored = instance.input("monitoringInterval").orElse(0) instanceof Number n && n.intValue() > 0;
            if (!monitored || "true".equals(instance.stringInput("tags." + ELSEWHERE_TAG))) {
                continue;
            }
            var group = inRegionOf(instance, groups);
            if (group.isEmpty()) {
                findings.add(Finding.of(this, instance, "writes Enhanced Monitoring to a " + Names.RDS_OS_METRICS_LOG_GROUP
                        + " group the stack does not hold in its region; RDS would create it without our key or retention"));
            } else if (!instance.dependsOn().contains(group.get().urn())) {
                findings.add(Finding.of(this, instance, "does not depend on the " + Names.RDS_OS_METRICS_LOG_GROUP
                        + " log group of its region; RDS may create the group first and the stack's create then fails"));
            }
        }
        return findings;
    }

    /** The group under the same provider (so in the same region) as the instance. */
    private static Optional<RecordedResource> inRegionOf(RecordedResource instance, List<RecordedResource> groups) {
        return groups.stream().filter(g -> g.providerName().equals(instance.providerName())).findFirst();
    }
}
