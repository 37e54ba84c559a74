package com.paymentmigration.api;

import com.paymentmigration.config.MigrationConfig.Backend;
import com.paymentmigration.config.Mode;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.functions.AuthorizerFunction;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.Tier;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.ParameterSpec;
import com.paymentmigration.parameters.Parameters;
import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.apigateway.Authorizer;
import com.pulumi.aws.apigateway.AuthorizerArgs;
import com.pulumi.aws.apigateway.BasePathMapping;
import com.pulumi.aws.apigateway.BasePathMappingArgs;
import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.DomainName;
import com.pulumi.aws.apigateway.DomainNameArgs;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.IntegrationArgs;
import com.pulumi.aws.apigateway.IntegrationResponse;
import com.pulumi.aws.apigateway.IntegrationResponseArgs;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodArgs;
import com.pulumi.aws.apigateway.MethodResponse;
import com.pulumi.aws.apigateway.MethodResponseArgs;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.MethodSettingsArgs;
import com.pulumi.aws.apigateway.Resource;
import com.pulumi.aws.apigateway.ResourceArgs;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.RestApiArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.UsagePlan;
import com.pulumi.aws.apigateway.UsagePlanArgs;
import com.pulumi.aws.apigateway.VpcLink;
import com.pulumi.aws.apigateway.VpcLinkArgs;
import com.pulumi.aws.apigateway.inputs.DomainNameEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.IntegrationTlsConfigArgs;
import com.pulumi.aws.apigateway.inputs.MethodSettingsSettingsArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.apigateway.inputs.StageCanarySettingsArgs;
import com.pulumi.aws.apigateway.inputs.UsagePlanApiStageArgs;
import com.pulumi.aws.apigateway.inputs.UsagePlanQuotaSettingsArgs;
import com.pulumi.aws.apigateway.inputs.UsagePlanThrottleSettingsArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.TargetGroupAttachment;
import com.pulumi.aws.lb.TargetGroupAttachmentArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.paymentmigration.service.PaymentService;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payments API: a regional REST API whose every route but {@code /health} runs the JWT authorizer, in front
 * of two private backends reached through one VPC link (an internal NLB with a listener per backend). The stage
 * sends everything to the legacy backend; its canary, whose share the state machines change at run time (starting
 * at 0), overrides the stage variables to reach the new one: the payment service's load balancer when this stack
 * runs the service, else the configured addresses.
 */
public final class Api extends MigrationComponent {

    public static final String TYPE = "migration:api:Api";
    /** NLB listener ports: one per backend, so the stage variable picks the backend. */
    public static final int LEGACY_LINK_PORT = 10443;
    public static final int NEW_LINK_PORT = 11443;
    static final String LOGGING_ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
    /** The canary's share is the state machines' to change; an up must not reset a traffic shift in progress. */
    static final String RUNTIME_MANAGED = "canarySettings";

    /**
     * What the state machines, the web ACL, the alarms and the operators need of the API.
     *
     * @param stageArn              what the web ACL is associated with
     * @param apiName               the AWS/ApiGateway metric dimension
     * @param loadBalancerArnSuffix the private link's NLB; with the target groups' suffixes, the dimensions of their
     *                              AWS/NetworkELB metrics
     */
    public record Refs(Output<String> restApiId, Output<String> stageName, Output<String> stageArn,
                       Output<String> endpoint, Output<String> apiName, Output<String> loadBalancerArnSuffix,
                       Output<String> legacyTargetGroupArnSuffix, Output<String> newTargetGroupArnSuffix) {
    }

    public final Refs refs;

