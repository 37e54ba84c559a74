package com.paymentmigration.config;

import java.util.Set;

/** Values AWS services accept, shared by the config rules and the policy rules that check the plan. */
public final class ServiceLimits {

    /** CloudWatch Logs accepts only these retention values. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Seconds between Enhanced Monitoring samples that RDS accepts (0, which turns it off, is not offered). */
    public static final Set<Integer> ENHANCED_MONITORING_INTERVALS = Set.of(1, 5, 10, 15, 30, 60);

    private ServiceLimits() {
    }
}
