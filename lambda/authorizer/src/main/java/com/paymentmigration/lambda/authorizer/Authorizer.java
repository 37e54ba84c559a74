package com.paymentmigration.lambda.authorizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * From an API Gateway REQUEST authorizer event (a TOKEN event is read too) to a decision for exactly the requested
 * method and path. Deny by default: a token that does not verify, a malformed event, or scopes that do not open the
 * requested route all deny; no exception leaves {@link #decide}.
 *
 * <p>The allow names the requested {@code methodArn} and nothing else, because API Gateway evaluates the returned
 * policy with IAM's wildcard rules, where {@code *} also matches {@code /}. The API caches a result per token, method
 * and path (the authorizer's identity sources), so a cached policy is only ever reused for the request it was made for.
 */
public final class Authorizer {

    /** RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), tokens separated by single spaces. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    /**
     * A claim the allow hands on (principal, tenant): the stack forwards the tenant to the backend as a request
     * header, so visible ASCII at both ends and spaces only inside, at most 255 characters (OpenID Connect Core 2:
     * {@code sub} "MUST NOT exceed 255 ASCII characters"). A CR, LF or NUL is refused, not passed on.
     */
    private static final Pattern CONTEXT_VALUE = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,253}[\\x21-\\x7E])?");

    private final JwtVerifier verifier;
    private final ScopeRoutes routes;

    public Authorizer(JwtVerifier verifier, ScopeRoutes routes) {
        this.verifier = verifier;
        this.routes = routes;
    }

    public Decision decide(Map<String, ?> event) {
        try {
            if (event == null || !(event.get("methodArn") instanceof String methodArn)) {
                return new Decision.Deny("event lacks methodArn");
            }
            var header = authorization(event);
            if (header == null) {
                return new Decision.Deny("event carries no single Authorization header");
            }
            var arn = MethodArn.parse(methodArn);
            if (arn == null) {
                return new Decision.Deny("methodArn is not an execute-api method ARN without wildcard characters");
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Decision.Deny("authorization is not a Bearer token");
            }
            int start = 7;
            while (start < header.length() && header.charAt(start) == ' ') {
                start++; // RFC 6750 2.1: "Bearer" 1*SP b64token
            }
            var claims = verifier.verify(header.substring(start));
            var scopes = scopes(claims);
            if (!routes.opensAnything(scopes)) {
                return new Decision.Deny("scopes " + scopes + " open no route");
            }
            if (!routes.allows(scopes, arn.method(), arn.path())) {
                return new Decision.Deny("scopes " + scopes + " do not open " + arn.method() + " /" + arn.path());
            }
            var context = context(claims, scopes);
            return new Decision.Allow(context.get("sub"), arn.arn(), context);
        } catch (JwtVerifier.Rejected e) {
            return new Decision.Deny(e.getMessage());
        } catch (RuntimeException e) {
            return new Decision.Deny("unexpected " + e.getClass().getSimpleName());
        }
    }

    /**
     * The token header: {@code authorizationToken} of a TOKEN event, or the {@code Authorization} header (any case) of
     * a REQUEST event. Two Authorization headers are refused: which one a backend would read is not defined.
     */
    private static String authorization(Map<String, ?> event) {
        if (event.get("authorizationToken") instanceof String token) {
            return token;
        }
        if (event.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            int count = 0;
            for (var entry : multi.entrySet()) {
                if (entry.getKey() instanceof String name && name.equalsIgnoreCase("authorization")) {
                    count += entry.getValue() instanceof List<?> values ? values.size() : 1;
                }
            }
            if (count > 1) {
                return null;
            }
        }
        String found = null;
        if (event.get("headers") instanceof Map<?, ?> headers) {
            for (var entry : headers.entrySet()) {
                if (entry.getKey() instanceof String name && name.equalsIgnoreCase("authorization")) {
                    if (found != null || !(entry.getValue() instanceof String value)) {
                        return null;
                    }
                    found = value;
                }
            }
        }
        return found;
    }

    /** What the backends read from {@code $context.authorizer}: flat strings only, as API Gateway requires. */
    private static Map<String, String> context(Map<String, Object> claims, List<String> scopes) throws JwtVerifier.Rejected {
        var context = new LinkedHashMap<String, String>();
        context.put("sub", contextValue(claims, "sub"));
        var tenant = tenant(claims);
        if (tenant != null) {
            context.put("tenantId", tenant);
            context.put("routingBucket", String.valueOf(RoutingBucket.of(tenant)));
        }
        context.put("scopes", String.join(" ", scopes));
        return context;
    }

    /**
     * The tenant from {@code tenant_id} or {@code merchant_id}; null when the token names none. Either claim, when
     * present, must be a context value: one that is a number, a list or null would otherwise be skipped silently and
     * the request reach the backend without a tenant. Two claims naming two tenants refuse the token.
     */
    private static String tenant(Map<String, Object> claims) throws JwtVerifier.Rejected {
        var tenant = claims.containsKey("tenant_id") ? contextValue(claims, "tenant_id") : null;
        var merchant = claims.containsKey("merchant_id") ? contextValue(claims, "merchant_id") : null;
        if (tenant != null && merchant != null && !tenant.equals(merchant)) {
            throw new JwtVerifier.Rejected("tenant_id and merchant_id name different tenants");
        }
        return tenant != null ? tenant : merchant;
    }

    private static String contextValue(Map<String, Object> claims, String name) throws JwtVerifier.Rejected {
        if (!(claims.get(name) instanceof String value) || !CONTEXT_VALUE.matcher(value).matches()) {
            throw new JwtVerifier.Rejected(name + " is not 1-255 visible ASCII characters (spaces only inside)");
        }
        return value;
    }

    /**
     * OAuth's space-separated {@code scope}, or an {@code scp} array. A scope holding anything outside RFC 6749's
     * scope characters (a NUL, a control character, a non-ASCII letter) refuses the token: trimming it away would let
     * {@code "payments:read\u0000"} pass as {@code payments:read}.
     */
    private static List<String> scopes(Map<String, Object> claims) throws JwtVerifier.Rejected {
        var scopes = new ArrayList<String>();
        if (claims.get("scope") instanceof String text) {
            for (var s : text.split(" ", -1)) {
                if (!s.isEmpty()) {
                    scopes.add(scopeToken(s));
                }
            }
        } else if (claims.get("scp") instanceof List<?> list) {
            for (var item : list) {
                if (!(item instanceof String s)) {
                    throw new JwtVerifier.Rejected("scp holds a value that is not a string");
                }
                scopes.add(scopeToken(s));
            }
        } else if (claims.containsKey("scope") || claims.containsKey("scp")) {
            throw new JwtVerifier.Rejected("scope is not a string, or scp not an array");
        }
        return scopes;
    }

    private static String scopeToken(String scope) throws JwtVerifier.Rejected {
        if (!SCOPE_TOKEN.matcher(scope).matches()) {
            throw new JwtVerifier.Rejected("a scope holds a character outside RFC 6749's scope-token");
        }
        return scope;
    }

    /** The response API Gateway expects for an allow: principal, an IAM policy on the one method ARN, and the context. */
    public static Map<String, Object> policy(Decision.Allow allow) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", "Allow");
        statement.put("Resource", List.of(allow.methodArn()));
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
