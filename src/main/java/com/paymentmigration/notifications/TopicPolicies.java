package com.paymentmigration.notifications;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;

/**
 * Who may publish to a topic: roles of this account that IAM allows (the state machines, the validator), and
 * CloudWatch alarms and EventBridge rules of this account. Nobody else, and never over plain HTTP.
 */
public final class TopicPolicies {

    private TopicPolicies() {
    }

    public static String document(String topicArn, String accountId) {
        return PolicyDocument.of(
                Statement.allow("OwnAccountPublishes").aws("arn:aws:iam::" + accountId + ":root")
                        .actions("sns:Publish", "sns:GetTopicAttributes").resources(topicArn),
                Statement.allow("OwnAlarmsAndRulesPublish").service("cloudwatch.amazonaws.com", "events.amazonaws.com")
                        .actions("sns:Publish").resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId),
                Statement.deny("DenyInsecureTransport").anyone().actions("sns:Publish").resources(topicArn)
                        .condition("Bool", "aws:SecureTransport", "false"))
                .toJson();
    }
}
