package com.paymentmigration.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode container() throws Exception {
        var environment = new LinkedHashMap<String, String>();
        environment.put("PARAMETER_PATH", "/migration/dev/service");
        environment.put("AWS_REGION", "eu-central-1");
        var json = ContainerDefinition.json(new ContainerDefinition.Spec(
                "123456789012.dkr.ecr.eu-central-1.amazonaws.com/payments:2026.11.0", 8080, "/health",
                "/migration/dev/payments-service", "eu-central-1", environment));
        var definitions = JSON.readTree(json);
        assertThat(definitions.isArray()).as("ECS takes a JSON array of containers").isTrue();
        assertThat(definitions).hasSize(1);
        return definitions.get(0);
    }

    @Test
    void runsTheTaggedImageUnprivilegedOnAReadOnlyRootWithAWritableTmp() throws Exception {
        var c = container();
        assertThat(c.get("name").asText()).isEqualTo(ContainerDefinition.CONTAINER_NAME);
        assertThat(c.get("image").asText()).endsWith("/payments:2026.11.0");
        assertThat(c.get("essential").asBoolean()).isTrue();
        assertThat(c.get("user").asText()).isNotIn("root", "0");
        assertThat(c.get("readonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/mountPoints/0/containerPath").asText()).isEqualTo("/tmp");
        assertThat(c.at("/mountPoints/0/sourceVolume").asText()).isEqualTo(ContainerDefinition.SCRATCH_VOLUME);
        assertThat(c.at("/linuxParameters/initProcessEnabled").asBoolean()).as("signals reach the JVM").isTrue();
        assertThat(c.at("/portMappings/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(c.at("/portMappings/0/protocol").asText()).isEqualTo("tcp");
    }

    @Test
    void checksItsOwnHealthOnTheConfiguredPathAfterAStartPeriod() throws Exception {
        var check = container().get("healthCheck");
        assertThat(check.get("command")).extracting(JsonNode::asText)
                .containsExactly("CMD-SHELL", "curl -fsS -o /dev/null http://localhost:8080/health || exit 1");
        assertThat(check.get("startPeriod").asInt()).isEqualTo(ContainerDefinition.HEALTH_START_PERIOD_SECONDS);
        // ECS's limits: interval 5-300, timeout 2-60, retries 1-10, startPeriod 0-300.
        assertThat(check.get("interval").asInt()).isBetween(5, 300);
        assertThat(check.get("timeout").asInt()).isBetween(2, 60).isLessThan(check.get("interval").asInt());
        assertThat(check.get("retries").asInt()).isBetween(1, 10);
        assertThat(check.get("startPeriod").asInt()).isBetween(0, 300);
    }

    @Test
    void logsToItsGroupWithoutBlockingAndKeepsTheEnvironmentInOrder() throws Exception {
        var c = container();
        assertThat(c.at("/logConfiguration/logDriver").asText()).isEqualTo("awslogs");
        assertThat(c.at("/logConfiguration/options/awslogs-group").asText()).isEqualTo("/migration/dev/payments-service");
        assertThat(c.at("/logConfiguration/options/awslogs-region").asText()).isEqualTo("eu-central-1");
        assertThat(c.at("/logConfiguration/options/mode").asText()).isEqualTo("non-blocking");
        assertThat(c.get("environment")).extracting(e -> e.get("name").asText())
                .containsExactly("PARAMETER_PATH", "AWS_REGION");
        assertThat(c.get("stopTimeout").asInt()).as("Fargate's maximum is 120 s").isBetween(30, 120);
    }

    @Test
    void theSameSpecGivesTheSameText() throws Exception {
        assertThat(container()).isEqualTo(container());
        assertThat(List.of(container().toString())).containsExactly(container().toString());
    }
}
