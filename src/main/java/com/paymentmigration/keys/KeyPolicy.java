package com.paymentmigration.keys;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;

import java.util.List;

/**
 * The policy of each region's customer-managed key. The account keeps administration (so IAM policies can grant
 * use of the key to our roles); the services that encrypt on their own behalf are named one by one.
 */
public final class KeyPolicy {

    private KeyPolicy() {
    }

    /**
     * @param logGroups names of the log groups whose data the key may encrypt, {@code *} as wildcard, e.g.
     *                  {@code /migration/dev/*}
     */
    public static String document(String accountId, String region, List<String> logGroups) {
        return PolicyDocument.of(
                Statement.allow("AccountAdministersKey").aws("arn:aws:iam::" + accountId + ":root")
                        .actions("kms:*").resources("*"),
                // CloudWatch Logs encrypts with the key itself; the context pins it to this stack's groups.
                Statement.allow("CloudWatchLogsEncryptsOurLogGroups").service("logs." + region + ".amazonaws.com")
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey")
                        .resources("*")
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", logGroups.stream()
                                .map(group -> "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + group)
                                .toArray(String[]::new)),
                // Alarm and EventBridge notifications to an encrypted topic are dropped silently without this.
                // No aws:SourceArn condition: EventBridge does not send one to KMS, and delivery would fail.
                Statement.allow("AlarmsAndEventsPublishToEncryptedTopics")
                        .service("cloudwatch.amazonaws.com", "events.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*").resources("*"),
                Statement.allow("S3ServerAccessLogDelivery").service("logging.s3.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*").resources("*")
                        .condition("StringEquals", "aws:SourceAccount", accountId))
                .toJson();
    }
}
