package com.paymentmigration.parameters;

import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.paymentmigration.stack.ComponentFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The parameter hierarchy built alone: the catalog's parameters, and one another component publishes. */
class ParametersComponentTest {

    private static final String PARAMETER = "aws:ssm/parameter:Parameter";

    @Test
    void createsTheCatalogAndWhatIsPublishedUnderTheRootRuntimeValuesLeftToTheStateMachines() {
        var run = ComponentFixture.run(stack -> new Parameters("parameters", stack, new EncryptionKeys("keys", stack))
                .publish(ParameterKey.API_STAGE_NAME, given("given-stage"), ParameterSpec.Kind.CONFIGURED, "stage"));
        var catalog = ParameterCatalog.of(ConfigReader.read(ConfigSource.of(StackFiles.config(Path.of("."), "dev",
                List.of()))));

        assertThat(run.ofType(PARAMETER)).hasSize(catalog.size() + 1);
        for (var spec : catalog) {
            var parameter = run.one(PARAMETER, String.join("-", spec.path()));
            assertThat(parameter.stringInput("name")).isEqualTo("/migration/dev/" + spec.key());
            assertThat(parameter.options().ignoreChanges()).as(spec.key())
                    .isEqualTo(spec.kind() == ParameterSpec.Kind.RUNTIME ? List.of(Parameters.RUNTIME_VALUE) : List.of());
        }
        assertThat(run.one(PARAMETER, "api-stage-name").stringInput("insecureValue")).isEqualTo("given-stage");
    }
}
