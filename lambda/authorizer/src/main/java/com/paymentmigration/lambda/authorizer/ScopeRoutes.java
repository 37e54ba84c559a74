package com.paymentmigration.lambda.authorizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which API routes each scope opens, from configuration such as
 * {@code payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds}. A route is a method
 * (or {@code *} for any) and a path of segments; a {@code *} segment matches exactly one segment, never a
 * {@code /}. The decision is made here, in code, for the one requested method and path: IAM's own wildcards in a
 * policy would also match across {@code /}.
 *
 * <p>What a {@code *} matches is one segment of RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) that is
 * not a dot-segment: {@code payments/..} would otherwise pass as a payment id and reach {@code /} at any backend that
 * removes dot-segments (RFC 3986 5.2.4), and a {@code %2F}, {@code %2E} or backslash in a segment is a separator or a
 * dot to a backend that decodes or normalises before routing. The same characters make a literal route segment, where
 * {@code .} and {@code ..} are refused too.
 */
public final class ScopeRoutes {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]+");

    /** One configured route; {@code method} null means any method. */
    record Route(String method, List<String> segments) {

        boolean matches(String requestMethod, String path) {
            if (method != null && !method.equals(requestMethod)) {
                return false;
            }
            var requested = path.isEmpty() ? new String[0] : path.split("/", -1);
            if (requested.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < requested.length; i++) {
                var pattern = segments.get(i);
                boolean ok = pattern.equals("*") ? isPlainSegment(requested[i]) : pattern.equals(requested[i]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, List<Route>> routes;

    private ScopeRoutes(Map<String, List<Route>> routes) {
        this.routes = routes;
    }

    /** Fails on a malformed entry: a typo must not silently open or close a route. */
    public static ScopeRoutes parse(String text) {
        var routes = new LinkedHashMap<String, List<Route>>();
        for (var entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("scope route '" + entry + "' is not scope=METHOD/path,...");
            }
            var scope = entry.substring(0, eq).trim();
            var list = new ArrayList<Route>();
            for (var route : entry.substring(eq + 1).split(",")) {
                list.add(route(scope, route.trim()));
            }
            routes.put(scope, List.copyOf(list));
        }
        return new ScopeRoutes(Map.copyOf(routes));
    }

    private static Route route(String scope, String text) {
        int slash = text.indexOf('/');
        var method = slash < 0 ? text : text.substring(0, slash);
        if (slash < 0 || !(method.equals("*") || METHODS.contains(method))) {
            throw new IllegalArgumentException("route '" + text + "' of scope " + scope
                    + " is not METHOD/path (e.g. GET/payments/*); METHOD is one of " + METHODS + " or *");
        }
        var path = text.substring(slash + 1);
        var segments = path.isEmpty() ? List.<String>of() : Arrays.asList(path.split("/", -1));
        for (var segment : segments) {
            if (!segment.equals("*") && !isPlainSegment(segment)) {
                throw new IllegalArgumentException("route '" + text + "' of scope " + scope + " has the segment '"
                        + segment + "': a segment is * (exactly one segment) or letters, digits and ._~-, not . or ..");
            }
        }
        return new Route(method.equals("*") ? null : method, List.copyOf(segments));
    }

    /** One non-empty segment of unreserved characters that is not a dot-segment (see the class comment). */
    private static boolean isPlainSegment(String segment) {
        return UNRESERVED.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..");
    }

    /** Whether any of the scopes opens this method on this path (relative to the stage, without a leading /). */
    public boolean allows(List<String> scopes, String method, String path) {
        for (var scope : scopes) {
            for (var route : routes.getOrDefault(scope, List.of())) {
                if (route.matches(method, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the scopes open anything at all (a token whose scopes open nothing is refused as such). */
    public boolean opensAnything(List<String> scopes) {
        for (var scope : scopes) {
            if (routes.containsKey(scope)) {
                return true;
            }
        }
        return false;
    }
}