    /**
     * @param service the new payment service, whose load balancer is then the new backend; empty when the new
     *                backend runs outside this stack at the configured addresses
     */
    public Api(String name, StackContext stack, EncryptionKeys keys, Network migration, AuthorizerFunction authorizerFunction,
               Parameters parameters, Optional<PaymentService> service) {
        super(TYPE, name, stack);
        var api = stack.config().api();
        var accountSetting = api.createAccountRole() ? List.<com.pulumi.resources.Resource>of(loggingAccount(name))
                : List.<com.pulumi.resources.Resource>of();

        var link = privateLink(name, migration, api.legacy(), api.next(), service);
        var restApi = new RestApi(name, RestApiArgs.builder()
                .name(stack.names().of(NameRule.API, "payments"))
                .description("Payments API: legacy on-prem and new backends behind one authorizer")
                .endpointConfiguration(RestApiEndpointConfigurationArgs.builder().types("REGIONAL").build())
                // With a custom domain (TLS 1.2 minimum) the default endpoint would be a way around it.
                .disableExecuteApiEndpoint(api.customDomain())
                .build(), primary());

        var settings = api.authorizer();
        var authorizer = new Authorizer(name + "-authorizer", AuthorizerArgs.builder()
                .name(stack.names().of(NameRule.GENERIC, "jwt"))
                .restApi(restApi.id())
                .type("REQUEST")
                .authorizerUri(authorizerFunction.alias().invokeArn())
                .identitySource(ApiRoutes.AUTHORIZER_IDENTITY_SOURCES)
                .authorizerResultTtlInSeconds(settings.cacheSeconds())
                .build(), primary());
        new Permission(name + "-authorizer-invoke", PermissionArgs.builder()
                .action("lambda:InvokeFunction")
                .function(authorizerFunction.function().name())
                .qualifier(AuthorizerFunction.LIVE_ALIAS)
                .principal("apigateway.amazonaws.com")
                .sourceArn(Output.format("%s/authorizers/%s", restApi.executionArn(), authorizer.id()))
                .build(), primary());

        var routes = routes(name, restApi, authorizer, link);
        var fingerprint = ApiRoutes.fingerprint(settings.cacheSeconds(), settings.scopeRoutes());
        var deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .restApi(restApi.id())
                .description("Payments API definition " + fingerprint.substring(0, 12))
                .triggers(Map.of("definition", fingerprint))
                .build(), primary(o -> o.dependsOn(routes)));

        var accessLogs = Wiring.logGroup(name + "-access-logs", stack, "api-access", keys.primaryKeyArn, primary());
        var stageArgs = StageArgs.builder()
                .restApi(restApi.id())
                .stageName(api.stageName())
                .deployment(deployment.id())
                .description("Live traffic; the canary carries the new backend's share")
                .xrayTracingEnabled(true)
                .variables(backendVariables(api.legacy(), LEGACY_LINK_PORT))
                .accessLogSettings(StageAccessLogSettingsArgs.builder()
                        .destinationArn(accessLogs.arn()).format(AccessLogFormat.json()).build());
        boolean rollback = stack.config().mode() == Mode.ROLLBACK;
        if (!rollback) {
            stageArgs.canarySettings(StageCanarySettingsArgs.builder()
                    .deploymentId(deployment.id())
                    .percentTraffic(0.0)
                    .stageVariableOverrides(backendVariables(api.next(), NEW_LINK_PORT))
                    .useStageCache(false)
                    .build());
        }
        // Rollback removes the canary: a change an up always applies, whatever share the canary had reached.
        var stage = new Stage(name + "-stage", stageArgs.build(), primary(o -> {
            o.dependsOn(accountSetting);
            return rollback ? o : o.ignoreChanges(RUNTIME_MANAGED);
        }));

        new MethodSettings(name + "-method-settings", MethodSettingsArgs.builder()
                .restApi(restApi.id())
                .stageName(stage.stageName())
                .methodPath("*/*")
                .settings(MethodSettingsSettingsArgs.builder()
                        .metricsEnabled(true)
                        .loggingLevel("ERROR")
                        // Execution logs with bodies would copy payment data into CloudWatch.
                        .dataTraceEnabled(false)
                        .throttlingRateLimit((double) api.throttleRate())
                        .throttlingBurstLimit(api.throttleBurst())
                        .build())
                .build(), primary(o -> o.dependsOn(accountSetting)));
        var plan = UsagePlanArgs.builder()
                .name(stack.names().of(NameRule.GENERIC, "payments-api"))
                .description("Throttling for every client of the payments API")
                .apiStages(UsagePlanApiStageArgs.builder().apiId(restApi.id()).stage(stage.stageName()).build())
                .throttleSettings(UsagePlanThrottleSettingsArgs.builder()
                        .rateLimit((double) api.throttleRate()).burstLimit(api.throttleBurst()).build());
        if (api.dailyQuota() > 0) {
            plan.quotaSettings(UsagePlanQuotaSettingsArgs.builder().limit(api.dailyQuota()).period("DAY").build());
        }
        new UsagePlan(name + "-usage-plan", plan.build(), primary());

        Output<String> endpoint;
        if (api.customDomain()) {
            var domain = new DomainName(name + "-domain", DomainNameArgs.builder()
                    .domainName(api.domainName())
                    .regionalCertificateArn(api.certificateArn())
                    .endpointConfiguration(DomainNameEndpointConfigurationArgs.builder().types("REGIONAL").build())
                    .securityPolicy("TLS_1_2")
                    .build(), primary());
            new BasePathMapping(name + "-base-path", BasePathMappingArgs.builder()
                    .restApi(restApi.id())
                    .stageName(stage.stageName())
                    .domainName(domain.domainName())
                    .build(), primary());
            endpoint = domain.domainName().applyValue(d -> "https://" + d + "/");
        } else {
            endpoint = stage.invokeUrl().applyValue(url -> url.endsWith("/") ? url : url + "/");
        }

