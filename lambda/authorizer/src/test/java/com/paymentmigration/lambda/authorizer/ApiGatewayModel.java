package com.paymentmigration.lambda.authorizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway in front of the authorizer, as far as a request's authorization goes: the authorizer's result cache,
 * keyed on its identity sources' values, then IAM's evaluation of the (possibly cached) policy against the request's
 * method ARN. The stack configures the identity sources as the Authorization header, {@code context.httpMethod} and
 * {@code context.path}; {@link CacheKey#TOKEN_ONLY} is how a TOKEN authorizer would cache.
 */
final class ApiGatewayModel {

    static final String STAGE_ARN = "arn:aws:execute-api:eu-central-1:123456789012:abc123/live";

    enum CacheKey {
        TOKEN_ONLY, TOKEN_METHOD_PATH
    }

    private final Authorizer authorizer;
    private final CacheKey cacheKey;
    private final Map<List<String>, Map<String, Object>> cache = new HashMap<>();
    int invocations;

    ApiGatewayModel(Authorizer authorizer, CacheKey cacheKey) {
        this.authorizer = authorizer;
        this.cacheKey = cacheKey;
    }

    /** Whether the request reaches the backend; {@code path} is relative to the stage, without a leading /. */
    boolean invoke(String authorization, String method, String path) {
        var methodArn = STAGE_ARN + "/" + method + "/" + path;
        var key = cacheKey == CacheKey.TOKEN_ONLY ? List.of(authorization) : List.of(authorization, method, "/live/" + path);
        var response = cache.get(key);
        if (response == null) {
            invocations++;
            var decision = authorizer.decide(TestTokens.requestEvent(authorization, methodArn));
            if (!(decision instanceof Decision.Allow allow)) {
                return false; // 401 or 403; a refusal is not what this model is about
            }
            response = Authorizer.policy(allow);
            cache.put(key, response);
        }
        return IamResourceMatcher.allows(response, methodArn);
    }
}
