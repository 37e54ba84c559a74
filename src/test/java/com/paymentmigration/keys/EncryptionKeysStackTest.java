package com.paymentmigration.keys;

import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionKeysStackTest {

    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void oneRotatedKeyPerRegionOnThatRegionsProvider() {
        var primary = run.one("aws:kms/key:Key", "keys-primary");
        var secondary = run.one("aws:kms/key:Key", "keys-secondary");
        assertThat(primary.providerName()).contains("aws-primary");
        assertThat(secondary.providerName()).contains("aws-secondary");
        for (var key : run.ofType("aws:kms/key:Key")) {
            assertThat(key.inputs()).containsEntry("enableKeyRotation", true).containsEntry("deletionWindowInDays", 7L);
        }
        assertThat(primary.stringInput("policy")).contains("logs.eu-central-1.amazonaws.com");
        assertThat(secondary.stringInput("policy")).contains("logs.eu-central-2.amazonaws.com");
    }

    @Test
    void aliasesCarryTheSuffix() {
        assertThat(run.one("aws:kms/alias:Alias", "keys-primary-alias").inputs())
                .containsEntry("name", "alias/migration-primary-dev").containsEntry("targetKeyId", "keys-primary");
        assertThat(run.one("aws:kms/alias:Alias", "keys-secondary-alias").providerName()).contains("aws-secondary");
    }
}
