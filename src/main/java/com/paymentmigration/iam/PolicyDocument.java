package com.paymentmigration.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An IAM policy document (identity, trust, key, bucket or topic policy) rendered as the JSON AWS takes.
 * Built from plain values, so policies are written and tested without Pulumi; components pass the
 * resource ARNs in once their outputs are known ({@code Output.applyValue}).
 */
public final class PolicyDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Statement> statements = new ArrayList<>();

    public static PolicyDocument of(Statement... statements) {
        var document = new PolicyDocument();
        document.statements.addAll(List.of(statements));
        return document;
    }

    public PolicyDocument and(Statement statement) {
        statements.add(statement);
        return this;
    }

    /**
     * Use of the customer-managed keys among {@code keyArns}, if any: an empty ARN stands for the AWS-managed key,
     * which needs no grant (and accepts none). Each key is named once.
     */
    public PolicyDocument andKeyUse(String sid, List<String> keyArns, String... actions) {
        var customerKeys = keyArns.stream().filter(k -> !k.isEmpty()).distinct().toList();
        return customerKeys.isEmpty() ? this : and(Statement.allow(sid).actions(actions).resources(customerKeys));
    }

    /** A trust policy letting the given service principal assume a role, only from our own account. */
    public static PolicyDocument trust(String service, String accountId) {
        return trust(List.of(service), accountId);
    }

    /** As above, for several principals of one service (DMS assumes roles as dms and as dms.<region>). */
    public static PolicyDocument trust(List<String> services, String accountId) {
        return of(Statement.allow("TrustService").service(services.toArray(String[]::new)).actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId));
    }

    public String toJson() {
        var root = JSON.createObjectNode();
        root.put("Version", "2012-10-17");
        var array = root.putArray("Statement");
        for (var s : statements) {
            var node = array.addObject();
            node.put("Sid", s.sid);
            node.put("Effect", s.effect);
            if (!s.principals.isEmpty()) {
                if (s.principals.containsKey("*")) {
                    node.put("Principal", "*");
                } else {
                    var principal = node.putObject("Principal");
                    s.principals.forEach((type, ids) -> values(principal, type, ids));
                }
            }
            values(node, "Action", s.actions);
            if (!s.resources.isEmpty()) {
                values(node, "Resource", s.resources);
            }
            if (!s.conditions.isEmpty()) {
                var condition = node.putObject("Condition");
                s.conditions.forEach((operator, entries) -> {
                    var op = condition.putObject(operator);
                    entries.forEach((key, vals) -> values(op, key, vals));
                });
            }
        }
        return root.toString();
    }

    /** One value as a string, several as an array: the shape AWS itself returns. */
    private static void values(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.get(0));
        } else {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
