package com.paymentmigration.parameters;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParametersStackTest {

    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    private static RecordedResource parameter(String name) {
        return run.ofType("aws:ssm/parameter:Parameter").stream().filter(p -> name.equals(p.stringInput("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no parameter " + name));
    }

    @Test
    void runtimeValuesAreCreatedOnceAndNeverReset() {
        for (var name : new String[]{"/migration/dev/phase", "/migration/dev/traffic/new-backend-percent",
                "/migration/dev/database/active-writer", "/migration/dev/database/write-freeze"}) {
            assertThat(parameter(name).options().ignoreChanges()).as(name).containsExactly(Parameters.RUNTIME_VALUE);
        }
        assertThat(parameter("/migration/dev/database/active-writer").inputs()).containsEntry("insecureValue", "onprem");
    }

    @Test
    void configuredValuesFollowEveryUp() {
        var mode = parameter("/migration/dev/mode");
        assertThat(mode.options().ignoreChanges()).isEmpty();
        assertThat(mode.inputs()).containsEntry("insecureValue", "forward").containsEntry("type", "String");
        var rollback = StackFixture.dev("mode=rollback").ofType("aws:ssm/parameter:Parameter").stream()
                .filter(p -> "/migration/dev/mode".equals(p.stringInput("name"))).findFirst().orElseThrow();
        assertThat(rollback.inputs()).containsEntry("insecureValue", "rollback");
    }

    @Test
    void sensitiveValuesAreSecretSecureStringsUnderTheCustomerKey() {
        var source = parameter("/migration/dev/replication/source-endpoint");
        assertThat(source.inputs()).containsEntry("type", "SecureString").containsEntry("value", RecordedResource.SECRET)
                .containsEntry("keyId", "arn:aws:kms:eu-central-1:123456789012:key/keys-primary");
    }

    @Test
    void everyCatalogEntryIsCreatedAndComponentsAddTheirs() {
        var config = com.paymentmigration.config.ConfigReader.read(com.paymentmigration.config.ConfigSource.of(
                com.paymentmigration.plan.StackFiles.config(java.nio.file.Path.of("."), "dev", java.util.List.of())));
        var names = run.ofType("aws:ssm/parameter:Parameter").stream().map(p -> p.stringInput("name")).toList();
        assertThat(names).doesNotHaveDuplicates()
                .containsAll(ParameterCatalog.of(config).stream().map(s -> "/migration/dev/" + s.key()).toList())
                .contains("/migration/dev/database/writer-endpoint");
    }
}
