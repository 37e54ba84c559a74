package com.paymentmigration.notifications;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;

/**
 * Encrypted topics the operations team subscribes to: migration status (every phase), alarms, and validation
 * results. E-mail subscriptions stay pending until the recipient confirms them.
 */
public final class Notifications extends MigrationComponent {

    public static final String TYPE = "migration:notifications:Notifications";

    /**
     * The topics by what they carry.
     *
     * @param secondaryAlarmTopicArn alarms notify a topic in their own region: the secondary cluster's lag alarm
     *                               lives in the secondary
     */
    public record Refs(Output<String> statusTopicArn, Output<String> alarmTopicArn, Output<String> validationTopicArn,
                       Output<String> secondaryAlarmTopicArn) {
    }

    public final Refs refs;

    public Notifications(String name, StackContext stack, EncryptionKeys keys) {
        super(TYPE, name, stack);
        this.refs = new Refs(topic("status", "Payment migration status", keys, Region.PRIMARY),
                topic("alarms", "Payment migration alarms", keys, Region.PRIMARY),
                topic("validation-results", "Payment migration validation results", keys, Region.PRIMARY),
                topic("alarms-secondary", "Payment migration alarms (secondary region)", keys, Region.SECONDARY));
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("statusTopicArn", refs.statusTopicArn());
        outputs.put("alarmTopicArn", refs.alarmTopicArn());
        outputs.put("validationTopicArn", refs.validationTopicArn());
        outputs.put("secondaryAlarmTopicArn", refs.secondaryAlarmTopicArn());
        registerOutputs(outputs);
    }

    private Output<String> topic(String purpose, String displayName, EncryptionKeys keys, Region region) {
        var options = in(region, o -> o);
        var topic = new Topic(purpose, TopicArgs.builder()
                .name(stack.names().of(NameRule.SNS_TOPIC, purpose))
                .displayName(displayName)
                // A customer key, not alias/aws/sns: alarms and EventBridge cannot use the AWS-managed key.
                .kmsMasterKeyId(keys.keyArn(region))
                .build(), options);
        new TopicPolicy(purpose + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(Output.tuple(topic.arn(), stack.accountId()).applyValue(t -> TopicPolicies.document(t.t1, t.t2)))
                .build(), options);
        var emails = stack.config().alertEmails();
        for (int i = 0; i < emails.size(); i++) {
            new TopicSubscription(purpose + "-email-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(emails.get(i))
                    .build(), options);
        }
        return topic.arn();
    }
}
