package com.paymentmigration.functions;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.secrets.FetchedSecrets;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * replication-ops: what the state machines ask of the databases (prerequisites, sequences, slots, truncation), in
 * the VPC beside them, reading the two database secrets and nothing else; and every {@link #SLOT_LAG_SCHEDULE} it
 * publishes the slot-lag metric.
 */
public final class ReplicationOpsFunction {

    public static final String JAR = "lambda/replication-ops/target/replication-ops.jar";
    public static final String HANDLER = "com.paymentmigration.lambda.replicationops.ReplicationOpsHandler::handleRequest";
    /** How often replication-ops measures the WAL each database's slots hold back (the slot-lag metric). */
    public static final String SLOT_LAG_SCHEDULE = "rate(5 minutes)";
    static final LambdaFunction.Definition DEFINITION = new LambdaFunction.Definition("replication-ops",
            "replication-ops", "Sequences, replication slots, truncation and prerequisites on both databases", HANDLER,
            JAR, "replication-ops: reads the two database secrets");

    private ReplicationOpsFunction() {
    }

    static Function create(Functions parent, EncryptionKeys keys, Network network, FetchedSecrets secrets) {
        // The on-prem and Aurora secrets, in that order.
        var databaseSecretArns = secrets.database().arns();
        var secretKeyArns = secrets.rotatedKeyArns();
        var function = LambdaFunction.create(parent, DEFINITION, keys, network,
                logGroupArn -> Output.tuple(databaseSecretArns, secretKeyArns, logGroupArn)
                        .applyValue(t -> policy(t.t1, t.t2, t.t3)),
                args -> args.memorySize(1024)
                        // Creating a slot waits for the transactions open at that moment; a probe gives up after 30 s.
                        .timeout(120)
                        .environment(FunctionEnvironmentArgs.builder().variables(databaseSecretArns.applyValue(arns -> Map.of(
                                "ONPREM_SECRET_ID", arns.get(0),
                                "AURORA_SECRET_ID", arns.get(1),
                                "DB_SSL_MODE", "require"))).build()))
                .function();
        schedule(parent, function);
        return function;
    }

    private static void schedule(Functions parent, Function function) {
        var name = parent.prefix();
        var stack = parent.stack();
        var options = parent.childOptions(UnaryOperator.identity());
        var schedule = new EventRule(name + "-slot-lag-schedule", EventRuleArgs.builder()
                .name(stack.names().of(NameRule.EVENT_RULE, "slot-lag"))
                .description("replication-ops publishes the WAL the replication slots hold back")
                .scheduleExpression(SLOT_LAG_SCHEDULE)
                .build(), options);
        new Permission(name + "-slot-lag-invoke", PermissionArgs.builder()
                .function(function.name())
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com")
                .sourceArn(schedule.arn())
                .build(), options);
        new EventTarget(name + "-slot-lag-target", EventTargetArgs.builder()
                .rule(schedule.name())
                .arn(function.arn())
                .input(slotLagEvent(stack.config().environmentSuffix()))
                .build(), options);
    }

    /** The scheduled event: replication-ops' reportSlotLag, tagged with the metric's Environment dimension. */
    public static String slotLagEvent(String environmentSuffix) {
        return "{\"operation\":\"reportSlotLag\",\"environment\":\"" + environmentSuffix + "\"}";
    }

    static String policy(List<String> databaseSecretArns, List<String> secretKeyArns, String logGroupArn) {
        var document = PolicyDocument.of(
                Statement.allow("ReadTheDatabaseSecrets").actions("secretsmanager:GetSecretValue")
                        .resources(databaseSecretArns),
                LambdaFunction.writeLogs(logGroupArn),
                LambdaFunction.runInTheVpc(),
                LambdaFunction.sendTraces());
        return document.andKeyUse("UseTheSecretsKeys", secretKeyArns, "kms:Decrypt").toJson();
    }
}
