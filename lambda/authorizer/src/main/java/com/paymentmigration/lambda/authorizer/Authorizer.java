package com.paymentmigration.lambda.authorizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * From an API Gateway TOKEN authorizer event to a decision. Deny by default: a token that does not verify, a
 * malformed event, or scopes that open nothing all deny; no exception leaves {@link #decide}.
 */
public final class Authorizer {

    /** arn:aws:execute-api:region:account:apiId/stage/METHOD/path */
    private static final Pattern METHOD_ARN = Pattern.compile("(arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\\d{12}:[A-Za-z0-9]+/[A-Za-z0-9_-]+)/.*");

    private final JwtVerifier verifier;
    private final ScopeRoutes routes;

    public Authorizer(JwtVerifier verifier, ScopeRoutes routes) {
        this.verifier = verifier;
        this.routes = routes;
    }

    public Decision decide(Map<String, ?> event) {
        try {
            if (event == null || !(event.get("authorizationToken") instanceof String header)
                    || !(event.get("methodArn") instanceof String methodArn)) {
                return new Decision.Deny("event lacks authorizationToken or methodArn");
            }
            var arn = METHOD_ARN.matcher(methodArn);
            if (!arn.matches()) {
                return new Decision.Deny("methodArn is not an execute-api ARN");
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Decision.Deny("authorization is not a Bearer token");
            }
            var claims = verifier.verify(header.substring(7).trim());
            var scopes = scopes(claims);
            var allowed = routes.routesFor(scopes);
            if (allowed.isEmpty()) {
                return new Decision.Deny("scopes " + scopes + " open no route");
            }
            var resources = allowed.stream().map(r -> arn.group(1) + "/" + r).toList();
            return new Decision.Allow((String) claims.get("sub"), resources, context(claims, scopes));
        } catch (JwtVerifier.Rejected e) {
            return new Decision.Deny(e.getMessage());
        } catch (RuntimeException e) {
            return new Decision.Deny("unexpected " + e.getClass().getSimpleName());
        }
    }

    /** What the backends read from {@code $context.authorizer}: flat strings only, as API Gateway requires. */
    private static Map<String, String> context(Map<String, Object> claims, List<String> scopes) {
        var context = new LinkedHashMap<String, String>();
        context.put("sub", (String) claims.get("sub"));
        var tenant = claims.get("tenant_id") instanceof String t ? t : claims.get("merchant_id") instanceof String m ? m : null;
        if (tenant != null) {
            context.put("tenantId", tenant);
            context.put("routingBucket", String.valueOf(RoutingBucket.of(tenant)));
        }
        context.put("scopes", String.join(" ", scopes));
        return context;
    }

    /** OAuth's space-separated {@code scope}, or an {@code scp} array. */
    private static List<String> scopes(Map<String, Object> claims) {
        var scopes = new ArrayList<String>();
        if (claims.get("scope") instanceof String text) {
            for (var s : text.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        } else if (claims.get("scp") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
        }
        return scopes;
    }

    /** The response API Gateway expects for an allow: principal, an IAM policy on the routes, and the context. */
    public static Map<String, Object> policy(Decision.Allow allow) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", "Allow");
        statement.put("Resource", allow.resources());
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        var response = new LinkedHashMap<String, Object>();
        response.put("principalId", allow.principalId());
        response.put("policyDocument", document);
        response.put("context", allow.context());
        return response;
    }
}
