package com.paymentmigration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pulumi.yaml's config schema and ConfigKey describe the same keys, types and defaults. */
class PulumiYamlSchemaTest {

    private static final Path PROJECT = Path.of(".");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void declaresExactlyTheKeysTheProgramReads() {
        assertThat(StackFiles.schema(PROJECT).keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ConfigKey.values()).map(k -> k.key).toList());
    }

    @Test
    void typesDefaultsAndDescriptionsMatch() throws Exception {
        var schema = StackFiles.schema(PROJECT);
        for (var key : ConfigKey.values()) {
            JsonNode declared = schema.get(key.key);
            assertThat(declared.path("type").asText()).as(key.key + " type").isEqualTo(key.type.pulumiName);
            assertThat(declared.path("description").asText()).as(key.key + " description").isEqualTo(key.description);
            if (key.required()) {
                assertThat(declared.has("default")).as(key.key + " is required, so it has no default").isFalse();
            } else if (declared.path("default").isContainerNode()) {
                assertThat(declared.get("default")).as(key.key + " default").isEqualTo(JSON.readTree(key.defaultValue));
            } else {
                assertThat(declared.path("default").asText()).as(key.key + " default").isEqualTo(key.defaultValue);
            }
            if (key.type.pulumiName.equals("array")) {
                assertThat(declared.path("items").path("type").asText()).as(key.key + " items")
                        .isEqualTo(key.type == ConfigKey.Type.INTEGER_ARRAY ? "integer" : "string");
            }
        }
    }

    @Test
    void projectIsNamedMigrationAndRunsThePrebuiltJar() throws Exception {
        assertThat(StackFiles.projectName(PROJECT)).isEqualTo(ConfigKey.NAMESPACE);
        assertThat(Files.readString(PROJECT.resolve("Pulumi.yaml"))).contains("binary: target/payment-migration.jar");
    }

    @Test
    void everyCommittedStackFileIsValid() throws Exception {
        List<Path> stackFiles;
        try (Stream<Path> files = Files.list(PROJECT)) {
            stackFiles = files.filter(p -> p.getFileName().toString().matches("Pulumi\\.[^.]+\\.yaml")).toList();
        }
        assertThat(stackFiles).isNotEmpty();
        for (var file : stackFiles) {
            var stack = file.getFileName().toString().split("\\.")[1];
            var config = ConfigReader.read(ConfigSource.of(StackFiles.config(PROJECT, stack, List.of())));
            assertThat(config.environmentSuffix()).as(file + " suffix").isNotBlank();
        }
    }

    @Test
    void readmeDocumentsEveryKey() throws Exception {
        var readme = Files.readString(PROJECT.resolve("README.md"));
        assertThat(ConfigKey.values()).allSatisfy(key -> assertThat(readme).contains("`" + key.key + "`"));
    }
}
