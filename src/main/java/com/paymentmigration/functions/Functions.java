package com.paymentmigration.functions;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.StateMachine;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.paymentmigration.secrets.FetchedSecrets;
import com.paymentmigration.storage.Storage;
import com.paymentmigration.parameters.ParameterKey;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Java Lambda functions built in {@code lambda/}, each with its own role, encrypted log group, active X-Ray
 * tracing and a place in the migration VPC's private subnets: the databases are there, and every AWS API a function
 * calls (Secrets Manager, Step Functions, S3, KMS, X-Ray) answers through the VPC's endpoints.
 */
public final class Functions extends MigrationComponent {

    public static final String TYPE = "migration:functions:Functions";
    public static final String RUNTIME = "java21";
    public static final String ROTATION_JAR = "lambda/rotation/target/rotation.jar";
    public static final String ROTATION_HANDLER = "com.paymentmigration.lambda.rotation.RotationHandler::handleRequest";
    /** ENI management for functions in a VPC: these actions accept no narrower resource. */
    static final List<String> VPC_ACCESS = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** Every function is traced whoever calls it; the actions its role needs for that. */
    public static final String TRACING_MODE = "Active";
    public static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    public static final String AUTHORIZER_JAR = "lambda/authorizer/target/authorizer.jar";
    public static final String AUTHORIZER_HANDLER = "com.paymentmigration.lambda.authorizer.AuthorizerHandler::handleRequest";
    /** Callers invoke this alias: SnapStart applies only to published versions, never to $LATEST. */
    public static final String LIVE_ALIAS = "live";

    public static final String TRIGGER_JAR = "lambda/trigger/target/trigger.jar";
    public static final String TRIGGER_HANDLER = "com.paymentmigration.lambda.trigger.TriggerHandler::handleRequest";
    public static final String VALIDATOR_JAR = "lambda/validator/target/validator.jar";
    public static final String VALIDATOR_HANDLER = "com.paymentmigration.lambda.validator.ValidatorHandler::handleRequest";
    public static final String REPLICATION_OPS_JAR = "lambda/replication-ops/target/replication-ops.jar";
    public static final String REPLICATION_OPS_HANDLER =
            "com.paymentmigration.lambda.replicationops.ReplicationOpsHandler::handleRequest";
    /** How often replication-ops measures the WAL each database's slots hold back (the slot-lag metric). */
    public static final String SLOT_LAG_SCHEDULE = "rate(5 minutes)";
    static final List<String> TRACING = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    /** The validator keeps its reports and resumable progress under this prefix of the checkpoint bucket. */
    public static final String VALIDATION_PREFIX = "validation/";

    public final Function rotation;
    public final Function authorizer;
    public final Alias authorizerAlias;
    public final Output<String> authorizerLogGroupName;
    public final Function validator;
    /** Starts the rollback state machine; pulumi up invokes it when it switches to rollback mode. */
    public final Function rollbackTrigger;
    /** What the state machines ask of the databases: prerequisites, sequences, slots, truncation; slot lag. */
    public final Function replicationOps;

    /**
     * What the state machines and the alarms need of the functions.
     *
     * @param namesByLabel every function's name by a short label, in a fixed order (the dashboard's and the alarms')
     */
    public record Refs(Output<String> validatorArn, Output<String> replicationOpsArn, Output<String> rollbackTriggerName,
                       Output<String> authorizerLogGroupName, Map<String, Output<String>> namesByLabel) {
    }

    public final Refs refs;

