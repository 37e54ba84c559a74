package com.paymentmigration.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's web ACL: on the stage, its rules in order, its logs, and its metric and alarm. */
class WebFirewallStackTest {

    private static final String ACL = "aws:wafv2/webAcl:WebAcl";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void theStageIsAssociatedWithARegionalWebAcl() {
        var acl = run.one(ACL, "waf-acl");
        assertThat(acl.inputs()).containsEntry("scope", "REGIONAL").containsEntry("name", "migration-api-dev")
                .containsEntry("defaultAction", Map.of("allow", Map.of()));
        assertThat(acl.providerName()).contains("aws-primary");
        var association = run.one("aws:wafv2/webAclAssociation:WebAclAssociation", "waf-stage");
        assertThat(association.inputs())
                .containsEntry("resourceArn", "arn:aws:apigateway:eu-central-1::/restapis/migration-payments-dev/stages/v1")
                .containsEntry("webAclArn", "arn:aws:wafv2:eu-central-1:123456789012:webAcl/migration-api-dev");
        assertThat(association.dependsOn()).contains(run.one("aws:apigateway/stage:Stage", "api-stage").urn());
    }

    @Test
    void reputationFirstThenTheRateLimitThenTheContentGroupsEachBlockingWhatItMatches() {
        var rules = rules(run);
        assertThat(rules).extracting(r -> r.get("name")).containsExactly("AWSManagedRulesAmazonIpReputationList",
                "rate-limit-per-client", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesSQLiRuleSet");
        assertThat(rules).extracting(r -> r.get("priority")).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(rules).filteredOn(r -> !r.get("name").equals("rate-limit-per-client")).allSatisfy(r -> {
            assertThat(r).containsEntry("overrideAction", Map.of("none", Map.of())).doesNotContainKey("action");
            assertThat(r.get("statement")).isEqualTo(Map.of("managedRuleGroupStatement",
                    Map.of("vendorName", "AWS", "name", r.get("name"))));
        });
        assertThat(rules).allSatisfy(r -> assertThat(r.get("visibilityConfig")).isEqualTo(Map.of(
                "cloudwatchMetricsEnabled", true, "metricName", r.get("name"), "sampledRequestsEnabled", true)));
        var rate = rules.get(1);
        assertThat(rate).containsEntry("action", Map.of("block", Map.of()));
        assertThat(rate.get("statement")).isEqualTo(Map.of("rateBasedStatement",
                Map.of("limit", 2000L, "aggregateKeyType", "IP", "evaluationWindowSec", 300L)));
    }

    @Test
    void theRateLimitComesFromConfig() {
        var rate = rules(StackFixture.dev("wafRateLimit=150")).get(1);
        assertThat(rate.get("statement").toString()).contains("limit=150");
    }

    @Test
    void everyRequestIsLoggedWithoutTheBearerTokenToAnEncryptedGroupWafAccepts() throws Exception {
        var group = run.one("aws:cloudwatch/logGroup:LogGroup", "waf-logs");
        assertThat(group.stringInput("name")).startsWith("aws-waf-logs-").isEqualTo("aws-waf-logs-migration-api-dev");
        assertThat(group.inputs()).containsEntry("kmsKeyId", "arn:aws:kms:eu-central-1:123456789012:key/keys-primary")
                .containsEntry("retentionInDays", 30L);
        var logging = run.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "waf-logging");
        assertThat(logging.inputs())
                .containsEntry("resourceArn", "arn:aws:wafv2:eu-central-1:123456789012:webAcl/migration-api-dev")
                .containsEntry("logDestinationConfigs",
                        List.of("arn:aws:logs:eu-central-1:123456789012:log-group:aws-waf-logs-migration-api-dev"))
                .containsEntry("redactedFields", List.of(Map.of("singleHeader", Map.of("name", "authorization"))));
        var delivery = run.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "waf-log-delivery");
        assertThat(logging.dependsOn()).contains(delivery.urn());
        var policy = new ObjectMapper().readTree(delivery.stringInput("policyDocument"));
        assertThat(PolicyChecks.structure(policy)).isEmpty();
        assertThat(policy.at("/Statement/0/Principal/Service").asText()).isEqualTo("delivery.logs.amazonaws.com");
        assertThat(policy.at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:logs:eu-central-1:123456789012:log-group:aws-waf-logs-migration-api-dev:log-stream:*");
        assertThat(policy.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
        // The region's key lets CloudWatch Logs encrypt this group although it lives outside the stack's prefix.
        assertThat(run.one("aws:kms/key:Key", "keys-primary").stringInput("policy"))
                .contains("arn:aws:logs:eu-central-1:123456789012:log-group:aws-waf-logs-migration-api-dev");
    }

    @Test
    void blockedRequestsAreOnTheDashboardAndRaiseAnAlarm() {
        var alarm = run.one("aws:cloudwatch/metricAlarm:MetricAlarm", "monitoring-api-waf-blocked");
        assertThat(alarm.inputs()).containsEntry("namespace", "AWS/WAFV2").containsEntry("metricName", "BlockedRequests")
                .containsEntry("dimensions", Map.of("WebACL", "migration-api-dev", "Region", "eu-central-1", "Rule", "ALL"))
                .containsEntry("statistic", "Sum").containsEntry("period", 300L).containsEntry("threshold", 500L)
                .containsEntry("treatMissingData", "notBreaching");
        assertThat(StackFixture.dev("wafBlockedAlarmThreshold=50").one("aws:cloudwatch/metricAlarm:MetricAlarm",
                "monitoring-api-waf-blocked").inputs()).containsEntry("threshold", 50L);
        var body = run.one("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard").stringInput("dashboardBody");
        assertThat(body).contains("[\"AWS/WAFV2\",\"BlockedRequests\",\"WebACL\",\"migration-api-dev\",\"Region\","
                + "\"eu-central-1\",\"Rule\",\"ALL\"]", "\"AWS/WAFV2\",\"AllowedRequests\"");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(StackRun run) {
        RecordedResource acl = run.one(ACL, "waf-acl");
        return (List<Map<String, Object>>) acl.input("rules").orElseThrow();
    }
}
