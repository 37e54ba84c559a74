package com.paymentmigration.stack;

import com.paymentmigration.StackOutputs;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.core.RegionalProviders;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.policy.PolicyEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MainStackTest {

    private static StackRun forward;

    @BeforeAll
    static void runDevStack() {
        forward = StackFixture.dev();
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "rollback"})
    void bothModesRunCleanUnderThePolicyRules(String mode) {
        var run = StackFixture.dev("mode=" + mode);
        assertThat(run.errors()).isEmpty();
        assertThat(run.exceptions()).isEmpty();
        assertThat(run.outputs()).containsEntry(StackOutputs.MODE, mode);
        assertThat(PolicyEngine.standard().evaluate(run, StackFixture.context("mode=" + mode))).isEmpty();
    }

    @Test
    void theStackWithoutTheServiceAndWithPlainHttpForDevRunsCleanToo() {
        var without = StackFixture.withoutService();
        assertThat(without.errors()).isEmpty();
        assertThat(PolicyEngine.standard().evaluate(without, StackFixture.context(StackFixture.WITHOUT_SERVICE))).isEmpty();
        assertThat(without.outputs()).doesNotContainKeys(StackOutputs.SERVICE_NAME, StackOutputs.DNS_ZONE_ID).containsKey(StackOutputs.RUNBOOK);
        var http = StackFixture.dev("serviceHttpListener=true");
        assertThat(PolicyEngine.standard().evaluate(http, StackFixture.context("serviceHttpListener=true")))
                .as("an internal load balancer may listen on HTTP").isEmpty();
    }

    @Test
    void oneTaggedProviderPerRegion() throws Exception {
        var primary = forward.one(RegionalProviders.TYPE, "aws-primary");
        var secondary = forward.one(RegionalProviders.TYPE, "aws-secondary");
        assertThat(primary.inputs()).containsEntry("region", "eu-central-1");
        assertThat(secondary.inputs()).containsEntry("region", "eu-central-2");
        for (var provider : forward.ofType(RegionalProviders.TYPE)) {
            var tags = new ObjectMapper().readTree(provider.stringInput("defaultTags")).path("tags");
            assertThat(tags.path("Environment").asText()).isEqualTo("dev");
            assertThat(tags.path("EnvironmentSuffix").asText()).isEqualTo("dev");
            assertThat(tags.path("CostCenter").asText()).isEqualTo("payments-platform-1042");
            assertThat(tags.path("MigrationPhase").asText()).isEqualTo("migration");
            assertThat(tags.path("DataClassification").asText()).isEqualTo("pci");
        }
    }

    @Test
    void exportsTheThreeRequiredOutputs() {
        assertThat(forward.outputs()).containsKeys(StackOutputs.MIGRATION_STATE_MACHINE_ARN, StackOutputs.API_ENDPOINT,
                StackOutputs.DASHBOARD_URL, StackOutputs.RUNBOOK, StackOutputs.SERVICE_LOAD_BALANCER_DNS_NAME, StackOutputs.DNS_RECORD_NAME);
    }

    @Test
    void badConfigFailsBeforeAnyResourceIsRegistered() {
        var run = StackFixture.dev("mode=sideways", "productionVpcCidr=10.20.0.0/16");
        assertThat(run.succeeded()).isFalse();
        assertThat(run.exceptions()).anySatisfy(e -> assertThat(e).hasRootCauseInstanceOf(InvalidConfigException.class)
                .rootCause().hasMessageContaining("migration:mode").hasMessageContaining("migration:migrationVpcCidr"));
        assertThat(run.resources()).allSatisfy(r -> assertThat(r.type()).isEqualTo("pulumi:pulumi:Stack"));
    }

    @Test
    void theSecondStackSuffixChangesEveryName() {
        var pr = StackFixture.dev("environmentSuffix=pr42");
        assertThat(pr.succeeded()).isTrue();
        assertThat(PolicyEngine.standard().evaluate(pr, StackFixture.context("environmentSuffix=pr42"))).isEmpty();
    }
}
