package com.paymentmigration.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiStackTest {

    private static final String STAGE = "aws:apigateway/stage:Stage";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void everyMethodButHealthUsesTheAuthorizer() {
        var authorizer = run.one("aws:apigateway/authorizer:Authorizer", "api-authorizer");
        // REQUEST, so the result cache is keyed on method and path too: the function allows exactly one method ARN.
        assertThat(authorizer.inputs()).containsEntry("type", "REQUEST").containsEntry("authorizerResultTtlInSeconds", 300L)
                .containsEntry("identitySource", "method.request.header.Authorization,context.httpMethod,context.path")
                .doesNotContainKey("identityValidationExpression");
        assertThat(authorizer.stringInput("authorizerUri"))
                .isEqualTo("arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:eu-central-1:123456789012:function:migration-authorizer-dev:live/invocations");
        var methods = run.ofType("aws:apigateway/method:Method");
        assertThat(methods).hasSize(2);
        assertThat(run.one("aws:apigateway/method:Method", "api-proxy-any").inputs())
                .containsEntry("authorization", "CUSTOM").containsEntry("authorizerId", "migration-jwt-dev");
        assertThat(run.one("aws:apigateway/method:Method", "api-health-get").inputs())
                .containsEntry("authorization", "NONE").containsEntry("httpMethod", "GET");
        assertThat(run.one("aws:apigateway/resource:Resource", "api-health").inputs()).containsEntry("pathPart", "health");
    }

    @Test
    void theInvokePermissionIsScopedToTheAuthorizerAndItsAlias() {
        var permission = run.one("aws:lambda/permission:Permission", "api-authorizer-invoke");
        assertThat(permission.inputs()).containsEntry("principal", "apigateway.amazonaws.com")
                .containsEntry("qualifier", "live").containsEntry("function", "migration-authorizer-dev")
                .containsEntry("sourceArn", "arn:aws:execute-api:eu-central-1:123456789012:migration-payments-dev"
                        + "/authorizers/migration-jwt-dev");
        var function = run.one("aws:lambda/function:Function", "functions-authorizer");
        assertThat(function.inputs()).containsEntry("publish", true).containsEntry("runtime", "java21");
        assertThat(function.stringInput("snapStart.applyOn")).isEqualTo("PublishedVersions");
        assertThat(function.stringInput("environment.variables.SCOPE_ROUTES"))
                .isEqualTo("payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds");
        assertThat(function.stringInput("environment.variables.KEY_SET_MAX_AGE_SECONDS")).isEqualTo("300");
        assertThat(run.one("aws:iam/rolePolicy:RolePolicy", "functions-authorizer-policy").stringInput("policy"))
                .contains("secret:dev/payments/jwt-signing-keys-??????");
    }

    @Test
    void theSplitStartsAtZeroOnTheCanaryAndBelongsToTheStateMachinesAfterwards() {
        var stage = run.one(STAGE, "api-stage");
        assertThat(stage.input("canarySettings.percentTraffic")).as("numbers are recorded as longs").contains(0L);
        assertThat(stage.input("canarySettings.stageVariableOverrides").orElseThrow())
                .isEqualTo(Map.of("backendHost", "payments.migration.dev.payments.example.com", "linkPort", "11443"));
        assertThat(stage.input("variables").orElseThrow())
                .isEqualTo(Map.of("backendHost", "payments.dc1.payments.internal", "linkPort", "10443"));
        assertThat(stage.options().ignoreChanges()).containsExactly("canarySettings");
        var mirror = run.one("aws:ssm/parameter:Parameter", "traffic-new-backend-percent");
        assertThat(mirror.inputs()).containsEntry("insecureValue", "0");
        assertThat(mirror.options().ignoreChanges()).contains("insecureValue");
    }

    @Test
    void rollbackModeSendsEverythingToTheLegacyBackend() {
        var stage = StackFixture.dev("mode=rollback").one(STAGE, "api-stage");
        assertThat(stage.inputs()).doesNotContainKey("canarySettings");
        assertThat(stage.options().ignoreChanges()).as("the removal must be applied, not ignored").isEmpty();
        assertThat(stage.input("variables.backendHost")).contains("payments.dc1.payments.internal");
    }

    @Test
    void accessLogsMetricsAndThrottlingAreSet() throws Exception {
        var stage = run.one(STAGE, "api-stage");
        assertThat(stage.stringInput("accessLogSettings.destinationArn"))
                .isEqualTo("arn:aws:logs:eu-central-1:123456789012:log-group:/migration/dev/api-access");
        var format = new ObjectMapper().readTree(stage.stringInput("accessLogSettings.format"));
        assertThat(format.get("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.toString()).doesNotContain("requestBody", "responseBody");
        assertThat(stage.inputs()).containsEntry("xrayTracingEnabled", true);
        var settings = run.one("aws:apigateway/methodSettings:MethodSettings", "api-method-settings");
        assertThat(settings.inputs()).containsEntry("methodPath", "*/*");
        assertThat(settings.input("settings").orElseThrow()).isEqualTo(Map.of("metricsEnabled", true,
                "loggingLevel", "ERROR", "dataTraceEnabled", false, "throttlingRateLimit", 200L, "throttlingBurstLimit", 400L));
        assertThat(run.one("aws:apigateway/usagePlan:UsagePlan", "api-usage-plan").input("throttleSettings").orElseThrow())
                .isEqualTo(Map.of("rateLimit", 200L, "burstLimit", 400L));
        var account = run.one("aws:apigateway/account:Account", "api-account");
        assertThat(account.stringInput("cloudwatchRoleArn")).endsWith(":role/migration-apigateway-logging-dev");
        assertThat(stage.dependsOn()).anyMatch(d -> d.endsWith("::api-account"));
    }

    @Test
    void theDeploymentIsTriggeredByTheDefinitionAndWaitsForTheRoutes() {
        var deployment = run.one("aws:apigateway/deployment:Deployment", "api-deployment");
        assertThat(deployment.input("triggers.definition")).contains(ApiRoutes.fingerprint(300,
                List.of("payments:read=GET/payments,GET/payments/*", "payments:write=POST/payments,POST/refunds")));
        assertThat(deployment.dependsOn()).anyMatch(d -> d.endsWith("::api-proxy-backend"))
                .anyMatch(d -> d.endsWith("::api-proxy-any")).anyMatch(d -> d.endsWith("::api-health-get"));
        var changed = StackFixture.dev("authorizerCacheSeconds=60").one("aws:apigateway/deployment:Deployment", "api-deployment");
        assertThat(changed.input("triggers.definition")).isNotEqualTo(deployment.input("triggers.definition"));
    }

    @Test
    void bothBackendsAreReachedPrivatelyThroughOneVpcLink() {
        var nlb = run.one("aws:lb/loadBalancer:LoadBalancer", "api-backends");
        assertThat(nlb.inputs()).containsEntry("internal", true).containsEntry("loadBalancerType", "network");
        assertThat(run.one("aws:apigateway/vpcLink:VpcLink", "api-vpc-link").stringInput("targetArn"))
                .startsWith("arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/net/");
        var legacyTarget = run.one("aws:lb/targetGroupAttachment:TargetGroupAttachment", "api-legacy-target-0");
        assertThat(legacyTarget.inputs()).containsEntry("targetId", "172.16.20.11").containsEntry("availabilityZone", "all")
                .containsEntry("port", 8443L);
        assertThat(run.one("aws:lb/targetGroup:TargetGroup", "api-legacy").inputs()).containsEntry("targetType", "ip");
        var integration = run.one("aws:apigateway/integration:Integration", "api-proxy-backend");
        assertThat(integration.inputs()).containsEntry("connectionType", "VPC_LINK").containsEntry("type", "HTTP_PROXY")
                .containsEntry("uri", "https://${stageVariables.backendHost}:${stageVariables.linkPort}/{proxy}");
        assertThat(run.one("aws:lb/listener:Listener", "api-new-listener").inputs()).containsEntry("port", 11443L);
    }

    @Test
    void theNewBackendIsThePaymentServicesLoadBalancer() {
        var group = run.one("aws:lb/targetGroup:TargetGroup", "api-new");
        // The NLB passes the TLS stream through to the ALB's TLS listener, which holds the certificate.
        assertThat(group.inputs()).containsEntry("targetType", "alb").containsEntry("protocol", "TCP")
                .containsEntry("port", 443L);
        assertThat(group.input("healthCheck").orElseThrow()).isEqualTo(Map.of("protocol", "HTTPS", "path", "/health",
                "matcher", "200-399", "interval", 10L, "healthyThreshold", 3L, "unhealthyThreshold", 3L));
        var target = run.one("aws:lb/targetGroupAttachment:TargetGroupAttachment", "api-new-target-alb");
        assertThat(target.inputs()).containsEntry("targetId",
                "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/migration-payments-svc-dev/plan")
                .containsEntry("port", 443L);
        assertThat(target.dependsOn()).as("registered only once the ALB listens on the port")
                .anyMatch(d -> d.endsWith("Listener::service-tls"));
        assertThat(run.one("aws:lb/listener:Listener", "service-tls").inputs()).containsEntry("port", 443L)
                .containsEntry("protocol", "HTTPS");
        assertThat(run.ofType("aws:lb/targetGroupAttachment:TargetGroupAttachment"))
                .noneMatch(a -> a.name().startsWith("api-new-target-") && !a.name().equals("api-new-target-alb"));
    }

    @Test
    void withoutTheServiceTheNewBackendIsTheConfiguredAddresses() {
        var without = StackFixture.withoutService();
        assertThat(without.one("aws:lb/targetGroup:TargetGroup", "api-new").inputs()).containsEntry("targetType", "ip");
        assertThat(without.one("aws:lb/targetGroupAttachment:TargetGroupAttachment", "api-new-target-0").inputs())
                .containsEntry("targetId", "10.20.0.10");
        assertThat(without.ofType("aws:ecs/service:Service")).isEmpty();
        assertThat(without.ofType("aws:route53/record:Record")).isEmpty();
    }

    @Test
    void theEndpointIsTheCustomDomainWithTls12OrTheStageUrl() {
        assertThat(run.outputs()).containsEntry("apiEndpoint", "https://api.dev.payments.example.com/");
        assertThat(run.one("aws:apigateway/domainName:DomainName", "api-domain").inputs())
                .containsEntry("securityPolicy", "TLS_1_2");
        assertThat(run.one("aws:apigateway/restApi:RestApi", "api").inputs()).containsEntry("disableExecuteApiEndpoint", true);

        var plain = StackFixture.dev("apiDomainName=", "apiCertificateArn=");
        assertThat(plain.outputs().get("apiEndpoint"))
                .isEqualTo("https://migration-payments-dev.execute-api.eu-central-1.amazonaws.com/v1/");
        assertThat(plain.ofType("aws:apigateway/domainName:DomainName")).isEmpty();
    }
}
