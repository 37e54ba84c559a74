package com.paymentmigration.keys;

import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys built alone: one rotated customer key per region, each under its region's provider. */
class EncryptionKeysComponentTest {

    @Test
    void oneRotatedKeyPerRegion() {
        var run = ComponentFixture.run(stack -> new EncryptionKeys("keys", stack));

        assertThat(run.ofType("aws:kms/key:Key")).hasSize(2).allSatisfy(key ->
                assertThat(key.input("enableKeyRotation")).contains(true));
        assertThat(run.one("aws:kms/key:Key", "keys-primary").providerName()).hasValueSatisfying(p -> assertThat(p).contains("primary"));
        assertThat(run.one("aws:kms/key:Key", "keys-secondary").providerName()).hasValueSatisfying(p -> assertThat(p).contains("secondary"));
    }
}
