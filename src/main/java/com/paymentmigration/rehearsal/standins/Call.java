package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.executor.TaskInvocation;
import com.paymentmigration.rehearsal.iam.IdentityPolicies;
import software.amazon.awssdk.core.SdkPojo;

import java.time.Instant;
import java.util.Set;

/**
 * One AWS call in progress: the caller's identity and the service's error conventions. Errors take Step Functions'
 * form for SDK integrations, {@code <ServiceName>.<ErrorName>} in PascalCase with an {@code Exception} suffix even
 * where the service's own name lacks it (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 *
 * @param errorPrefix the service as Step Functions names it in errors ({@code Ssm}, {@code DatabaseMigration}...)
 * @param validationError the error the service answers a request that breaks its model with
 * @param callerArn   the role whose policies authorise the call
 */
public record Call(TaskInvocation invocation, String errorPrefix, String validationError, String callerArn,
                   IdentityPolicies policies) {

    public Instant time() {
        return invocation.time();
    }

    public JsonNode arguments() {
        return invocation.arguments();
    }

    /** The arguments read as the operation's request; a model violation fails as the service's validation error. */
    public <T extends SdkPojo> T request(Class<T> type, String... extraMembers) throws TaskFailure {
        try {
            return SdkShapes.read(type, arguments(), Set.of(extraMembers));
        } catch (SdkShapes.Violation e) {
            throw error(validationError, e.getMessage());
        }
    }

    /** IAM's decision on {@code action} against {@code resource}, failing the call as AWS does when not allowed. */
    public void authorize(String action, String resource) throws TaskFailure {
        var decision = policies.evaluate(action, resource);
        if (decision != IdentityPolicies.Decision.ALLOW) {
            var role = callerArn.substring(callerArn.lastIndexOf('/') + 1);
            var account = callerArn.split(":")[4];
            throw error("AccessDeniedException", "User: arn:aws:sts::" + account + ":assumed-role/" + role
                    + "/rehearsal is not authorized to perform: " + action + " on resource: " + resource + " because "
                    + (decision == IdentityPolicies.Decision.EXPLICIT_DENY ? "an explicit deny in an identity-based policy"
                    : "no identity-based policy allows the " + action + " action"));
        }
    }

    /** The service's error {@code name} (as its API reference spells it) in Step Functions' form. */
    public TaskFailure error(String name, String message) {
        var error = name.endsWith("Exception") ? name : name + "Exception";
        return new TaskFailure(errorPrefix + "." + error, message + " (Service: " + errorPrefix + ", Error Code: "
                + name + ")");
    }
}
