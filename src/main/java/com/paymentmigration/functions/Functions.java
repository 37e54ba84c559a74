package com.paymentmigration.functions;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/**
 * The Java Lambda functions built in {@code lambda/}, each with its own role, encrypted log group and place in the
 * migration VPC's private subnets where they reach databases. The validator joins when it lands.
 */
public final class Functions extends MigrationComponent {

    public static final String TYPE = "migration:functions:Functions";
    public static final String RUNTIME = "java21";
    public static final String ROTATION_JAR = "lambda/rotation/target/rotation.jar";
    public static final String ROTATION_HANDLER = "com.paymentmigration.lambda.rotation.RotationHandler::handleRequest";
    /** ENI management for functions in a VPC: these actions accept no narrower resource. */
    static final List<String> VPC_ACCESS = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    public static final String AUTHORIZER_JAR = "lambda/authorizer/target/authorizer.jar";
    public static final String AUTHORIZER_HANDLER = "com.paymentmigration.lambda.authorizer.AuthorizerHandler::handleRequest";
    /** Callers invoke this alias: SnapStart applies only to published versions, never to $LATEST. */
    public static final String LIVE_ALIAS = "live";

    public final Function rotation;
    public final Function authorizer;
    public final Alias authorizerAlias;
    public final Output<String> authorizerLogGroupName;

    /**
     * @param rotatedSecretArns the secrets the rotation function may read and relabel
     * @param secretKeyArns     customer keys those secrets are encrypted with (empty for the AWS-managed key)
     */
    public Functions(String name, StackContext stack, EncryptionKeys keys, Network network,
                     Output<List<String>> rotatedSecretArns, Output<List<String>> secretKeyArns) {
        super(TYPE, name, stack);
        var logGroup = Wiring.logGroup(name + "-rotation-logs", stack, "secret-rotation", keys.primaryKeyArn, primary());
        var policy = Output.tuple(rotatedSecretArns, secretKeyArns, logGroup.arn())
                .applyValue(t -> rotationPolicy(t.t1, t.t2, t.t3));
        var role = Wiring.serviceRole(name + "-rotation", stack, "secret-rotation", "lambda.amazonaws.com",
                "Secrets Manager rotation of the PostgreSQL credentials", policy, primary());
        this.rotation = new Function(name + "-rotation", javaFunction("secret-rotation",
                "Rotates the PostgreSQL credentials in Secrets Manager (single or alternating users)", ROTATION_HANDLER,
                ROTATION_JAR, role, logGroup, keys)
                // The JVM with the JDBC driver and the SDK needs room; a login over the VPN can take seconds.
                .memorySize(1024)
                .timeout(60)
                .environment(FunctionEnvironmentArgs.builder().variables(Map.of("DB_SSL_MODE", "require")).build())
                .vpcConfig(FunctionVpcConfigArgs.builder()
                        .subnetIds(Output.all(network.subnetIds(Tier.PRIVATE)))
                        .securityGroupIds(network.securityGroups.get(SecurityRules.Group.COMPUTE).id().applyValue(List::of))
                        .build())
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));

        var settings = stack.config().api().authorizer();
        var authorizerLogs = Wiring.logGroup(name + "-authorizer-logs", stack, "authorizer", keys.primaryKeyArn, primary());
        this.authorizerLogGroupName = authorizerLogs.name();
        var keySetArn = stack.accountId().applyValue(account -> "arn:aws:secretsmanager:" + stack.config().regions().primary()
                + ":" + account + ":secret:" + settings.keySetSecretName() + "-??????");
        var authorizerRole = Wiring.serviceRole(name + "-authorizer", stack, "authorizer", "lambda.amazonaws.com",
                "API Gateway token authorizer: reads the JWK set, writes its logs",
                Output.tuple(keySetArn, authorizerLogs.arn()).applyValue(t -> authorizerPolicy(t.t1, t.t2)), primary());
        // Outside the VPC: it touches no private resource, only Secrets Manager through the extension.
        this.authorizer = new Function(name + "-authorizer", javaFunction("authorizer",
                "Verifies the caller's JWT and returns the routes its scopes open", AUTHORIZER_HANDLER, AUTHORIZER_JAR,
                authorizerRole, authorizerLogs, keys)
                .memorySize(512)
                .timeout(10)
                .publish(true)
                .snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build())
                .layers(settings.extensionLayerArn())
                .environment(FunctionEnvironmentArgs.builder().variables(Map.of(
                        "KEY_SET_SECRET_ID", settings.keySetSecretName(),
                        "ISSUER", settings.issuer(),
                        "AUDIENCE", settings.audience(),
                        "SCOPE_ROUTES", String.join(";", settings.scopeRoutes()))).build())
                .build(), primary(o -> o.dependsOn(authorizerRole.policy(), authorizerLogs)));
        this.authorizerAlias = new Alias(name + "-authorizer-live", AliasArgs.builder()
                .name(LIVE_ALIAS)
                .description("The published version API Gateway invokes (SnapStart)")
                .functionName(authorizer.name())
                .functionVersion(authorizer.version())
                .build(), primary());
        registerOutputs(Map.of("rotationFunctionArn", rotation.arn(), "authorizerAliasArn", authorizerAlias.arn()));
    }

    /** What every function shares: runtime, jar, role, environment encrypted with our key, JSON logs to its group. */
    private FunctionArgs.Builder javaFunction(String purpose, String description, String handler, String jar,
                                              Wiring.ServiceRole role, LogGroup logGroup, EncryptionKeys keys) {
        return FunctionArgs.builder()
                .name(stack.names().of(NameRule.LAMBDA_FUNCTION, purpose))
                .description(description)
                .runtime(RUNTIME)
                .handler(handler)
                .code(new FileArchive(jar))
                .role(role.arn())
                .kmsKeyArn(keys.primaryKeyArn)
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logGroup.name()).build());
    }

    private static Statement writeLogs(String logGroupArn) {
        return Statement.allow("WriteLogs").actions("logs:CreateLogStream", "logs:PutLogEvents").resources(logGroupArn + ":*");
    }

    static String authorizerPolicy(String keySetSecretArn, String logGroupArn) {
        return PolicyDocument.of(
                Statement.allow("ReadTheKeySet").actions("secretsmanager:GetSecretValue").resources(keySetSecretArn),
                writeLogs(logGroupArn)).toJson();
    }

    static String rotationPolicy(List<String> secretArns, List<String> keyArns, String logGroupArn) {
        var document = PolicyDocument.of(
                Statement.allow("RotateTheKnownSecrets").actions("secretsmanager:DescribeSecret",
                        "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecretVersionStage").resources(secretArns),
                Statement.allow("GeneratePasswords").actions("secretsmanager:GetRandomPassword").resources("*"),
                writeLogs(logGroupArn),
                Statement.allow("RunInTheVpc").actions(VPC_ACCESS).resources("*"));
        return document.andKeyUse("UseTheSecretsKeys", keyArns, "kms:Decrypt", "kms:GenerateDataKey").toJson();
    }
}
