package com.paymentmigration.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRoutesTest {

    @Test
    void theFingerprintIsStableAndFollowsTheDefinition() {
        var routes = List.of("payments:read=GET/payments");
        assertThat(ApiRoutes.fingerprint(300, routes)).hasSize(64).isEqualTo(ApiRoutes.fingerprint(300, routes));
        assertThat(ApiRoutes.fingerprint(60, routes)).isNotEqualTo(ApiRoutes.fingerprint(300, routes));
        assertThat(ApiRoutes.fingerprint(300, List.of("payments:read=GET/refunds")))
                .isNotEqualTo(ApiRoutes.fingerprint(300, routes));
    }

    @Test
    void theBackendUriIsBuiltOnlyFromTheStageVariablesTheCanaryOverrides() {
        assertThat(ApiRoutes.BACKEND_URI).startsWith("https://")
                .contains("${stageVariables." + ApiRoutes.HOST_VARIABLE + "}", "${stageVariables." + ApiRoutes.PORT_VARIABLE + "}");
        assertThat(ApiRoutes.BACKEND_PARAMETERS).containsEntry("integration.request.path.proxy", "method.request.path.proxy");
    }

    @Test
    void theAuthorizerResultIsCachedPerTokenMethodAndPath() {
        assertThat(ApiRoutes.AUTHORIZER_IDENTITY_SOURCES.split(","))
                .containsExactly("method.request.header.Authorization", "context.httpMethod", "context.path");
    }

    @Test
    void theAccessLogIsOneJsonObjectOfContextVariablesWithoutBodies() throws Exception {
        var format = new ObjectMapper().readTree(AccessLogFormat.json());
        assertThat(format.isObject()).isTrue();
        format.fields().forEachRemaining(field -> assertThat(field.getValue().asText())
                .as(field.getKey()).matches("\\$(context|stageVariables)\\.[A-Za-z.]+"));
        assertThat(AccessLogFormat.json()).doesNotContain("requestBody", "responseBody", "$input");
        assertThat(format.has("requestId")).isTrue();
        assertThat(format.has("canary")).as("which side of the split served the request").isTrue();
    }
}
