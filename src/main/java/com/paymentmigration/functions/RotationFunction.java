package com.paymentmigration.functions;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.Network;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.secrets.FetchedSecrets;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Secrets Manager's rotation function for every credential the stack fetched: single or alternating users, and
 * never while the migration moves the writer (see {@link RotationSettings}).
 */
public final class RotationFunction {

    public static final String JAR = "lambda/rotation/target/rotation.jar";
    public static final String HANDLER = "com.paymentmigration.lambda.rotation.RotationHandler::handleRequest";
    static final LambdaFunction.Definition DEFINITION = new LambdaFunction.Definition("rotation", "secret-rotation",
            "Rotates the PostgreSQL credentials in Secrets Manager (single or alternating users)", HANDLER, JAR,
            "Secrets Manager rotation of the PostgreSQL credentials");

    private RotationFunction() {
    }

    static Function create(Functions parent, EncryptionKeys keys, Network network, FetchedSecrets secrets) {
        var stack = parent.stack();
        var rotatedSecretArns = secrets.rotatedArns();
        var secretKeyArns = secrets.rotatedKeyArns();
        var parameters = RotationParameters.of(parent);
        var environment = environment(parent, parameters, rotatedSecretArns, secrets.database().arns());
        return LambdaFunction.create(parent, DEFINITION, keys, network,
                logGroupArn -> Output.tuple(rotatedSecretArns, secretKeyArns, logGroupArn, stack.accountId())
                        .applyValue(t -> policy(t.t1, t.t2, t.t3,
                                parameters.arns(stack.config().regions().primary(), t.t4))),
                // The JVM with the JDBC driver and the SDK needs room; a login over the VPN can take seconds.
                args -> args.memorySize(1024)
                        .timeout(60)
                        .environment(FunctionEnvironmentArgs.builder().variables(environment).build()))
                .function();
    }

    /**
     * The function's settings: the CA bundle it verifies servers with (a parameter, since Lambda's 4 KB of
     * environment cannot hold one), the migration state it waits on, and the secrets that must alternate users:
     * every rotated secret but the Aurora master, which manages the others and no service or task logs in with.
     */
    private static Output<Map<String, String>> environment(Functions parent, RotationParameters parameters,
                                                           Output<List<String>> rotatedSecretArns,
                                                           Output<List<String>> databaseSecretArns) {
        var pem = parent.stack().config().secretRotation().caCertificates();
        var caBundle = new Parameter(parent.prefix() + "-rotation-ca-certificates", ParameterArgs.builder()
                .name(parameters.caBundle())
                .description("CA certificates the rotation function verifies database servers with (verify-full)")
                .type("String")
                .tier(RotationSettings.tier(pem))
                .insecureValue(pem.isEmpty() ? RotationSettings.NO_CERTIFICATES : pem)
                .build(), parent.childOptions(UnaryOperator.identity()));
        return Output.tuple(caBundle.name(), rotatedSecretArns, databaseSecretArns).applyValue(t ->
                RotationSettings.environment(t.t1, parameters.writeFreeze(), parameters.phase(),
                        t.t2.stream().filter(arn -> !arn.equals(t.t3.get(1))).toList()));
    }

    /** The parameters the function reads, by full name: its CA bundle and the two it waits on. */
    private record RotationParameters(String caBundle, String writeFreeze, String phase) {

        static RotationParameters of(Functions parent) {
            var names = parent.stack().names();
            return new RotationParameters(RotationSettings.CA_PARAMETER.name(names),
                    ParameterKey.DATABASE_WRITE_FREEZE.name(names), ParameterKey.PHASE.name(names));
        }

        List<String> arns(String region, String account) {
            return Stream.of(caBundle, writeFreeze, phase).map(name -> ParameterKey.arn(region, account, name)).toList();
        }
    }

    static String policy(List<String> secretArns, List<String> keyArns, String logGroupArn, List<String> parameterArns) {
        var document = PolicyDocument.of(
                Statement.allow("RotateTheKnownSecrets").actions("secretsmanager:DescribeSecret",
                        "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecretVersionStage").resources(secretArns),
                Statement.allow("GeneratePasswords").actions("secretsmanager:GetRandomPassword").resources("*"),
                RotationSettings.readParameters(parameterArns),
                LambdaFunction.writeLogs(logGroupArn),
                LambdaFunction.runInTheVpc());
        return document.andKeyUse("UseTheSecretsKeys", keyArns, "kms:Decrypt", "kms:GenerateDataKey")
                .and(LambdaFunction.sendTraces()).toJson();
    }
}
