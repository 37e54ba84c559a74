package com.paymentmigration.secrets;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.pulumi.aws.secretsmanager.SecretRotationArgs;
import com.pulumi.aws.secretsmanager.inputs.SecretRotationRotationRulesArgs;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/**
 * Automatic rotation for every credential the stack knows. The secrets themselves already exist and are only
 * fetched ({@link ExistingSecret}); this component adds the invoke permission and one rotation schedule each.
 */
public final class Secrets extends MigrationComponent {

    public static final String TYPE = "migration:secrets:Secrets";

    /** @param secrets every credential the stack fetched, by a label that names its rotation schedule */
    public Secrets(String name, StackContext stack, Map<String, ExistingSecret> secrets, Function rotation) {
        super(TYPE, name, stack);
        var permission = new Permission(name + "-rotation-invoke", PermissionArgs.builder()
                .function(rotation.name())
                .action("lambda:InvokeFunction")
                .principal("secretsmanager.amazonaws.com")
                .sourceAccount(stack.accountId())
                .build(), primary());
        secrets.forEach((label, secret) -> {
            new SecretRotation(name + "-" + label + "-rotation", SecretRotationArgs.builder()
                    .secretId(secret.arn())
                    .rotationLambdaArn(rotation.arn())
                    .rotationRules(SecretRotationRotationRulesArgs.builder()
                            .automaticallyAfterDays(stack.config().aurora().secretRotationDays()).build())
                    // A deploy must not change live database passwords mid-migration; the schedule starts it.
                    .rotateImmediately(false)
                    .build(), primary(o -> o.dependsOn(permission)));
        });
        registerOutputs(Map.of("rotatedSecrets", Output.of(List.copyOf(secrets.keySet()))));
    }
}
