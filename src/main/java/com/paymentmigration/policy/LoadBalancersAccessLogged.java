package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/** Every application load balancer records each request it serves to S3 (PCI DSS 10.2: who called what, when). */
final class LoadBalancersAccessLogged extends PolicyRule {

    LoadBalancersAccessLogged() {
        super("alb-access-logged", "Every application load balancer writes access logs to an S3 bucket.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var balancer : run.ofType(LoadBalancersInternalOrTls.LOAD_BALANCER)) {
            var type = balancer.stringInput("loadBalancerType");
            // The provider's default type is application.
            if (type != null && !type.equals("application")) {
                continue;
            }
            if (!Boolean.TRUE.equals(balancer.input("accessLogs.enabled").orElse(null))
                    || balancer.stringInput("accessLogs.bucket") == null) {
                findings.add(Finding.of(this, balancer, "has no access logs; set accessLogs (enabled, bucket) to the "
                        + "load balancer log bucket"));
            }
        }
        return findings;
    }
}
