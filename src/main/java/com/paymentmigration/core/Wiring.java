package com.paymentmigration.core;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.naming.NameRule;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/** The two patterns every component repeats: an encrypted log group, and a service role with its inline policy. */
public final class Wiring {

    private Wiring() {
    }

    /** A log group under {@code /migration/<suffix>/}, encrypted with the region's key, with the configured retention. */
    public static LogGroup logGroup(String logicalName, StackContext stack, String purpose, Output<String> keyArn,
                                    CustomResourceOptions options) {
        return logGroupNamed(logicalName, stack, stack.names().logGroup(purpose), keyArn, options);
    }

    /** A log group whose name a service dictates (DMS, API Gateway), encrypted and retained like our own. */
    public static LogGroup logGroupNamed(String logicalName, StackContext stack, String name, Output<String> keyArn,
                                         CustomResourceOptions options) {
        return new LogGroup(logicalName, LogGroupArgs.builder()
                .name(name)
                .kmsKeyId(keyArn)
                .retentionInDays(stack.config().logRetentionDays())
                .build(), options);
    }

    /** A role that only {@code service} may assume, from our account; and its inline policy. */
    public record ServiceRole(Role role, RolePolicy policy) {
        public Output<String> arn() {
            return role.arn();
        }
    }

    public static ServiceRole serviceRole(String logicalName, StackContext stack, String purpose, String service,
                                          String description, Output<String> policy, CustomResourceOptions options) {
        return serviceRole(logicalName, stack, purpose, List.of(service), description, policy, options);
    }

    /** As above, for a service that assumes roles under more than one principal (e.g. DMS's regional one). */
    public static ServiceRole serviceRole(String logicalName, StackContext stack, String purpose, List<String> services,
                                          String description, Output<String> policy, CustomResourceOptions options) {
        var role = new Role(logicalName + "-role", RoleArgs.builder()
                .name(stack.names().of(NameRule.IAM_ROLE, purpose))
                .description(description)
                .assumeRolePolicy(stack.accountId().applyValue(account -> PolicyDocument.trust(services, account).toJson()))
                .build(), options);
        // Resources that assume the role depend on this policy, not just the role: IAM is eventually consistent.
        var rolePolicy = new RolePolicy(logicalName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(policy)
                .build(), options);
        return new ServiceRole(role, rolePolicy);
    }

    /**
     * A role with an AWS-managed policy attached, for the account settings services look up (DMS's roles, API
     * Gateway's logging role). Resources that use the role depend on the attachment, not just the role.
     *
     * @param trust the trust policy as AWS documents it for that role
     */
    public record ManagedRole(Role role, RolePolicyAttachment attachment) {
    }

    public static ManagedRole managedPolicyRole(String logicalName, String roleName, String description,
                                                         Output<String> trust, String policyArn,
                                                         CustomResourceOptions options) {
        var role = new Role(logicalName, RoleArgs.builder()
                .name(roleName)
                .description(description)
                .assumeRolePolicy(trust)
                .build(), options);
        return new ManagedRole(role, new RolePolicyAttachment(logicalName + "-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(policyArn)
                .build(), options));
    }
}
