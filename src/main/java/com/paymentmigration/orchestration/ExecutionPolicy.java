package com.paymentmigration.orchestration;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine's execution role policy, written from what its definition calls ({@link Flow#permissions}): one
 * statement per action, on exactly the resources the Tasks name; plus log delivery, X-Ray and the key.
 */
public final class ExecutionPolicy {

    /** Step Functions delivers logs through CloudWatch Logs' vended-log API, which takes no narrower resource. */
    static final List<String> LOG_DELIVERY = List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");
    static final List<String> TRACING = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets");

    private ExecutionPolicy() {
    }

    /**
     * @param keyArn the region's key: it encrypts the state machine's data, the topics and the buckets written to
     */
    public static String of(Map<String, Set<String>> permissions, String keyArn) {
        var document = PolicyDocument.of();
        permissions.forEach((action, resources) -> document.and(Statement.allow(sid(action)).actions(action)
                .resources(resources.stream().sorted().toList())));
        return document
                .and(Statement.allow("DeliverLogs").actions(LOG_DELIVERY).resources("*"))
                .and(Statement.allow("Trace").actions(TRACING).resources("*"))
                .and(Statement.allow("UseTheKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(keyArn))
                .toJson();
    }

    /** {@code ssm:PutParameter} to {@code SsmPutParameter}. */
    static String sid(String action) {
        var service = action.substring(0, action.indexOf(':'));
        return Character.toUpperCase(service.charAt(0)) + service.substring(1) + action.substring(action.indexOf(':') + 1);
    }
}
