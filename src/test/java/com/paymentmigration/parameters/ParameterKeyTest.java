package com.paymentmigration.parameters;

import com.paymentmigration.naming.Names;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterKeyTest {

    private final Names names = new Names("dev");

    @Test
    void everyKeyIsAValidPathWithItsOwnName() {
        for (var key : ParameterKey.values()) {
            assertThat(key.name(names)).as(key.name()).isEqualTo("/migration/dev/" + key.key())
                    .isEqualTo(key.nameUnder(names.parameter()));
        }
        assertThat(Arrays.stream(ParameterKey.values()).map(ParameterKey::key).distinct()).hasSize(ParameterKey.values().length);
    }

    @Test
    void theArnIsTheFullNameAfterTheParameterResourceType() {
        assertThat(ParameterKey.arn("eu-central-1", "123456789012", ParameterKey.PHASE.name(names)))
                .isEqualTo("arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/phase");
        assertThatThrownBy(() -> ParameterKey.arn("eu-central-1", "123456789012", "migration/dev/phase"))
                .hasMessageContaining("must be a full path starting with /");
    }
}
