package com.paymentmigration.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
                    .containsEntry("rotateImmediately", false)
                    .containsEntry("rotationRules", Map.of("automaticallyAfterDays", 30L));
            assertThat(r.dependsOn()).anyMatch(u -> u.endsWith("Permission::secrets-rotation-invoke"));
        });
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
        assertThat(function.inputs()).containsEntry("runtime", "java21").containsEntry("handler", Functions.ROTATION_HANDLER)
                .containsEntry("code", Map.of("archive", Map.of("path", Functions.ROTATION_JAR)));
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
        assertThat(some.at("/Statement/4/Resource").asText()).isEqualTo("arn:aws:kms:k");
    }

    /** Reaches the package-private policy builder of the functions component. */
    static final class FunctionsPolicy {
        static String of(List<String> secrets, List<String> keys) {
            return com.paymentmigration.functions.FunctionsTestAccess.rotationPolicy(secrets, keys, "arn:aws:logs:lg");
        }
    }
}
