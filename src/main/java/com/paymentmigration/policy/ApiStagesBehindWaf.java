package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PCI DSS 6.4.2: the public API sits behind a web application firewall. Every API stage is associated with a
 * regional web ACL, and every web ACL runs the AWS managed groups against common exploits, known bad inputs, SQL
 * injection and known-bad addresses, plus a per-client rate limit.
 */
final class ApiStagesBehindWaf extends PolicyRule {

    static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    static final String ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
    static final List<String> REQUIRED_GROUPS = List.of("AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList");

    ApiStagesBehindWaf() {
        super("api-stages-behind-waf", "Every API stage is associated with a web ACL; every web ACL runs the AWS "
                + "common, known-bad-inputs, SQL injection and IP reputation groups and a rate-based rule.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var associations = run.ofType(ASSOCIATION);
        for (var stage : run.ofType(ApiProtected.STAGE)) {
            // A stage's ARN is arn:aws:apigateway:<region>::/restapis/<api id>/stages/<stage name>.
            var suffix = "/restapis/" + stage.stringInput("restApi") + "/stages/" + stage.stringInput("stageName");
            boolean protectedStage = associations.stream().anyMatch(a -> a.stringInput("webAclArn") != null
                    && Objects.requireNonNullElse(a.stringInput("resourceArn"), "").endsWith(suffix));
            if (!protectedStage) {
                findings.add(Finding.of(this, stage, "has no web ACL association; associate the API's regional web ACL"));
            }
        }
        for (var acl : run.ofType(WEB_ACL)) {
            var rules = acl.input("rules").filter(List.class::isInstance).map(r -> (List<?>) r).orElse(List.of());
            var groups = rules.stream().map(r -> statement(r, "managedRuleGroupStatement"))
                    .filter(s -> s != null && "AWS".equals(s.get("vendorName"))).map(s -> s.get("name")).toList();
            REQUIRED_GROUPS.stream().filter(g -> !groups.contains(g)).forEach(g ->
                    findings.add(Finding.of(this, acl, "does not run the AWS managed rule group " + g)));
            if (rules.stream().noneMatch(r -> statement(r, "rateBasedStatement") != null)) {
                findings.add(Finding.of(this, acl, "has no rate-based rule; add one with the configured limit"));
            }
        }
        return findings;
    }

    private static Map<?, ?> statement(Object rule, String kind) {
        return rule instanceof Map<?, ?> r && r.get("statement") instanceof Map<?, ?> s && s.get(kind) instanceof Map<?, ?> m
                ? m : null;
    }
}
