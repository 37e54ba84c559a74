package com.paymentmigration.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.functions.RotationFunction;
import com.paymentmigration.functions.FunctionsTestAccess;
import com.paymentmigration.plan.PlanMocks;
import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsStackTest {

    private static final String SOURCE = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dev/payments/onprem-postgres-AbCdEf";
    private static final String MASTER = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dev/payments/aurora-master-AbCdEf";
    private static final String SERVICE = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dev/payments/service-db-AbCdEf";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void existingSecretsAreFetchedByNameAndNothingIsCreated() {
        assertThat(run.ofType("aws:secretsmanager/secret:Secret")).isEmpty();
        assertThat(run.ofType("aws:secretsmanager/secretVersion:SecretVersion")).isEmpty();
        assertThat(run.invokes("aws:secretsmanager/getSecret:getSecret")).extracting(i -> i.args().get("name"))
                .containsExactlyInAnyOrder("dev/payments/onprem-postgres", "dev/payments/aurora-master",
                        "dev/payments/service-db");
    }

    @Test
    void everyKnownCredentialRotatesOnTheScheduleWithTheFunction() {
        var rotations = run.ofType("aws:secretsmanager/secretRotation:SecretRotation");
        assertThat(rotations).extracting(r -> r.stringInput("secretId")).containsExactlyInAnyOrder(SOURCE, MASTER, SERVICE);
        assertThat(rotations).allSatisfy(r -> {
            assertThat(r.inputs()).containsEntry("rotationLambdaArn",
                    "arn:aws:lambda:eu-central-1:123456789012:function:migration-secret-rotation-dev")
                    .containsEntry("rotateImmediately", false);
            assertThat(r.dependsOn()).anyMatch(u -> u.endsWith("Permission::secrets-rotation-invoke"));
        });
        // One window each, one after another from 01:00 UTC, so no two secrets rotate at once.
        assertThat(run.one("aws:secretsmanager/secretRotation:SecretRotation", "secrets-source-rotation").inputs())
                .containsEntry("rotationRules", Map.of("scheduleExpression", "cron(0 1 1 * ? *)", "duration", "2h"));
        assertThat(run.one("aws:secretsmanager/secretRotation:SecretRotation", "secrets-aurora-master-rotation").inputs())
                .containsEntry("rotationRules", Map.of("scheduleExpression", "cron(0 3 1 * ? *)", "duration", "2h"));
        assertThat(run.one("aws:secretsmanager/secretRotation:SecretRotation", "secrets-service-db-rotation").inputs())
                .containsEntry("rotationRules", Map.of("scheduleExpression", "cron(0 5 1 * ? *)", "duration", "2h"));
    }

    @Test
    void aSecretAnotherFunctionRotatesIsRefusedUnlessTakingItOverIsAllowed() {
        var foreign = PlanMocks.ROTATED_ELSEWHERE_PREFIX + "onprem";
        var refused = StackFixture.dev("sourceDbSecretName=" + foreign);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.exceptions()).anySatisfy(e -> assertThat(rootCause(e))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("secret " + foreign + " is rotated today by " + PlanMocks.FOREIGN_ROTATION_FUNCTION)
                .hasMessageContaining("migration:rotationTakeOverSecrets"));

        var allowed = StackFixture.dev("sourceDbSecretName=" + foreign, "rotationTakeOverSecrets=[\"" + foreign + "\"]");
        assertThat(allowed.succeeded()).isTrue();
        assertThat(allowed.ofType("aws:secretsmanager/secretRotation:SecretRotation"))
                .extracting(r -> r.stringInput("secretId")).anyMatch(arn -> arn.contains(":secret:" + foreign + "-"));
    }

    @Test
    void customerKeysAreGrantedByKeyArnWhereverASecretIsRead() {
        var run = StackFixture.dev("sourceDbSecretName=" + PlanMocks.CUSTOMER_KEY_SECRET_PREFIX + "onprem");
        assertThat(run.invokes("aws:kms/getKey:getKey")).extracting(i -> i.args().get("keyId"))
                .containsOnly("alias/payments-secrets");
        // IAM matches kms: actions on key ARNs only; an alias in a policy would grant nothing.
        var keyArn = "arn:aws:kms:eu-central-1:123456789012:key/";
        for (var policy : List.of("functions-rotation-policy", "functions-validator-policy")) {
            assertThat(run.one("aws:iam/rolePolicy:RolePolicy", policy).stringInput("policy"))
                    .as(policy).contains(keyArn).doesNotContain("alias/");
        }
        assertThat(run.ofType("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> p.name().contains("secret-access"))
                .allSatisfy(p -> assertThat(p.stringInput("policy")).contains(keyArn).doesNotContain("alias/"));
    }

    @Test
    void theFunctionIsToldWhereItsCasAndTheMigrationStateAreAndWhichSecretsMustAlternate() throws Exception {
        var environment = run.one("aws:lambda/function:Function", "functions-rotation").input("environment.variables")
                .orElseThrow();
        @SuppressWarnings("unchecked")
        var variables = (Map<String, Object>) environment;
        assertThat(variables)
                .containsEntry("DB_CA_CERTIFICATES_PARAMETER", "/migration/dev/rotation/ca-certificates")
                .containsEntry("WRITE_FREEZE_PARAMETER", "/migration/dev/database/write-freeze")
                .containsEntry("PHASE_PARAMETER", "/migration/dev/phase")
                .containsEntry("BLOCKING_PHASES", "cutover,baking,rolling-back")
                .containsEntry("ALTERNATING_SECRET_ARNS", SOURCE + "," + SERVICE);
        var policy = new ObjectMapper().readTree(run.one("aws:iam/rolePolicy:RolePolicy", "functions-rotation-policy")
                .stringInput("policy"));
        assertThat(policy.toString()).contains("ssm:GetParameter",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/rotation/ca-certificates",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/write-freeze",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/phase");
        assertThat(run.one("aws:ssm/parameter:Parameter", "functions-rotation-ca-certificates").inputs())
                .containsEntry("type", "String").containsEntry("tier", "Standard");
    }

    @Test
    void theFunctionsEnvironmentNamesAreTheOnesTheFunctionReads() throws Exception {
        var handler = Files.readString(Path.of("lambda/rotation/src/main/java/com/paymentmigration/lambda/rotation/"
                + "RotationHandler.java"));
        var declared = handler.substring(handler.indexOf("enum Environment"), handler.indexOf("String value()"));
        var names = java.util.regex.Pattern.compile("\\b([A-Z][A-Z_]+)[,;]").matcher(declared).results()
                .map(m -> m.group(1)).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                FunctionsTestAccess.rotationEnvironment().keySet());
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    @Test
    void onlySecretsManagerOfThisAccountMayInvokeTheFunction() {
        assertThat(run.one("aws:lambda/permission:Permission", "secrets-rotation-invoke").inputs())
                .containsEntry("principal", "secretsmanager.amazonaws.com").containsEntry("action", "lambda:InvokeFunction")
                .containsEntry("sourceAccount", "123456789012").containsEntry("function", "migration-secret-rotation-dev");
    }

    @Test
    void theFunctionRunsTheBuiltJarInThePrivateSubnetsWithAScopedRole() throws Exception {
        var function = run.one("aws:lambda/function:Function", "functions-rotation");
        assertThat(function.inputs()).containsEntry("runtime", "java21").containsEntry("handler", RotationFunction.HANDLER)
                .containsEntry("code", Map.of("archive", Map.of("path", RotationFunction.JAR)));
        assertThat(function.input("vpcConfig.subnetIds")).hasValueSatisfying(ids -> assertThat((List<?>) ids).hasSize(3));
        assertThat(function.dependsOn()).anyMatch(u -> u.endsWith("RolePolicy::functions-rotation-policy"));
        var policy = new ObjectMapper().readTree(run.one("aws:iam/rolePolicy:RolePolicy", "functions-rotation-policy")
                .stringInput("policy"));
        assertThat(PolicyChecks.structure(policy)).isEmpty();
        assertThat(PolicyChecks.unscopedWildcards(policy)).isEmpty();
        assertThat(policy.at("/Statement/0/Resource").toString()).contains(SOURCE, MASTER, SERVICE);
    }

    @Test
    void theServiceSecretIsRotatedButNotReadableByTheValidator() {
        assertThat(run.one("aws:iam/rolePolicy:RolePolicy", "functions-validator-policy").stringInput("policy"))
                .contains(SOURCE, MASTER).doesNotContain("service-db");
        var without = StackFixture.withoutService();
        assertThat(without.ofType("aws:secretsmanager/secretRotation:SecretRotation"))
                .extracting(r -> r.stringInput("secretId")).containsExactlyInAnyOrder(SOURCE, MASTER);
    }

    @Test
    void customerKeysOfTheSecretsAreGrantedOnlyWhenThereAreAny() throws Exception {
        var json = new ObjectMapper();
        var none = json.readTree(FunctionsPolicy.of(List.of("arn:s"), List.of("", "")));
        assertThat(PolicyChecks.allowedActions(none)).doesNotContain("kms:Decrypt");
        var some = json.readTree(FunctionsPolicy.of(List.of("arn:s"), List.of("arn:aws:kms:k", "")));
        assertThat(some.at("/Statement/5/Resource").asText()).isEqualTo("arn:aws:kms:k");
    }

    /** Reaches the package-private policy builder of the functions component. */
    static final class FunctionsPolicy {
        static String of(List<String> secrets, List<String> keys) {
            return com.paymentmigration.functions.FunctionsTestAccess.rotationPolicy(secrets, keys, "arn:aws:logs:lg");
        }
    }
}