    /**
     * @param secrets     the database secrets the validator and replication-ops read, and every secret the rotation
     *                    function rotates
     * @param checkpoints where the validator keeps its reports
     */
    public Functions(String name, StackContext stack, EncryptionKeys keys, Network network, FetchedSecrets secrets,
                     Storage.Bucket checkpoints) {
        super(TYPE, name, stack);
        var databaseSecretArns = secrets.database().arns();
        var rotatedSecretArns = secrets.rotatedArns();
        var secretKeyArns = secrets.rotatedKeyArns();
        var rollbackMachineArn = StateMachine.ROLLBACK.arn(stack);
        var logGroup = Wiring.logGroup(name + "-rotation-logs", stack, "secret-rotation", keys.primaryKeyArn, primary());
        var rotationParameters = rotationParameters();
        var rotationEnvironment = rotationEnvironment(name, rotationParameters, rotatedSecretArns, databaseSecretArns);
        var policy = Output.tuple(rotatedSecretArns, secretKeyArns, logGroup.arn(), stack.accountId())
                .applyValue(t -> rotationPolicy(t.t1, t.t2, t.t3,
                        rotationParameters.arns(stack.config().regions().primary(), t.t4)));
        var role = Wiring.serviceRole(name + "-rotation", stack, "secret-rotation", "lambda.amazonaws.com",
                "Secrets Manager rotation of the PostgreSQL credentials", policy, primary());
        this.rotation = new Function(name + "-rotation", javaFunction("secret-rotation",
                "Rotates the PostgreSQL credentials in Secrets Manager (single or alternating users)", ROTATION_HANDLER,
                ROTATION_JAR, role, logGroup, keys)
                // The JVM with the JDBC driver and the SDK needs room; a login over the VPN can take seconds.
                .memorySize(1024)
                .timeout(60)
                .environment(FunctionEnvironmentArgs.builder().variables(rotationEnvironment).build())
                .vpcConfig(privateSubnets(network))
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));

