package com.paymentmigration.secrets;

import com.paymentmigration.stack.ComponentFixture;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** The rotation schedules built alone: each given secret rotated by the given function. */
class SecretsComponentTest {

    @Test
    void everyGivenSecretIsRotatedByTheGivenFunction() {
        var run = ComponentFixture.run(stack -> {
            var rotation = new Function("given-rotation", FunctionArgs.builder().runtime("java21").handler("h::r")
                    .role("arn:aws:iam::123456789012:role/r").code(new FileArchive("stand-in.jar")).build());
            var secrets = new LinkedHashMap<String, ExistingSecret>();
            secrets.put("source", secret("given-onprem", ""));
            secrets.put("service-db", secret("given-service", ""));
            new Secrets("secrets", stack, secrets, rotation);
        });

        for (var label : new String[] {"source", "service-db"}) {
            var rotation = run.one("aws:secretsmanager/secretRotation:SecretRotation", "secrets-" + label + "-rotation");
            assertThat(rotation.stringInput("rotationLambdaArn")).as(label).endsWith(":function:given-rotation");
            assertThat(rotation.input("rotateImmediately")).as(label).contains(false);
        }
        assertThat(run.one("aws:secretsmanager/secretRotation:SecretRotation", "secrets-source-rotation")
                .stringInput("secretId")).contains("given-onprem");
        assertThat(run.one("aws:lambda/permission:Permission", "secrets-rotation-invoke").stringInput("principal"))
                .isEqualTo("secretsmanager.amazonaws.com");
    }
}
