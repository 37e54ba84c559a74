package com.paymentmigration.policy;

import com.paymentmigration.config.ServiceLimits;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** Every Aurora instance publishes Enhanced Monitoring (OS metrics per process) through a monitoring role. */
final class AuroraEnhancedMonitoring extends PolicyRule {

    static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

    AuroraEnhancedMonitoring() {
        super("aurora-enhanced-monitoring", "Every Aurora instance has Enhanced Monitoring on (monitoringInterval "
                + "1-60 s) with a monitoringRoleArn.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var instance : run.ofType(INSTANCE)) {
            var interval = instance.input("monitoringInterval").orElse(null);
            if (!(interval instanceof Number n) || !ServiceLimits.ENHANCED_MONITORING_INTERVALS.contains(n.intValue())) {
                findings.add(Finding.of(this, instance, "monitoringInterval is " + interval + "; set one of "
                        + ServiceLimits.ENHANCED_MONITORING_INTERVALS.stream().sorted().toList()));
            }
            if (instance.stringInput("monitoringRoleArn") == null) {
                findings.add(Finding.of(this, instance, "has no monitoringRoleArn; RDS needs a role to publish the metrics"));
            }
        }
        return findings;
    }
}