        var settings = stack.config().api().authorizer();
        var authorizerLogs = Wiring.logGroup(name + "-authorizer-logs", stack, "authorizer", keys.primaryKeyArn, primary());
        this.authorizerLogGroupName = authorizerLogs.name();
        var keySetArn = stack.accountId().applyValue(account -> "arn:aws:secretsmanager:" + stack.config().regions().primary()
                + ":" + account + ":secret:" + settings.keySetSecretName() + "-??????");
        var authorizerRole = Wiring.serviceRole(name + "-authorizer", stack, "authorizer", "lambda.amazonaws.com",
                "API Gateway token authorizer: reads the JWK set, writes its logs",
                Output.tuple(keySetArn, authorizerLogs.arn()).applyValue(t -> authorizerPolicy(t.t1, t.t2)), primary());
        // In the VPC like the others: its only call, the key set through the extension, goes to Secrets Manager's endpoint.
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
                        "SCOPE_ROUTES", String.join(";", settings.scopeRoutes()),
                        "KEY_SET_MAX_AGE_SECONDS", String.valueOf(settings.keySetMaxAgeSeconds()))).build())
                .vpcConfig(privateSubnets(network))
                .build(), primary(o -> o.dependsOn(authorizerRole.policy(), authorizerLogs)));
        this.authorizerAlias = new Alias(name + "-authorizer-live", AliasArgs.builder()
                .name(LIVE_ALIAS)
                .description("The published version API Gateway invokes (SnapStart)")
                .functionName(authorizer.name())
                .functionVersion(authorizer.version())
                .build(), primary());
        // The rotated secrets are the two database secrets, on-prem first: the validator's source and target.
        this.validator = validator(name, keys, network, databaseSecretArns, secretKeyArns, checkpoints.name(),
                checkpoints.arn());
        this.rollbackTrigger = rollbackTrigger(name, keys, network, rollbackMachineArn);
        this.replicationOps = replicationOps(name, keys, network, databaseSecretArns, secretKeyArns);
        var names = new LinkedHashMap<String, Output<String>>();
        names.put("rotation", rotation.name());
        names.put("authorizer", authorizer.name());
        names.put("validator", validator.name());
        names.put("rollback-trigger", rollbackTrigger.name());
        names.put("replication-ops", replicationOps.name());
        this.refs = new Refs(validator.arn(), replicationOps.arn(), rollbackTrigger.name(), authorizerLogGroupName,
                java.util.Collections.unmodifiableMap(names));
        registerOutputs(Map.of("rotationFunctionArn", rotation.arn(), "authorizerAliasArn", authorizerAlias.arn(),
                "validatorFunctionArn", validator.arn(), "rollbackTriggerArn", rollbackTrigger.arn(),
                "replicationOpsFunctionArn", replicationOps.arn()));
    }

    /**
     * The data validator: in the VPC beside the databases, reading both through their secrets, writing reports to
     * the checkpoint bucket. Fifteen minutes, the Lambda maximum: a partition that needs longer stores its progress
     * and the state machine invokes it again.
     *
     * @param databaseSecretArns the on-prem and Aurora secrets, in that order
     */
    private Function validator(String name, EncryptionKeys keys, Network network, Output<List<String>> databaseSecretArns,
                               Output<List<String>> secretKeyArns, Output<String> checkpointBucket,
                               Output<String> checkpointBucketArn) {
        var logGroup = Wiring.logGroup(name + "-validator-logs", stack, "validator", keys.primaryKeyArn, primary());
        var policy = Output.tuple(databaseSecretArns, secretKeyArns, checkpointBucketArn, logGroup.arn(), keys.primaryKeyArn)
                .applyValue(t -> validatorPolicy(t.t1, t.t2, t.t3, t.t4, t.t5));
        var role = Wiring.serviceRole(name + "-validator", stack, "validator", "lambda.amazonaws.com",
                "Data validator: reads both databases' secrets, writes validation reports", policy, primary());
        var environment = Output.tuple(databaseSecretArns, checkpointBucket).applyValue(t -> Map.of(
                "SOURCE_SECRET_ID", t.t1.get(0),
                "TARGET_SECRET_ID", t.t1.get(1),
                "CHECKPOINT_BUCKET", t.t2,
                "ENVIRONMENT", stack.config().environmentSuffix(),
                "DB_SSL_MODE", "require"));
        return new Function(name + "-validator", javaFunction("validator",
                "Compares source and target tables with checksums pushed down into both databases", VALIDATOR_HANDLER,
                VALIDATOR_JAR, role, logGroup, keys)
                // Memory buys CPU: the client hashes and merges leaf sums while both databases scan.
                .memorySize(2048)
                .timeout(900)
                .environment(FunctionEnvironmentArgs.builder().variables(environment).build())
                .vpcConfig(privateSubnets(network))
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));
    }

    /**
     * replication-ops: in the VPC beside the databases, reading the two database secrets and nothing else; invoked by
     * the state machines, and every {@link #SLOT_LAG_SCHEDULE} to publish the slot-lag metric.
     *
     * @param databaseSecretArns the on-prem and Aurora secrets, in that order
     */
    private Function replicationOps(String name, EncryptionKeys keys, Network network,
                                    Output<List<String>> databaseSecretArns, Output<List<String>> secretKeyArns) {
        var logGroup = Wiring.logGroup(name + "-replication-ops-logs", stack, "replication-ops", keys.primaryKeyArn,
                primary());
        var role = Wiring.serviceRole(name + "-replication-ops", stack, "replication-ops", "lambda.amazonaws.com",
                "replication-ops: reads the two database secrets", Output.tuple(databaseSecretArns, secretKeyArns,
                        logGroup.arn()).applyValue(t -> replicationOpsPolicy(t.t1, t.t2, t.t3)), primary());
        var function = new Function(name + "-replication-ops", javaFunction("replication-ops",
                "Sequences, replication slots, truncation and prerequisites on both databases", REPLICATION_OPS_HANDLER,
                REPLICATION_OPS_JAR, role, logGroup, keys)
                .memorySize(1024)
                // Creating a slot waits for the transactions open at that moment; a probe gives up after 30 s.
                .timeout(120)
                .environment(FunctionEnvironmentArgs.builder().variables(databaseSecretArns.applyValue(arns -> Map.of(
                        "ONPREM_SECRET_ID", arns.get(0),
                        "AURORA_SECRET_ID", arns.get(1),
                        "DB_SSL_MODE", "require"))).build())
                .vpcConfig(privateSubnets(network))
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));
        var schedule = new EventRule(name + "-slot-lag-schedule", EventRuleArgs.builder()
                .name(stack.names().of(NameRule.EVENT_RULE, "slot-lag"))
                .description("replication-ops publishes the WAL the replication slots hold back")
                .scheduleExpression(SLOT_LAG_SCHEDULE)
                .build(), primary());
        new Permission(name + "-slot-lag-invoke", PermissionArgs.builder()
                .function(function.name())
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com")
                .sourceArn(schedule.arn())
                .build(), primary());
        new EventTarget(name + "-slot-lag-target", EventTargetArgs.builder()
                .rule(schedule.name())
                .arn(function.arn())
                .input(slotLagEvent(stack.config().environmentSuffix()))
                .build(), primary());
        return function;
    }

    /** The scheduled event: replication-ops' reportSlotLag, tagged with the metric's Environment dimension. */
    public static String slotLagEvent(String environmentSuffix) {
        return "{\"operation\":\"reportSlotLag\",\"environment\":\"" + environmentSuffix + "\"}";
    }

    static String replicationOpsPolicy(List<String> databaseSecretArns, List<String> secretKeyArns, String logGroupArn) {
        var document = PolicyDocument.of(
                Statement.allow("ReadTheDatabaseSecrets").actions("secretsmanager:GetSecretValue")
                        .resources(databaseSecretArns),
                writeLogs(logGroupArn),
                runInTheVpc(),
                sendTraces());
        return document.andKeyUse("UseTheSecretsKeys", secretKeyArns, "kms:Decrypt").toJson();
    }

    /**
     * The rotation function's settings: the CA bundle it verifies servers with (a parameter, since Lambda's 4 KB of
     * environment cannot hold one), the migration state it waits on, and the secrets that must alternate users:
     * every rotated secret but the Aurora master, which manages the others and no service or task logs in with.
     */
    private Output<Map<String, String>> rotationEnvironment(String name, RotationParameters parameters,
                                                           Output<List<String>> rotatedSecretArns,
                                                           Output<List<String>> databaseSecretArns) {
        var pem = stack.config().secretRotation().caCertificates();
        var caBundle = new Parameter(name + "-rotation-ca-certificates", ParameterArgs.builder()
                .name(parameters.caBundle())
                .description("CA certificates the rotation function verifies database servers with (verify-full)")
                .type("String")
                .tier(RotationSettings.tier(pem))
                .insecureValue(pem.isEmpty() ? RotationSettings.NO_CERTIFICATES : pem)
                .build(), primary());
        return Output.tuple(caBundle.name(), rotatedSecretArns, databaseSecretArns).applyValue(t ->
                RotationSettings.environment(t.t1, parameters.writeFreeze(), parameters.phase(),
                        t.t2.stream().filter(arn -> !arn.equals(t.t3.get(1))).toList()));
    }

    /** The parameters the rotation function reads, by full path: its CA bundle and the two it waits on. */
    private record RotationParameters(String caBundle, String writeFreeze, String phase) {

        List<String> arns(String region, String account) {
            return Stream.of(caBundle, writeFreeze, phase).map(name -> ParameterKey.arn(region, account, name)).toList();
        }
    }

    private RotationParameters rotationParameters() {
        var names = stack.names();
        return new RotationParameters(RotationSettings.CA_PARAMETER.name(names),
                ParameterKey.DATABASE_WRITE_FREEZE.name(names), ParameterKey.PHASE.name(names));
    }

    /** Its one call, StartExecution, goes to the Step Functions endpoint of the VPC. */
    private Function rollbackTrigger(String name, EncryptionKeys keys, Network network, Output<String> rollbackMachineArn) {
        var logGroup = Wiring.logGroup(name + "-trigger-logs", stack, "rollback-trigger", keys.primaryKeyArn, primary());
        var role = Wiring.serviceRole(name + "-trigger", stack, "rollback-trigger", "lambda.amazonaws.com",
                "Starts the rollback state machine when pulumi up switches to rollback mode",
                Output.tuple(rollbackMachineArn, keys.primaryKeyArn, logGroup.arn()).applyValue(t ->
                        triggerPolicy(t.t1, t.t2, t.t3)), primary());
        return new Function(name + "-trigger", javaFunction("rollback-trigger",
                "Starts the rollback state machine (invoked by pulumi up on the switch to rollback mode)", TRIGGER_HANDLER,
                TRIGGER_JAR, role, logGroup, keys)
                .memorySize(512)
                .timeout(30)
                .environment(FunctionEnvironmentArgs.builder()
                        .variables(rollbackMachineArn.applyValue(arn -> Map.of("STATE_MACHINE_ARN", arn))).build())
                .vpcConfig(privateSubnets(network))
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));
    }

    static String triggerPolicy(String rollbackMachineArn, String keyArn, String logGroupArn) {
        return StateMachine.startRollbackPolicy(rollbackMachineArn, keyArn).and(writeLogs(logGroupArn))
                .and(sendTraces()).and(runInTheVpc()).toJson();
    }

    private static FunctionVpcConfigArgs privateSubnets(Network network) {
        return FunctionVpcConfigArgs.builder()
                .subnetIds(Output.all(network.subnetIds(Tier.PRIVATE)))
                .securityGroupIds(network.securityGroups.get(SecurityRules.Group.COMPUTE).id().applyValue(List::of))
                .build();
    }

    static String validatorPolicy(List<String> secretArns, List<String> secretKeyArns, String bucketArn,
                                  String logGroupArn, String bucketKeyArn) {
        var document = PolicyDocument.of(
                Statement.allow("ReadTheDatabaseSecrets").actions("secretsmanager:GetSecretValue").resources(secretArns),
                Statement.allow("KeepValidationReports").actions("s3:GetObject", "s3:PutObject")
                        .resources(bucketArn + "/" + VALIDATION_PREFIX + "*"),
                Statement.allow("UseTheBucketKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(bucketKeyArn),
                writeLogs(logGroupArn),
                runInTheVpc());
        return document.andKeyUse("UseTheSecretsKeys", secretKeyArns, "kms:Decrypt").and(sendTraces()).toJson();
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
                .tracingConfig(FunctionTracingConfigArgs.builder().mode(TRACING_MODE).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logGroup.name()).build());
    }

    private static Statement writeLogs(String logGroupArn) {
        return Statement.allow("WriteLogs").actions("logs:CreateLogStream", "logs:PutLogEvents").resources(logGroupArn + ":*");
    }

    /** What Lambda's X-Ray daemon needs to send the segments of an actively traced function (these take no resource). */
    private static Statement sendTraces() {
        return Statement.allow("SendTraces").actions(TRACE_ACTIONS).resources("*");
    }

    private static Statement runInTheVpc() {
        return Statement.allow("RunInTheVpc").actions(VPC_ACCESS).resources("*");
    }

    static String authorizerPolicy(String keySetSecretArn, String logGroupArn) {
        return PolicyDocument.of(
                Statement.allow("ReadTheKeySet").actions("secretsmanager:GetSecretValue").resources(keySetSecretArn),
                writeLogs(logGroupArn),
                sendTraces(),
                runInTheVpc()).toJson();
    }

    static String rotationPolicy(List<String> secretArns, List<String> keyArns, String logGroupArn,
                                 List<String> parameterArns) {
        var document = PolicyDocument.of(
                Statement.allow("RotateTheKnownSecrets").actions("secretsmanager:DescribeSecret",
                        "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecretVersionStage").resources(secretArns),
                Statement.allow("GeneratePasswords").actions("secretsmanager:GetRandomPassword").resources("*"),
                RotationSettings.readParameters(parameterArns),
                writeLogs(logGroupArn),
                runInTheVpc());
        return document.andKeyUse("UseTheSecretsKeys", keyArns, "kms:Decrypt", "kms:GenerateDataKey").and(sendTraces())
                .toJson();
    }
}
