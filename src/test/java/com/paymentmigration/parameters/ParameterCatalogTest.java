package com.paymentmigration.parameters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.ValidConfig;
import com.paymentmigration.naming.Names;
import com.paymentmigration.parameters.ParameterSpec.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterCatalogTest {

    private final List<ParameterSpec> catalog = ParameterCatalog.of(ConfigReader.read(ConfigSource.of(ValidConfig.map())));

    @Test
    void everyPathIsUniqueAndAValidParameterName() {
        assertThat(catalog).extracting(ParameterSpec::key).doesNotHaveDuplicates();
        var names = new Names("abcdefghij-klmno");
        for (var spec : catalog) {
            var name = names.parameter(spec.path().toArray(String[]::new));
            // SSM: starts with /, at most 15 levels, [a-zA-Z0-9_.-/], not under /aws or /ssm.
            assertThat(name).matches("/[a-zA-Z0-9_./-]+").doesNotStartWith("/aws").doesNotStartWith("/ssm");
            assertThat(name.split("/").length - 1).isLessThanOrEqualTo(15);
        }
    }

    @Test
    void theValuesStateMachinesChangeAreRuntimeOwned() {
        assertThat(catalog).filteredOn(s -> s.kind() == Kind.RUNTIME).extracting(ParameterSpec::key)
                .contains("phase", "traffic/new-backend-percent", "database/active-writer", "database/write-freeze",
                        "validation/status");
        assertThat(catalog).filteredOn(s -> s.key().equals("database/active-writer")).singleElement()
                .extracting(ParameterSpec::value).isEqualTo("onprem");
        assertThat(catalog).filteredOn(s -> s.key().equals("traffic/new-backend-percent")).singleElement()
                .extracting(ParameterSpec::value).isEqualTo("0");
    }

    @Test
    void configuredValuesFollowConfig() throws Exception {
        var rollback = ParameterCatalog.of(ConfigReader.read(ConfigSource.of(ValidConfig.with("mode", "rollback"))));
        assertThat(rollback).filteredOn(s -> s.key().equals("mode")).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.CONFIGURED))
                .extracting(ParameterSpec::value).isEqualTo("rollback");
        var steps = catalog.stream().filter(s -> s.key().equals("traffic/steps")).findFirst().orElseThrow();
        assertThat(new ObjectMapper().readTree(steps.value()).get(3).path("percent").asInt()).isEqualTo(100);
        var tables = catalog.stream().filter(s -> s.key().equals("replication/tables")).findFirst().orElseThrow();
        assertThat(tables.value()).isEqualTo("{\"include\":[\"public.%\"],\"exclude\":[]}");
    }

    @Test
    void theOnPremTopologyIsSecure() {
        assertThat(catalog).filteredOn(s -> s.kind() == Kind.SECURE).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("pg.dc1.internal:5432/payments"));
    }

    @Test
    void emptyValuesAreRefused() {
        assertThatThrownBy(() -> new ParameterSpec(ParameterKey.MODE, "", Kind.CONFIGURED, "d"))
                .hasMessageContaining("non-empty value");
    }

    @Test
    void theReadmeDocumentsEveryParameter() throws Exception {
        var readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(catalog).allSatisfy(spec -> assertThat(readme).contains("`/migration/{env}/" + spec.key() + "`"));
    }
}
