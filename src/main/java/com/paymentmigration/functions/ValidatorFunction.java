package com.paymentmigration.functions;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.Network;
import com.paymentmigration.secrets.FetchedSecrets;
import com.paymentmigration.storage.Storage;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/**
 * The data validator: in the VPC beside the databases, reading both through their secrets, writing reports to the
 * checkpoint bucket. Fifteen minutes, the Lambda maximum: a partition that needs longer stores its progress and the
 * state machine invokes it again.
 */
public final class ValidatorFunction {

    public static final String JAR = "lambda/validator/target/validator.jar";
    public static final String HANDLER = "com.paymentmigration.lambda.validator.ValidatorHandler::handleRequest";
    /** The validator keeps its reports and resumable progress under this prefix of the checkpoint bucket. */
    public static final String VALIDATION_PREFIX = "validation/";
    static final LambdaFunction.Definition DEFINITION = new LambdaFunction.Definition("validator", "validator",
            "Compares source and target tables with checksums pushed down into both databases", HANDLER, JAR,
            "Data validator: reads both databases' secrets, writes validation reports");

    private ValidatorFunction() {
    }

    /** @param checkpoints where the validator keeps its reports */
    static Function create(Functions parent, EncryptionKeys keys, Network network, FetchedSecrets secrets,
                           Storage.Bucket checkpoints) {
        // The on-prem and Aurora secrets, in that order: the validator's source and target.
        var databaseSecretArns = secrets.database().arns();
        var secretKeyArns = secrets.rotatedKeyArns();
        var environment = Output.tuple(databaseSecretArns, checkpoints.name()).applyValue(t -> Map.of(
                "SOURCE_SECRET_ID", t.t1.get(0),
                "TARGET_SECRET_ID", t.t1.get(1),
                "CHECKPOINT_BUCKET", t.t2,
                "ENVIRONMENT", parent.stack().config().environmentSuffix(),
                "DB_SSL_MODE", "require"));
        return LambdaFunction.create(parent, DEFINITION, keys, network,
                logGroupArn -> Output.tuple(databaseSecretArns, secretKeyArns, checkpoints.arn(), logGroupArn,
                        keys.primaryKeyArn).applyValue(t -> policy(t.t1, t.t2, t.t3, t.t4, t.t5)),
                // Memory buys CPU: the client hashes and merges leaf sums while both databases scan.
                args -> args.memorySize(2048)
                        .timeout(900)
                        .environment(FunctionEnvironmentArgs.builder().variables(environment).build()))
                .function();
    }

    static String policy(List<String> secretArns, List<String> secretKeyArns, String bucketArn, String logGroupArn,
                         String bucketKeyArn) {
        var document = PolicyDocument.of(
                Statement.allow("ReadTheDatabaseSecrets").actions("secretsmanager:GetSecretValue").resources(secretArns),
                Statement.allow("KeepValidationReports").actions("s3:GetObject", "s3:PutObject")
                        .resources(bucketArn + "/" + VALIDATION_PREFIX + "*"),
                Statement.allow("UseTheBucketKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(bucketKeyArn),
                LambdaFunction.writeLogs(logGroupArn),
                LambdaFunction.runInTheVpc());
        return document.andKeyUse("UseTheSecretsKeys", secretKeyArns, "kms:Decrypt").and(LambdaFunction.sendTraces())
                .toJson();
    }
}
