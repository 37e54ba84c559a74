package com.paymentmigration.notifications;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The topics built alone with the keys: each encrypted with the customer key of its own region. */
class NotificationsComponentTest {

    @Test
    void eachTopicIsEncryptedWithTheKeyOfItsRegion() {
        var run = ComponentFixture.run(stack -> new Notifications("notifications", stack, new EncryptionKeys("keys", stack)));
        var keys = run.ofType("aws:kms/key:Key");

        assertThat(run.ofType("aws:sns/topic:Topic")).extracting(t -> t.name())
                .containsExactlyInAnyOrder("status", "alarms", "validation-results", "alarms-secondary");
        assertThat(run.one("aws:sns/topic:Topic", "alarms").stringInput("kmsMasterKeyId")).contains("eu-central-1");
        assertThat(run.one("aws:sns/topic:Topic", "alarms-secondary").stringInput("kmsMasterKeyId")).contains("eu-central-2");
        assertThat(keys).hasSize(2);
    }
}
