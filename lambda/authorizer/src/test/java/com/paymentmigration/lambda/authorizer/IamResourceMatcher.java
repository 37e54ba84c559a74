package com.paymentmigration.lambda.authorizer;

import java.util.List;
import java.util.Map;

/**
 * How IAM matches a policy's Resource against a request's ARN: case-sensitive, {@code *} matches any run of
 * characters (including none, and including {@code /}), {@code ?} matches exactly one character; everything else is
 * literal. Explicit Deny wins over Allow; nothing matching means deny. Written here, from the IAM documentation, so
 * the authorizer's policies are judged by IAM's rules rather than by the authorizer's own idea of them.
 */
final class IamResourceMatcher {

    private IamResourceMatcher() {
    }

    static boolean matches(String pattern, String arn) {
        return matches(pattern, 0, arn, 0);
    }

    private static boolean matches(String pattern, int p, String arn, int a) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int skip = a; skip <= arn.length(); skip++) {
                    if (matches(pattern, p + 1, arn, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (a >= arn.length() || (c != '?' && c != arn.charAt(a))) {
                return false;
            }
            p++;
            a++;
        }
        return a == arn.length();
    }

    /** Whether an authorizer response's policy lets {@code execute-api:Invoke} on {@code arn}. */
    @SuppressWarnings("unchecked")
    static boolean allows(Map<String, Object> response, String arn) {
        var document = (Map<String, Object>) response.get("policyDocument");
        boolean allowed = false;
        for (var statement : (List<Map<String, Object>>) document.get("Statement")) {
            if (!actionMatches(statement.get("Action"))) {
                continue;
            }
            var resources = statement.get("Resource") instanceof List<?> list ? list : List.of(statement.get("Resource"));
            boolean hit = resources.stream().anyMatch(r -> matches((String) r, arn));
            if (hit && "Deny".equals(statement.get("Effect"))) {
                return false;
            }
            allowed |= hit && "Allow".equals(statement.get("Effect"));
        }
        return allowed;
    }

    private static boolean actionMatches(Object action) {
        var actions = action instanceof List<?> list ? list : List.of(action);
        return actions.stream().anyMatch(a -> matches(((String) a).toLowerCase(), "execute-api:invoke"));
    }
}
