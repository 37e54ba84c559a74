package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nothing admits the whole internet, except a rule named here with its reason, and then only on TCP 443.
 * Covers inline security group ingress and both standalone rule resources.
 */
final class NoOpenIngress extends PolicyRule {

    static final Map<String, String> ALLOWED_NONE = Map.of();
    private static final List<String> OPEN = List.of("0.0.0.0/0", "::/0");

    /** Logical resource name to the reason it may take traffic from anywhere on 443. */
    private final Map<String, String> allowed;

    NoOpenIngress(Map<String, String> allowed) {
        super("no-open-ingress",
                "No security group admits 0.0.0.0/0 or ::/0, except explicitly allowed HTTPS (443) rules.");
        this.allowed = Map.copyOf(allowed);
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            switch (resource.type()) {
                case "aws:ec2/securityGroup:SecurityGroup" -> {
                    if (resource.input("ingress").orElse(List.of()) instanceof List<?> rules) {
                        for (var rule : rules) {
                            if (rule instanceof Map<?, ?> map) {
                                check(resource, map.get("cidrBlocks"), map.get("ipv6CidrBlocks"), map.get("fromPort"),
                                        map.get("toPort"), map.get("protocol"), findings);
                            }
                        }
                    }
                }
                case "aws:ec2/securityGroupRule:SecurityGroupRule" -> {
                    if ("ingress".equals(resource.stringInput("type"))) {
                        check(resource, resource.inputs().get("cidrBlocks"), resource.inputs().get("ipv6CidrBlocks"),
                                resource.inputs().get("fromPort"), resource.inputs().get("toPort"),
                                resource.inputs().get("protocol"), findings);
                    }
                }
                case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" -> check(resource,
                        resource.inputs().get("cidrIpv4"), resource.inputs().get("cidrIpv6"),
                        resource.inputs().get("fromPort"), resource.inputs().get("toPort"),
                        resource.inputs().get("ipProtocol"), findings);
                default -> {
                }
            }
        }
        return findings;
    }

    private void check(RecordedResource resource, Object ipv4, Object ipv6, Object from, Object to, Object protocol,
                       List<Finding> findings) {
        boolean open = OPEN.stream().anyMatch(cidr -> contains(ipv4, cidr) || contains(ipv6, cidr));
        if (!open) {
            return;
        }
        boolean https = number(from) == 443 && number(to) == 443 && "tcp".equals(Objects.toString(protocol, ""));
        if (allowed.containsKey(resource.name()) && https) {
            return;
        }
        findings.add(Finding.of(this, resource, allowed.containsKey(resource.name())
                ? "is allowed open ingress on TCP 443 only, but admits ports " + from + "-" + to + "/" + protocol
                : "admits the whole internet (ports " + from + "-" + to + "/" + protocol + "); restrict the source"));
    }

    private static boolean contains(Object value, String cidr) {
        return value instanceof List<?> list ? list.contains(cidr) : cidr.equals(value);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
