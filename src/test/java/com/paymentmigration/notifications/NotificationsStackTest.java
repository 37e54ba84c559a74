package com.paymentmigration.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsStackTest {

    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev("alertEmails=[\"a@example.com\",\"b@example.com\"]");
    }

    @Test
    void fourTopicsEachEncryptedWithItsRegionsCustomerKey() {
        assertThat(run.ofType("aws:sns/topic:Topic")).extracting(r -> r.stringInput("name"))
                .containsExactlyInAnyOrder("migration-status-dev", "migration-alarms-dev", "migration-validation-results-dev",
                        "migration-alarms-secondary-dev");
        assertThat(run.ofType("aws:sns/topic:Topic")).filteredOn(t -> !t.name().equals("alarms-secondary"))
                .allSatisfy(t -> assertThat(t.stringInput("kmsMasterKeyId"))
                        .isEqualTo("arn:aws:kms:eu-central-1:123456789012:key/keys-primary"));
        var secondary = run.one("aws:sns/topic:Topic", "alarms-secondary");
        assertThat(secondary.stringInput("kmsMasterKeyId")).isEqualTo("arn:aws:kms:eu-central-2:123456789012:key/keys-secondary");
        assertThat(secondary.providerName()).contains("aws-secondary");
    }

    @Test
    void everyAddressIsSubscribedToEveryTopic() {
        var subscriptions = run.ofType("aws:sns/topicSubscription:TopicSubscription");
        assertThat(subscriptions).hasSize(8).allSatisfy(s -> assertThat(s.stringInput("protocol")).isEqualTo("email"));
        assertThat(subscriptions).filteredOn(s -> s.stringInput("topic").endsWith(":migration-alarms-dev"))
                .extracting(s -> s.stringInput("endpoint")).containsExactlyInAnyOrder("a@example.com", "b@example.com");
    }

    @Test
    void onlyOurAccountAndItsAlarmsAndRulesPublish() throws Exception {
        var policy = new ObjectMapper().readTree(run.one("aws:sns/topicPolicy:TopicPolicy", "alarms-policy").stringInput("policy"));
        assertThat(policy.at("/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(policy.at("/Statement/1/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
        assertThat(policy.at("/Statement/1/Resource").asText()).isEqualTo("arn:aws:sns:eu-central-1:123456789012:migration-alarms-dev");
        assertThat(policy.at("/Statement/2/Effect").asText()).isEqualTo("Deny");
    }
}
