package com.paymentmigration.functions;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.Network;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.core.Output;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The API's token authorizer, published with SnapStart behind the {@link #LIVE_ALIAS} alias. In the VPC like the
 * others: its only call, the key set through the extension, goes to Secrets Manager's endpoint.
 *
 * @param logGroupName where it logs its decisions (the denied-requests metric filter reads it)
 */
public record AuthorizerFunction(Function function, Alias alias, Output<String> logGroupName) {

    public static final String JAR = "lambda/authorizer/target/authorizer.jar";
    public static final String HANDLER = "com.paymentmigration.lambda.authorizer.AuthorizerHandler::handleRequest";
    /**
     * The jar carries the native signature provider built for x86_64 Linux (ACCP's {@code linux-x86_64} artifact in
     * lambda/authorizer/pom.xml; FunctionsComponentTest reads the library's ELF header), and the extension layer must
     * be the x86_64 one (config rejects an {@code -Arm64} layer).
     */
    public static final String ARCHITECTURE = "x86_64";
    /** Callers invoke this alias: SnapStart applies only to published versions, never to $LATEST. */
    public static final String LIVE_ALIAS = "live";
    static final LambdaFunction.Definition DEFINITION = new LambdaFunction.Definition("authorizer", "authorizer",
            "Verifies the caller's JWT and returns the routes its scopes open", HANDLER, JAR,
            "API Gateway token authorizer: reads the JWK set, writes its logs");

    static AuthorizerFunction create(Functions parent, EncryptionKeys keys, Network network) {
        var stack = parent.stack();
        var settings = stack.config().api().authorizer();
        var keySetArn = stack.accountId().applyValue(account -> "arn:aws:secretsmanager:" + stack.config().regions().primary()
                + ":" + account + ":secret:" + settings.keySetSecretName() + "-??????");
        var built = LambdaFunction.create(parent, DEFINITION, keys, network,
                logGroupArn -> Output.tuple(keySetArn, logGroupArn).applyValue(t -> policy(t.t1, t.t2)),
                args -> args.memorySize(512)
                        .architectures(ARCHITECTURE)
                        .timeout(10)
                        .publish(true)
                        .snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build())
                        .layers(settings.extensionLayerArn())
                        .environment(FunctionEnvironmentArgs.builder().variables(Map.of(
                                "KEY_SET_SECRET_ID", settings.keySetSecretName(),
                                "ISSUER", settings.issuer(),
                                "AUDIENCE", settings.audience(),
                                "SCOPE_ROUTES", String.join(";", settings.scopeRoutes()),
                                "KEY_SET_MAX_AGE_SECONDS", String.valueOf(settings.keySetMaxAgeSeconds()))).build()));
        var function = built.function();
        var alias = new Alias(parent.prefix() + "-authorizer-live", AliasArgs.builder()
                .name(LIVE_ALIAS)
                .description("The published version API Gateway invokes (SnapStart)")
                .functionName(function.name())
                .functionVersion(function.version())
                .build(), parent.childOptions(UnaryOperator.identity()));
        return new AuthorizerFunction(function, alias, built.logGroup().name());
    }

    static String policy(String keySetSecretArn, String logGroupArn) {
        return PolicyDocument.of(
                Statement.allow("ReadTheKeySet").actions("secretsmanager:GetSecretValue").resources(keySetSecretArn),
                LambdaFunction.writeLogs(logGroupArn),
                LambdaFunction.sendTraces(),
                LambdaFunction.runInTheVpc()).toJson();
    }
}
