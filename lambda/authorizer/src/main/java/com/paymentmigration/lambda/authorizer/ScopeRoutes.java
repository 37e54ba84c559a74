package com.paymentmigration.lambda.authorizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which API routes each scope opens, from configuration such as
 * {@code payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds}.
 */
public final class ScopeRoutes {

    private static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\*)/[A-Za-z0-9_./*{}-]*");
    private final Map<String, List<String>> routes;

    private ScopeRoutes(Map<String, List<String>> routes) {
        this.routes = routes;
    }

    /** Fails on a malformed entry: a typo must not silently open or close a route. */
    public static ScopeRoutes parse(String text) {
        var routes = new LinkedHashMap<String, List<String>>();
        for (var entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("scope route '" + entry + "' is not scope=METHOD/path,...");
            }
            var list = new ArrayList<String>();
            for (var route : entry.substring(eq + 1).split(",")) {
                if (!ROUTE.matcher(route.trim()).matches()) {
                    throw new IllegalArgumentException("route '" + route + "' of scope " + entry.substring(0, eq)
                            + " is not METHOD/path (e.g. GET/payments/*)");
                }
                list.add(route.trim());
            }
            routes.put(entry.substring(0, eq).trim(), List.copyOf(list));
        }
        return new ScopeRoutes(Map.copyOf(routes));
    }

    /** The method/path patterns the given scopes open, in scope order, without duplicates. */
    public List<String> routesFor(List<String> scopes) {
        return scopes.stream().flatMap(s -> routes.getOrDefault(s, List.of()).stream()).distinct().toList();
    }
}
