package com.paymentmigration.api;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API's web application firewall (PCI DSS 6.4.2): a regional web ACL on the stage that drops requests from
 * addresses AWS knows to be bad, rate-limits each client, then runs AWS's rules against known bad inputs, common
 * exploits and SQL injection. Every request it sees is logged, the bearer token redacted, to an encrypted log group
 * kept as long as the stack's other logs.
 */
public final class WebFirewall extends MigrationComponent {

    public static final String TYPE = "migration:api:WebFirewall";
    /** Requests are counted per client address over this window (seconds); AWS WAF's default. */
    public static final int RATE_WINDOW_SECONDS = 300;
    static final String RATE_RULE = "rate-limit-per-client";
    /**
     * The AWS managed rule groups in evaluation order: the address list first (cheapest, and drops known-bad
     * sources before they count against anything), then request content. The rate rule runs between the two.
     */
    public static final List<String> MANAGED_GROUPS = List.of("AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet");
    /** Bearer tokens must not reach the logs (PCI DSS 3.3: no authentication data after authorization). */
    static final String REDACTED_HEADER = "authorization";

    public final Output<String> webAclArn;

    public WebFirewall(String name, StackContext stack, EncryptionKeys keys, Output<String> stageArn) {
        super(TYPE, name, stack);
        var names = stack.names();
        var acl = new WebAcl(name + "-acl", WebAclArgs.builder()
                .name(names.webAcl())
                .description("Payments API: AWS managed protections and a per-client rate limit")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules(stack.config().api().waf().rateLimit()))
                .visibilityConfig(WebAclVisibilityConfigArgs.builder().metricName(names.webAcl())
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).build())
                .build(), primary());
        this.webAclArn = acl.arn();
        new WebAclAssociation(name + "-stage", WebAclAssociationArgs.builder()
                .resourceArn(stageArn)
                .webAclArn(acl.arn())
                .build(), primary());

        var logs = Wiring.logGroupNamed(name + "-logs", stack, names.wafLogGroup(), keys.primaryKeyArn, primary());
        var region = stack.config().regions().primary();
        // Log delivery writes through this policy; without one WAF tries to add its own, which needs the deployer to
        // hold logs:PutResourcePolicy and uses up one of the ten resource policies a region allows.
        var delivery = new LogResourcePolicy(name + "-log-delivery", LogResourcePolicyArgs.builder()
                .policyName(names.of(NameRule.GENERIC, "waf-log-delivery"))
                .policyDocument(stack.accountId().applyValue(account -> logDeliveryPolicy(account, region, names.wafLogGroup())))
                .build(), primary());
        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                .redactedFields(WebAclLoggingConfigurationRedactedFieldArgs.builder()
                        .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder()
                                .name(REDACTED_HEADER).build())
                        .build())
                .build(), primary(o -> o.dependsOn(delivery)));
        registerOutputs(Map.of("webAclArn", webAclArn));
    }

    /**
     * The resource policy CloudWatch Logs needs for vended log delivery into the group: the delivery service, on
     * this account's behalf only ("Logs sent to CloudWatch Logs", log group resource policy).
     */
    static String logDeliveryPolicy(String accountId, String region, String logGroup) {
        return PolicyDocument.of(Statement.allow("WafLogDelivery").service("delivery.logs.amazonaws.com")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources("arn:aws:logs:" + region + ":" + accountId + ":log-group:" + logGroup + ":log-stream:*")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", "arn:aws:logs:" + region + ":" + accountId + ":*")).toJson();
    }

    static List<WebAclRuleArgs> rules(int rateLimit) {
        var rules = new ArrayList<WebAclRuleArgs>();
        rules.add(managed(MANAGED_GROUPS.get(0), 0));
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_RULE)
                .priority(1)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(
                        WebAclRuleStatementRateBasedStatementArgs.builder().limit(rateLimit).aggregateKeyType("IP")
                                .evaluationWindowSec(RATE_WINDOW_SECONDS).build()).build())
                .visibilityConfig(visibility(RATE_RULE))
                .build());
        for (int i = 1; i < MANAGED_GROUPS.size(); i++) {
            rules.add(managed(MANAGED_GROUPS.get(i), i + 1));
        }
        return rules;
    }

    /** A managed group with its own actions (override none): its rules block what they match. */
    private static WebAclRuleArgs managed(String group, int priority) {
        return WebAclRuleArgs.builder()
                .name(group)
                .priority(priority)
                .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build())
                        .build())
                .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(
                        WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group).build())
                        .build())
                .visibilityConfig(visibility(group))
                .build();
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder().metricName(metric).cloudwatchMetricsEnabled(true)
                .sampledRequestsEnabled(true).build();
    }
}