        parameters.publish(ParameterKey.API_REST_API_ID, restApi.id(), ParameterSpec.Kind.CONFIGURED,
                "REST API id (the state machines update its stage's canary)");
        parameters.publish(ParameterKey.API_STAGE_NAME, stage.stageName(), ParameterSpec.Kind.CONFIGURED,
                "API stage carrying the traffic split");
        this.refs = new Refs(restApi.id(), stage.stageName(), stage.arn(), endpoint, restApi.name(),
                link.loadBalancerArnSuffix(), link.legacyGroupSuffix(), link.newGroupSuffix());
        registerOutputs(Map.of("endpoint", endpoint, "restApiId", restApi.id()));
    }

    /** Stage variables naming a backend: its host (for TLS and the Host header) and its listener on the NLB. */
    static Map<String, String> backendVariables(Backend backend, int linkPort) {
        return Map.of(ApiRoutes.HOST_VARIABLE, backend.host(), ApiRoutes.PORT_VARIABLE, String.valueOf(linkPort));
    }

    private record Link(VpcLink vpcLink, Output<String> loadBalancerArnSuffix,
                        Output<String> legacyGroupSuffix, Output<String> newGroupSuffix) {
    }

    /** One internal NLB for both backends (a REST VPC link targets one NLB), a listener and target group each. */
    private Link privateLink(String name, Network migration, Backend legacy, Backend next,
                             Optional<PaymentService> service) {
        var nlb = new LoadBalancer(name + "-backends", LoadBalancerArgs.builder()
                .name(stack.names().of(NameRule.LOAD_BALANCER, "api-backends"))
                .internal(true)
                .loadBalancerType("network")
                .subnets(Output.all(migration.subnetIds(Tier.PRIVATE)))
                .enableCrossZoneLoadBalancing(true)
                .enableDeletionProtection(false)
                .build(), primary());
        var legacyGroup = backend(name + "-legacy", "api-legacy", nlb, migration, legacy, LEGACY_LINK_PORT, true);
        var newGroup = service.isPresent()
                ? serviceBackend(name + "-new", "api-new", nlb, migration, service.get())
                : backend(name + "-new", "api-new", nlb, migration, next, NEW_LINK_PORT, false);
        var vpcLink = new VpcLink(name + "-vpc-link", VpcLinkArgs.builder()
                .name(stack.names().of(NameRule.GENERIC, "api-backends"))
                .description("API Gateway to the private load balancer of both backends")
                .targetArn(nlb.arn())
                .build(), primary());
        return new Link(vpcLink, nlb.arnSuffix(), legacyGroup.arnSuffix(), newGroup.arnSuffix());
    }

    private TargetGroup backend(String logicalName, String purpose, LoadBalancer nlb, Network migration, Backend backend,
                         int linkPort, boolean outsideVpc) {
        var group = new TargetGroup(logicalName, TargetGroupArgs.builder()
                .name(stack.names().of(NameRule.TARGET_GROUP, purpose))
                .port(backend.port())
                .protocol("TCP")
                .targetType("ip")
                .vpcId(migration.vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder().protocol("TCP").interval(10)
                        .healthyThreshold(3).unhealthyThreshold(3).build())
                .build(), primary());
        for (int i = 0; i < backend.ips().size(); i++) {
            var target = TargetGroupAttachmentArgs.builder()
                    .targetGroupArn(group.arn())
                    .targetId(backend.ips().get(i))
                    .port(backend.port());
            if (outsideVpc) {
                // Required for targets outside the VPC's CIDR (here: on-prem, across the Transit Gateway).
                target.availabilityZone("all");
            }
            new TargetGroupAttachment(logicalName + "-target-" + i, target.build(), primary());
        }
        listener(logicalName, nlb, linkPort, group);
        return group;
    }

    /**
     * The new backend as the service's load balancer: an NLB target group of type alb forwards the TCP stream (TLS
     * included, so the certificate check still happens at the ALB) to the ALB's TLS listener. The ALB can be
     * registered only once that listener exists.
     */
    private TargetGroup serviceBackend(String logicalName, String purpose, LoadBalancer nlb, Network migration,
                                       PaymentService service) {
        var config = stack.config().service();
        var group = new TargetGroup(logicalName, TargetGroupArgs.builder()
                .name(stack.names().of(NameRule.TARGET_GROUP, purpose))
                .targetType("alb")
                .port(config.listenerPort())
                .protocol("TCP")
                .vpcId(migration.vpcId)
                .healthCheck(TargetGroupHealthCheckArgs.builder().protocol("HTTPS").path(config.healthCheckPath())
                        .matcher("200-399").interval(10).healthyThreshold(3).unhealthyThreshold(3).build())
                .build(), primary());
        new TargetGroupAttachment(logicalName + "-target-alb", TargetGroupAttachmentArgs.builder()
                .targetGroupArn(group.arn())
                .targetId(service.loadBalancerArn)
                .port(config.listenerPort())
                .build(), primary(o -> o.dependsOn(service.tlsListener)));
        listener(logicalName, nlb, NEW_LINK_PORT, group);
        return group;
    }

    private void listener(String logicalName, LoadBalancer nlb, int linkPort, TargetGroup group) {
        new Listener(logicalName + "-listener", ListenerArgs.builder()
                .loadBalancerArn(nlb.arn())
                .port(linkPort)
                .protocol("TCP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(group.arn()).build())
                .build(), primary());
    }

    private List<com.pulumi.resources.Resource> routes(String name, RestApi restApi, Authorizer authorizer, Link link) {
        var created = new ArrayList<com.pulumi.resources.Resource>();
        var proxy = new Resource(name + "-proxy", ResourceArgs.builder()
                .restApi(restApi.id()).parentId(restApi.rootResourceId()).pathPart(ApiRoutes.PROXY_PATH).build(), primary());
        var proxyMethod = new Method(name + "-proxy-any", MethodArgs.builder()
                .restApi(restApi.id())
                .resourceId(proxy.id())
                .httpMethod("ANY")
                .authorization("CUSTOM")
                .authorizerId(authorizer.id())
                .requestParameters(Map.of("method.request.path.proxy", true))
                .build(), primary());
        created.add(proxyMethod);
        created.add(new Integration(name + "-proxy-backend", IntegrationArgs.builder()
                .restApi(restApi.id())
                .resourceId(proxy.id())
                .httpMethod(proxyMethod.httpMethod())
                .type("HTTP_PROXY")
                .integrationHttpMethod("ANY")
                .connectionType("VPC_LINK")
                .connectionId(link.vpcLink().id())
                .uri(ApiRoutes.BACKEND_URI)
                .requestParameters(ApiRoutes.BACKEND_PARAMETERS)
                .timeoutMilliseconds(ApiRoutes.INTEGRATION_TIMEOUT_MS)
                .tlsConfig(IntegrationTlsConfigArgs.builder().insecureSkipVerification(false).build())
                .build(), primary()));

        var health = new Resource(name + "-health", ResourceArgs.builder()
                .restApi(restApi.id()).parentId(restApi.rootResourceId()).pathPart(ApiRoutes.HEALTH_PATH).build(), primary());
        var healthMethod = new Method(name + "-health-get", MethodArgs.builder()
                .restApi(restApi.id()).resourceId(health.id()).httpMethod("GET").authorization("NONE").build(), primary());
        var healthIntegration = new Integration(name + "-health-mock", IntegrationArgs.builder()
                .restApi(restApi.id()).resourceId(health.id()).httpMethod(healthMethod.httpMethod())
                .type("MOCK")
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                .build(), primary());
        var healthResponse = new MethodResponse(name + "-health-200", MethodResponseArgs.builder()
                .restApi(restApi.id()).resourceId(health.id()).httpMethod(healthMethod.httpMethod()).statusCode("200")
                .build(), primary());
        created.add(healthMethod);
        created.add(healthIntegration);
        created.add(healthResponse);
        created.add(new IntegrationResponse(name + "-health-200-mock", IntegrationResponseArgs.builder()
                .restApi(restApi.id()).resourceId(health.id()).httpMethod(healthMethod.httpMethod()).statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"status\":\"ok\"}"))
                .build(), primary(o -> o.dependsOn(healthIntegration, healthResponse))));
        return created;
    }

    /** The region's API Gateway logging role (an account setting: one per account and region). */
    private Account loggingAccount(String name) {
        var logging = Wiring.managedPolicyRole(name + "-cloudwatch-role",
                stack.names().of(NameRule.IAM_ROLE, "apigateway-logging"),
                "Lets API Gateway write access and execution logs in this region",
                stack.accountId().applyValue(account -> PolicyDocument.trust("apigateway.amazonaws.com", account).toJson()),
                LOGGING_ROLE_POLICY, primary());
        return new Account(name + "-account", AccountArgs.builder().cloudwatchRoleArn(logging.role().arn()).build(),
                primary(o -> o.dependsOn(logging.attachment())));
    }
}
