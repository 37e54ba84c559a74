package com.paymentmigration.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.core.StackContext;
import com.pulumi.aws.kms.KmsFunctions;
import com.pulumi.aws.kms.inputs.GetKeyArgs;
import com.pulumi.aws.kms.outputs.GetKeyResult;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretArgs;
import com.pulumi.aws.secretsmanager.inputs.GetSecretVersionArgs;
import com.pulumi.aws.secretsmanager.outputs.GetSecretResult;
import com.pulumi.aws.secretsmanager.outputs.GetSecretVersionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.io.IOException;

/**
 * A secret that exists before the stack and is never created by it (the database team owns the credentials):
 * looked up by name, so the stack knows its ARN and key and can configure its rotation.
 *
 * @param kmsKeyArn the ARN of the customer key the secret is encrypted with, or empty for the AWS-managed key.
 *                  DescribeSecret's KmsKeyId may be a key id, an alias or an alias ARN; IAM matches kms: actions on
 *                  the key ARN only, so the key is looked up (kms getKey answers with the key's ARN).
 */
public record ExistingSecret(String name, Output<String> arn, Output<String> kmsKeyArn) {

    public static ExistingSecret fetch(StackContext stack, String name) {
        var options = InvokeOptions.builder().provider(stack.providers().primary()).build();
        var secret = SecretsmanagerFunctions.getSecret(GetSecretArgs.builder().name(name).build(), options);
        var keyArn = secret.applyValue(s -> s.kmsKeyId() == null ? "" : s.kmsKeyId()).apply(keyId -> keyId.isEmpty()
                ? Output.of("")
                : KmsFunctions.getKey(GetKeyArgs.builder().keyId(keyId).build(), options).applyValue(GetKeyResult::arn));
        return new ExistingSecret(name, secret.applyValue(GetSecretResult::arn), keyArn);
    }

    /**
     * The username and password of the current version, as secrets. Only the Aurora master credentials are read:
     * a global database cannot use an RDS-managed master password, so the primary cluster needs the value, which
     * Pulumi then keeps encrypted in state. Everything else passes the ARN, never the value.
     */
    public Credentials currentCredentials(StackContext stack) {
        var value = SecretsmanagerFunctions.getSecretVersion(GetSecretVersionArgs.builder()
                        .secretId(arn).versionStage("AWSCURRENT").build(),
                InvokeOptions.builder().provider(stack.providers().primary()).build())
                .applyValue(GetSecretVersionResult::secretString);
        return new Credentials(value.applyValue(v -> field(v, "username")).asSecret(),
                value.applyValue(v -> field(v, "password")).asSecret());
    }

    public record Credentials(Output<String> username, Output<String> password) {
    }

    private String field(String secretString, String field) {
        try {
            var node = new ObjectMapper().readTree(secretString == null ? "" : secretString);
            if (node == null || !node.path(field).isTextual() || node.path(field).asText().isEmpty()) {
                throw new IllegalStateException("secret " + name + " has no '" + field + "'; it must hold the PostgreSQL "
                        + "credentials as JSON: engine, host, port, username, password, dbname");
            }
            return node.path(field).asText();
        } catch (IOException e) {
            throw new IllegalStateException("secret " + name + " is not JSON; it must hold engine, host, port, username, "
                    + "password and dbname (value not shown)");
        }
    }
}
