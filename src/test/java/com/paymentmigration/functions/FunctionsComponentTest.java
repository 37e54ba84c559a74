package com.paymentmigration.functions;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.secrets.FetchedSecrets;
import com.paymentmigration.stack.ComponentFixture;
import com.paymentmigration.storage.Storage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

import static com.paymentmigration.stack.ComponentFixture.given;
import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** The five functions built alone (with the keys and the VPC they need): each reads exactly the secrets it is given. */
class FunctionsComponentTest {

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final FetchedSecrets SECRETS = new FetchedSecrets(
            new DatabaseSecrets(secret("given-onprem", ""), secret("given-aurora", "arn:aws:kms:eu-central-1:1:key/k")),
            Optional.of(secret("given-service", "")));

    private final StackRun run = ComponentFixture.run(stack -> {
        var keys = new EncryptionKeys("keys", stack);
        new Functions("functions", stack, keys, ComponentFixture.network(stack, VpcRole.MIGRATION, keys), SECRETS,
                new Storage.Bucket(given("given-checkpoints"), given("arn:aws:s3:::given-checkpoints")));
    });

    @Test
    void theValidatorAndReplicationOpsReadTheOnPremSecretAsSourceAndAuroraAsTarget() {
        var validator = run.one(FUNCTION, "functions-validator");
        assertThat(validator.stringInput("environment.variables.SOURCE_SECRET_ID")).contains("given-onprem");
        assertThat(validator.stringInput("environment.variables.TARGET_SECRET_ID")).contains("given-aurora");
        assertThat(validator.stringInput("environment.variables.CHECKPOINT_BUCKET")).isEqualTo("given-checkpoints");
        var ops = run.one(FUNCTION, "functions-replication-ops");
        assertThat(ops.stringInput("environment.variables.ONPREM_SECRET_ID")).contains("given-onprem");
        assertThat(ops.stringInput("environment.variables.AURORA_SECRET_ID")).contains("given-aurora");
    }

    @Test
    void rotationAlternatesUsersForEverySecretButTheAuroraMasterAndReadsItsThreeParameters() {
        var rotation = run.one(FUNCTION, "functions-rotation");
        assertThat(rotation.stringInput("environment.variables.ALTERNATING_SECRET_ARNS"))
                .contains("given-onprem", "given-service").doesNotContain("given-aurora");
        assertThat(run.one("aws:iam/rolePolicy:RolePolicy", "functions-rotation-policy").stringInput("policy")).contains(
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/rotation/ca-certificates",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/write-freeze",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/phase",
                "arn:aws:kms:eu-central-1:1:key/k");
    }

    @Test
    void theAuthorizerRunsOnTheArchitectureItsNativeProviderIsBuiltFor() throws Exception {
        assertThat(run.one(FUNCTION, "functions-authorizer").input("architectures"))
                .hasValue(List.of(AuthorizerFunction.ARCHITECTURE));
        for (var pom : List.of("lambda/pom.xml", "lambda/authorizer/pom.xml")) {
            assertThat(Files.readString(Path.of(pom))).as(pom)
                    .contains("<artifactId>AmazonCorrettoCryptoProvider</artifactId>")
                    .contains("<classifier>linux-" + AuthorizerFunction.ARCHITECTURE + "</classifier>");
        }
        // What the function really ships: the native library in the jar it deploys is an x86-64 ELF object.
        try (var jar = new JarFile(AuthorizerFunction.JAR)) {
            var library = jar.getEntry("com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so");
            assertThat(library).as("ACCP's native library in " + AuthorizerFunction.JAR).isNotNull();
            try (var in = jar.getInputStream(library)) {
                var header = in.readNBytes(20);
                assertThat((header[18] & 0xFF) | (header[19] & 0xFF) << 8).as("ELF e_machine (0x3E: x86-64)")
                        .isEqualTo(AuthorizerFunction.ARCHITECTURE.equals("x86_64") ? 0x3E : 0xB7);
            }
        }
    }

    @Test
    void theTriggerStartsTheRollbackMachineAndEveryFunctionSharesTheCommonWiring() {
        assertThat(run.one(FUNCTION, "functions-trigger").stringInput("environment.variables.STATE_MACHINE_ARN"))
                .isEqualTo("arn:aws:states:eu-central-1:123456789012:stateMachine:migration-rollback-dev");
        assertThat(run.ofType(FUNCTION)).hasSize(5).allSatisfy(function -> {
            assertThat(function.stringInput("runtime")).isEqualTo(LambdaFunction.RUNTIME);
            assertThat(function.stringInput("tracingConfig.mode")).isEqualTo(LambdaFunction.TRACING_MODE);
            assertThat(function.input("vpcConfig.subnetIds")).isPresent();
            assertThat(function.stringInput("loggingConfig.logGroup")).startsWith("/migration/dev/");
        });
    }
}
