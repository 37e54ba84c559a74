package com.paymentmigration.secrets;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.pulumi.aws.secretsmanager.SecretRotationArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretRotationArgs;
import com.pulumi.aws.secretsmanager.inputs.SecretRotationRotationRulesArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;
import java.util.Map;

/**
 * Automatic rotation for every credential the stack knows. The secrets themselves already exist and are only
 * fetched ({@link ExistingSecret}); this component adds the invoke permission and one rotation schedule each, in
 * its own window ({@link RotationWindow}), and refuses a secret another function rotates today ({@link RotationOwner}).
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
        var settings = stack.config().secretRotation();
        var options = InvokeOptions.builder().provider(stack.providers().primary()).build();
        int index = 0;
        for (var entry : secrets.entrySet()) {
            var secret = entry.getValue();
            var window = RotationWindow.of(settings, index++);
            var today = SecretsmanagerFunctions.getSecretRotation(GetSecretRotationArgs.builder().secretId(secret.arn())
                    .build(), options);
            var checkedArn = Output.tuple(secret.arn(), today, rotation.arn()).applyValue(t -> {
                RotationOwner.requireOursOrAllowed(secret.name(), Boolean.TRUE.equals(t.t2.rotationEnabled()),
                        t.t2.rotationLambdaArn(), t.t3, settings.takeOver());
                return t.t1;
            });
            new SecretRotation(name + "-" + entry.getKey() + "-rotation", SecretRotationArgs.builder()
                    .secretId(checkedArn)
                    .rotationLambdaArn(rotation.arn())
                    .rotationRules(SecretRotationRotationRulesArgs.builder()
                            .scheduleExpression(window.scheduleExpression())
                            .duration(window.duration()).build())
                    // A deploy must not change live database passwords mid-migration; the schedule starts it.
                    .rotateImmediately(false)
                    .build(), primary(o -> o.dependsOn(permission)));
        }
        registerOutputs(Map.of("rotatedSecrets", Output.of(List.copyOf(secrets.keySet()))));
    }
}
