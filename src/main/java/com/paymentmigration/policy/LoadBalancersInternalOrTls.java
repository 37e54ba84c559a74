package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;

/**
 * An application load balancer is internal, or it listens on 443 with TLS and nothing else: plain HTTP from the
 * internet would carry payment data in clear.
 */
final class LoadBalancersInternalOrTls extends PolicyRule {

    static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    static final String LISTENER = "aws:lb/listener:Listener";

    LoadBalancersInternalOrTls() {
        super("alb-internal-or-tls-only", "Every application load balancer is internal, or has only HTTPS listeners "
                + "on port 443.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var balancer : run.ofType(LOAD_BALANCER)) {
            var type = balancer.stringInput("loadBalancerType");
            // The provider's default type is application.
            if ((type != null && !type.equals("application")) || Boolean.TRUE.equals(balancer.inputs().get("internal"))) {
                continue;
            }
            for (var listener : run.ofType(LISTENER)) {
                if (!listener.dependsOn().contains(balancer.urn())) {
                    continue;
                }
                var port = listener.inputs().get("port");
                var protocol = listener.stringInput("protocol");
                if (!"HTTPS".equals(protocol) || !(port instanceof Number n && n.intValue() == 443)) {
                    findings.add(Finding.of(this, listener, "listens on " + protocol + " " + port + " of the "
                            + "internet-facing load balancer " + balancer.name() + "; make the load balancer internal "
                            + "or listen on HTTPS 443 only"));
                }
            }
        }
        return findings;
    }
}
