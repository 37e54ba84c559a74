package com.paymentmigration.naming;

import com.paymentmigration.config.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {

    /** The longest suffix config accepts. */
    private static final String LONG_SUFFIX = "abcdefghij-klmno";
    private static final List<String> PURPOSES = List.of("checkpoints", "rollback-states", "transaction-logs",
            "transaction-logs-replica", "validator", "authorizer", "secret-rotation", "migration-orchestrator",
            "rollback-orchestrator", "dms-vpc-role", "forward-full-load-and-cdc", "reverse-cdc", "source-onprem",
            "target-aurora", "payment-service", "payment-service-internal", "global", "primary", "secondary");

    @Test
    void shortNamesReadPlainly() {
        var names = new Names("dev");
        assertThat(names.of(NameRule.S3_BUCKET, "checkpoints")).isEqualTo("migration-checkpoints-dev");
        assertThat(names.of(NameRule.KMS_ALIAS, "primary")).isEqualTo("alias/migration-primary-dev");
        assertThat(names.parameter("traffic", "new-backend-percent")).isEqualTo("/migration/dev/traffic/new-backend-percent");
        assertThat(names.logGroup("vpc-flow-logs")).isEqualTo("/migration/dev/vpc-flow-logs");
    }

    @Test
    void theLongestSuffixIsAcceptedByConfig() {
        assertThat(LONG_SUFFIX).hasSize(ConfigKey.MAX_SUFFIX_LENGTH);
    }

    @ParameterizedTest
    @EnumSource(NameRule.class)
    void everyPurposeFitsEveryRuleWithTheLongestSuffix(NameRule rule) {
        var names = new Names(LONG_SUFFIX);
        var seen = new HashSet<String>();
        for (var purpose : PURPOSES) {
            var name = names.of(rule, purpose);
            assertThat(name).as("%s for %s", rule, purpose).hasSizeLessThanOrEqualTo(rule.maxLength).endsWith(LONG_SUFFIX);
            assertThat(rule.accepts(name)).as("%s accepts %s", rule, name).isTrue();
            assertThat(seen.add(name)).as("%s is unique", name).isTrue();
        }
    }

    @Test
    void shortenedNamesAreStableAndKeepTheSuffixWhole() {
        var a = new Names(LONG_SUFFIX).of(NameRule.LOAD_BALANCER, "payment-service-internal");
        var b = new Names(LONG_SUFFIX).of(NameRule.LOAD_BALANCER, "payment-service-internal");
        assertThat(a).isEqualTo(b).hasSize(32).endsWith("-" + LONG_SUFFIX);
        assertThat(new Names(LONG_SUFFIX).of(NameRule.TARGET_GROUP, "payment-service"))
                .isNotEqualTo(new Names(LONG_SUFFIX).of(NameRule.TARGET_GROUP, "payment-service-internal"));
    }

    @Test
    void rejectsPurposesThatWouldMakeInvalidNames() {
        var names = new Names("dev");
        assertThatThrownBy(() -> names.of(NameRule.S3_BUCKET, "Checkpoints")).hasMessageContaining("lowercase words");
        assertThatThrownBy(() -> names.of(NameRule.S3_BUCKET, "check--points")).hasMessageContaining("single hyphens");
        assertThatThrownBy(() -> names.parameter("Traffic")).hasMessageContaining("lowercase words");
    }
}
