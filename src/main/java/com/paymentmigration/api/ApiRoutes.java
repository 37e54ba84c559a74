package com.paymentmigration.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the API exposes, as data: the authorized proxy route, the open health route and the backend integration.
 * Its fingerprint is the deployment's trigger, so the API is redeployed exactly when its definition changes.
 */
public final class ApiRoutes {

    /** The only route served without the authorizer: load balancers and probes call it without a token. */
    public static final String HEALTH_PATH = "health";
    public static final String PROXY_PATH = "{proxy+}";
    /** Stage variables the backend URI is built from; the canary overrides them to reach the new backend. */
    public static final String HOST_VARIABLE = "backendHost";
    public static final String PORT_VARIABLE = "linkPort";
    public static final String BACKEND_URI = "https://${stageVariables." + HOST_VARIABLE + "}:${stageVariables."
            + PORT_VARIABLE + "}/{proxy}";
    /** The authorizer's context travels to the backend as headers (it cannot choose the backend itself). */
    public static final Map<String, String> BACKEND_PARAMETERS = Map.of(
            "integration.request.path.proxy", "method.request.path.proxy",
            "integration.request.header.X-Tenant-Id", "context.authorizer.tenantId",
            "integration.request.header.X-Routing-Bucket", "context.authorizer.routingBucket",
            "integration.request.header.X-Request-Id", "context.requestId");
    /**
     * The authorizer's identity sources, which are also its result cache's key. The method and path are part of it
     * because the authorizer allows exactly the requested method ARN: keyed on the token alone (a TOKEN authorizer),
     * a policy cached for one path would answer requests for others. A request without the header gets a 401
     * without invoking the function.
     *
     * <p>Form, checked against AWS's documentation: a REST API REQUEST authorizer's identity source is "a
     * comma-separated string of one or more mapping expressions", used to "derive the authorization caching key"
     * (CreateAuthorizer, identitySource); request context variables are written {@code context.<name>}, without the
     * {@code $} that HTTP APIs use (AWS SAM, LambdaRequestAuthorizationIdentity: "Converts the given context strings
     * to the mapping expressions of format context.contextString"; the CDK's {@code IdentitySource.context} builds the
     * same). The Pulumi resource takes that string as is ({@code aws.apigateway.Authorizer} identitySource: "For
     * REQUEST type, this may be a comma-separated list of values", e.g. {@code method.request.header.A,stageVariables.B}).
     * {@code context.path} is the request path ("for a non-proxy request URL of .../{stage}/root/child, the
     * $context.path value is /{stage}/root/child", API Gateway context variable reference), not
     * {@code context.resourcePath}, which is {@code /{proxy+}} for every request here and would key the cache on the
     * token and method alone.
     *
     * <p>Should API Gateway ever normalise {@code context.path} where the method ARN does not (a trailing slash, a
     * percent-encoding), the error is a denial, never a grant: a cached policy names one method ARN exactly, and IAM
     * refuses every other.
     */
    public static final String AUTHORIZER_IDENTITY_SOURCES = "method.request.header.Authorization,context.httpMethod,context.path";
    /** API Gateway's ceiling for an integration without a quota increase. */
    public static final int INTEGRATION_TIMEOUT_MS = 29_000;

    private ApiRoutes() {
    }

    /** A stable hash of everything a deployment snapshots; any change to it redeploys the API. */
    public static String fingerprint(int authorizerCacheSeconds, List<String> scopeRoutes) {
        var definition = new TreeMap<String, Object>();
        definition.put("routes", List.of("ANY /" + PROXY_PATH + " custom-authorizer", "GET /" + HEALTH_PATH + " open"));
        definition.put("backendUri", BACKEND_URI);
        definition.put("backendParameters", new TreeMap<>(BACKEND_PARAMETERS));
        definition.put("timeoutMs", INTEGRATION_TIMEOUT_MS);
        definition.put("authorizerIdentitySources", AUTHORIZER_IDENTITY_SOURCES);
        definition.put("authorizerCacheSeconds", authorizerCacheSeconds);
        definition.put("scopeRoutes", scopeRoutes);
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(definition.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
