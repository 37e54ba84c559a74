package com.paymentmigration.rehearsal.iam;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evaluates a principal's identity-based policies for one request, as IAM's policy evaluation logic documents it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit Deny in
 * any statement wins; otherwise an Allow grants; otherwise the request is implicitly denied. Action and NotAction
 * match case-insensitively, Resource and NotResource case-sensitively; {@code *} and {@code ?} are wildcards in
 * both. ARNs are matched segment by segment for partition, service, region and account, then the resource part
 * as a whole (a {@code *} there spans {@code /} and {@code :}), as
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html describes.
 * Conditions and policy variables are not modelled: a statement using them is rejected, naming it, rather than
 * guessed at.
 */
public final class IdentityPolicies {

    public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private final List<JsonNode> statements = new ArrayList<>();

    private IdentityPolicies() {
    }

    /** The policies attached to one principal (each a parsed policy document). */
    public static IdentityPolicies of(List<JsonNode> documents) {
        var policies = new IdentityPolicies();
        for (var document : documents) {
            var statement = document.get("Statement");
            if (statement == null) {
                throw new IllegalArgumentException("a policy document has no Statement: " + document);
            }
            for (var s : statement.isArray() ? statement : List.of(statement)) {
                check(s);
                policies.statements.add(s);
            }
        }
        return policies;
    }

    public Decision evaluate(String action, String resource) {
        boolean allowed = false;
        for (var statement : statements) {
            if (!matchesAction(statement, action) || !matchesResource(statement, resource)) {
                continue;
            }
            if (statement.get("Effect").asText().equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static void check(JsonNode statement) {
        var effect = statement.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("statement " + sid(statement) + " has Effect '" + effect
                    + "'; IAM takes Allow or Deny");
        }
        if (statement.has("Action") == statement.has("NotAction")) {
            throw new IllegalArgumentException("statement " + sid(statement) + " needs exactly one of Action, NotAction");
        }
        if (statement.has("Resource") == statement.has("NotResource")) {
            throw new IllegalArgumentException("statement " + sid(statement)
                    + " needs exactly one of Resource, NotResource (an identity policy names what it applies to)");
        }
        if (statement.has("Condition") || statement.toString().contains("${")) {
            throw new IllegalArgumentException("statement " + sid(statement)
                    + " uses a condition or a policy variable, which this evaluator does not model");
        }
    }

    private static boolean matchesAction(JsonNode statement, String action) {
        boolean negated = statement.has("NotAction");
        boolean any = values(statement.get(negated ? "NotAction" : "Action")).stream()
                .anyMatch(pattern -> glob(pattern.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches());
        return negated != any;
    }

    private static boolean matchesResource(JsonNode statement, String resource) {
        boolean negated = statement.has("NotResource");
        boolean any = values(statement.get(negated ? "NotResource" : "Resource")).stream()
                .anyMatch(pattern -> arnMatches(pattern, resource));
        return negated != any;
    }

    /** {@code arn:partition:service:region:account:resource}, the last part possibly holding more colons. */
    static boolean arnMatches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        var patternParts = pattern.split(":", 6);
        var arnParts = arn.split(":", 6);
        if (patternParts.length != 6 || arnParts.length != 6) {
            // Something that is not an ARN matches only what is not an ARN either (IAM's resource "*" aside).
            return !pattern.startsWith("arn:") && !arn.startsWith("arn:") && glob(pattern).matcher(arn).matches();
        }
        for (int i = 0; i < 6; i++) {
            if (!glob(patternParts[i]).matcher(arnParts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String pattern) {
        var regex = new StringBuilder();
        for (var c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<String> values(JsonNode node) {
        var list = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(value -> list.add(value.asText()));
        } else {
            list.add(node.asText());
        }
        return list;
    }

    private static String sid(JsonNode statement) {
        return statement.has("Sid") ? "'" + statement.get("Sid").asText() + "'" : statement.toString();
    }
}
