package com.paymentmigration.iam;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Structural checks of an IAM policy document, as IAM would reject it, plus our least-privilege rule. */
public final class PolicyChecks {

    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
    /**
     * Actions that accept no resource narrower than "*" (IAM service authorization reference); anything else
     * with Resource "*" in an identity policy is a finding.
     */
    public static final Set<String> RESOURCE_WILDCARD_ONLY = Set.of(
            "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:DescribeAlarms",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
            "ec2:DescribeSecurityGroups", "secretsmanager:GetRandomPassword", "dms:DescribeReplicationTasks",
            "dms:DescribeEndpoints", "dms:DescribeReplicationInstances", "dms:DescribeConnections",
            "ecr:GetAuthorizationToken", "apigateway:GET");

    private PolicyChecks() {
    }

    /** Problems that would make IAM reject the document, or make it mean something other than intended. */
    public static List<String> structure(JsonNode document) {
        var problems = new ArrayList<String>();
        if (!"2012-10-17".equals(document.path("Version").asText())) {
            problems.add("Version must be 2012-10-17");
        }
        var statements = document.path("Statement");
        if (!statements.isArray() || statements.isEmpty()) {
            problems.add("Statement must be a non-empty array");
            return problems;
        }
        var sids = new java.util.HashSet<String>();
        for (var s : statements) {
            var sid = s.path("Sid").asText("");
            if (!sid.isEmpty() && !sids.add(sid)) {
                problems.add("Sid " + sid + " is used twice");
            }
            var effect = s.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                problems.add(sid + ": Effect must be Allow or Deny");
            }
            var actions = list(s.path("Action"));
            if (actions.isEmpty()) {
                problems.add(sid + ": no Action");
            }
            actions.stream().filter(a -> !a.equals("*") && !ACTION.matcher(a).matches())
                    .forEach(a -> problems.add(sid + ": action '" + a + "' is not service:Action"));
            if (!s.has("Resource") && !s.has("Principal")) {
                problems.add(sid + ": needs a Resource (identity policy) or a Principal (resource policy)");
            }
        }
        return problems;
    }

    /** Allow statements of an identity policy that use Resource "*" for actions that can be scoped. */
    public static List<String> unscopedWildcards(JsonNode document) {
        var problems = new ArrayList<String>();
        for (var s : document.path("Statement")) {
            if (!"Allow".equals(s.path("Effect").asText()) || !list(s.path("Resource")).contains("*")) {
                continue;
            }
            for (var action : list(s.path("Action"))) {
                if (!RESOURCE_WILDCARD_ONLY.contains(action)) {
                    problems.add(s.path("Sid").asText("?") + ": " + action + " on Resource \"*\"; scope it to the "
                            + "resource it needs");
                }
            }
        }
        return problems;
    }

    /** Every action an Allow statement grants. */
    public static Set<String> allowedActions(JsonNode document) {
        var actions = new java.util.TreeSet<String>();
        for (var s : document.path("Statement")) {
            if ("Allow".equals(s.path("Effect").asText())) {
                actions.addAll(list(s.path("Action")));
            }
        }
        return actions;
    }

    static List<String> list(JsonNode node) {
        var values = new ArrayList<String>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        }
        return values;
    }
}
