package com.paymentmigration.lambda.authorizer;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission a token really has, after API Gateway's result cache and IAM's evaluation of the returned policy,
 * is exactly the configured routes, with {@code *} matching one path segment: checked over a route table, scope sets
 * and a corpus of paths built to catch over-matching (deeper paths, empty segments, trailing slashes, prefixes).
 */
class RouteExactnessTest {

    private static final String ROUTE_TABLE = "payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,"
            + "POST/refunds;refunds:read=GET/payments/*/refunds;ops=*/admin/*";
    private static final List<String> SCOPE_SETS = List.of("payments:read", "payments:write", "refunds:read", "ops",
            "payments:read refunds:read", "payments:read payments:write ops");
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE");
    private static final List<String> PATHS = List.of("", "payments", "payments/", "payments/123", "payments/123/",
            "payments/123/refunds", "payments/123/refunds/9", "payments/a/b/c/admin", "payments//refunds", "refunds",
            "refunds/1", "admin", "admin/", "admin/x", "admin/x/y", "adminx/y", "payments123", "Payments/1", "x/admin/y",
            // Dot-segments and what a backend may decode or normalise into a separator or a dot.
            "payments/.", "payments/..", "payments/...", "payments/..%2F", "payments/%2e%2e", "payments/a%2Fb",
            "payments/a\\b", "payments/../refunds", "payments/1/../refunds", "admin/../admin/x", "payments/~a.b_c-d");

    private static final TestTokens tokens = new TestTokens(Instant.now());
    private final Authorizer authorizer = new Authorizer(new JwtVerifier(new Keys(tokens::keySet, Clock.systemUTC()),
            TestTokens.ISSUER, TestTokens.AUDIENCE, Clock.systemUTC()), ScopeRoutes.parse(ROUTE_TABLE));

    @Test
    void throughTheResultCacheAndIamEvaluationATokenReachesExactlyItsConfiguredRoutes() {
        var random = new Random(2026_12_02L);
        for (var scopes : SCOPE_SETS) {
            var authorization = "Bearer " + tokens.rs256(c -> c.claim("scope", scopes));
            var gateway = new ApiGatewayModel(authorizer, ApiGatewayModel.CacheKey.TOKEN_METHOD_PATH);
            var requests = requests();
            // Twice, in a shuffled order: the second pass is served from the cache, whatever came first.
            for (int pass = 0; pass < 2; pass++) {
                Collections.shuffle(requests, random);
                for (var request : requests) {
                    assertThat(gateway.invoke(authorization, request[0], request[1]))
                            .as("%s %s /%s", scopes, request[0], request[1])
                            .isEqualTo(configured(scopes, request[0], request[1]));
                }
            }
        }
    }

    @Test
    void everyReturnedPolicyMatchesUnderIamRulesNoArnButTheRequestedOne() {
        var authorization = "Bearer " + tokens.rs256(c -> c.claim("scope", SCOPE_SETS.get(SCOPE_SETS.size() - 1)));
        var arns = requests().stream().map(r -> ApiGatewayModel.STAGE_ARN + "/" + r[0] + "/" + r[1]).toList();
        int allows = 0;
        for (var requested : arns) {
            if (authorizer.decide(TestTokens.requestEvent(authorization, requested)) instanceof Decision.Allow allow) {
                allows++;
                var policy = Authorizer.policy(allow);
                for (var other : arns) {
                    assertThat(IamResourceMatcher.allows(policy, other)).as("policy for %s applied to %s", requested, other)
                            .isEqualTo(other.equals(requested));
                }
            }
        }
        assertThat(allows).as("the corpus holds allowed routes").isGreaterThan(5);
    }

    @Test
    void aResultCachedPerTokenAloneWouldServeOneRoutesPolicyToAnother() {
        var authorization = "Bearer " + tokens.rs256(c -> c.claim("scope", "payments:read"));
        var gateway = new ApiGatewayModel(authorizer, ApiGatewayModel.CacheKey.TOKEN_ONLY);
        assertThat(gateway.invoke(authorization, "GET", "payments/1")).isTrue();
        assertThat(gateway.invoke(authorization, "GET", "payments/2"))
                .as("why the stack keys the cache on method and path too: a TOKEN authorizer's cache would answer this "
                        + "configured route with the policy made for payments/1").isFalse();
        assertThat(gateway.invocations).isEqualTo(1);
    }

    @Test
    void pathsHoldingIamWildcardCharactersAreRefusedNotEchoedIntoAPolicy() {
        var authorization = "Bearer " + tokens.rs256(c -> c.claim("scope", "payments:read"));
        for (var path : List.of("payments/*", "payments/?", "payments/1*", "payments/a\u0000b")) {
            assertThat(authorizer.decide(TestTokens.requestEvent(authorization, ApiGatewayModel.STAGE_ARN + "/GET/" + path)))
                    .as(path).isInstanceOf(Decision.Deny.class);
        }
    }

    @Test
    void aRequestEventWithTwoAuthorizationHeadersIsRefused() {
        var token = "Bearer " + tokens.rs256(c -> c.claim("scope", "payments:read"));
        var arn = ApiGatewayModel.STAGE_ARN + "/GET/payments";
        assertThat(authorizer.decide(TestTokens.requestEvent(token, arn))).isInstanceOf(Decision.Allow.class);
        var twice = Map.of("type", "REQUEST", "methodArn", arn, "headers", Map.of("Authorization", token),
                "multiValueHeaders", Map.of("Authorization", List.of(token, "Bearer other")));
        assertThat(authorizer.decide(twice)).isEqualTo(new Decision.Deny("event carries no single Authorization header"));
        var twoCases = Map.of("type", "REQUEST", "methodArn", arn, "headers", Map.of("Authorization", token, "authorization", token));
        assertThat(authorizer.decide(twoCases)).isInstanceOf(Decision.Deny.class);
    }

    private static List<String[]> requests() {
        var requests = new ArrayList<String[]>();
        for (var method : METHODS) {
            for (var path : PATHS) {
                requests.add(new String[]{method, path});
            }
        }
        return requests;
    }

    /**
     * The README's rule, written independently of ScopeRoutes: {@code *} is exactly one segment of unreserved
     * characters that is not {@code .} or {@code ..}.
     */
    private static boolean configured(String scopes, String method, String path) {
        var granted = Arrays.stream(scopes.split(" ")).collect(Collectors.toSet());
        for (var entry : ROUTE_TABLE.split(";")) {
            var scope = entry.substring(0, entry.indexOf('='));
            if (!granted.contains(scope)) {
                continue;
            }
            for (var route : entry.substring(entry.indexOf('=') + 1).split(",")) {
                var routeMethod = route.substring(0, route.indexOf('/'));
                var regex = Arrays.stream(route.substring(route.indexOf('/') + 1).split("/", -1))
                        .map(s -> s.equals("*") ? "(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+" : Pattern.quote(s))
                        .collect(Collectors.joining("/"));
                if ((routeMethod.equals("*") || routeMethod.equals(method)) && path.matches(regex)) {
                    return true;
                }
            }
        }
        return false;
    }
}
