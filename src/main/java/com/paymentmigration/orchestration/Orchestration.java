package com.paymentmigration.orchestration;

import com.paymentmigration.config.Mode;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.replication.ReplicationSlots;
import com.paymentmigration.replication.TaskSettings;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.lambda.Invocation;
import com.pulumi.aws.lambda.InvocationArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineEncryptionConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineTracingConfigurationArgs;
import com.paymentmigration.dns.WeightedName;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration and rollback state machines, their execution roles (written from what each definition calls), their
 * encrypted log group, the EventBridge rule that starts the rollback when a critical alarm fires, and in rollback
 * mode the one start of the rollback machine per switch.
 */
public final class Orchestration extends MigrationComponent {

    public static final String TYPE = "migration:orchestration:Orchestration";
    /** How long Step Functions reuses a data key: fewer KMS calls, still rotated every five minutes. */
    static final int DATA_KEY_REUSE_SECONDS = 300;

    static final String MIGRATION = "migration";
    static final String ROLLBACK = "rollback";

    public final Output<String> migrationStateMachineArn;
    public final Output<String> rollbackStateMachineArn;

    /**
     * The other components' outputs the definitions act on (see {@link Targets}); the trigger is the function that
     * starts the rollback machine in rollback mode.
     */
    public record Inputs(Output<String> replicationInstanceArn, Output<String> replicationInstanceId,
                         Output<String> forwardTaskArn, Output<String> forwardTaskId, Output<String> reverseTaskArn,
                         Output<String> reverseTaskId, Output<List<String>> endpointArns, Output<List<String>> secretArns,
                         Output<String> restApiId, Output<String> stageName, Output<String> checkpointBucket,
                         Output<String> rollbackBucket, Output<String> statusTopicArn, Output<String> alarmTopicArn,
                         Map<String, Output<String>> criticalAlarmArns, Output<String> validatorFunctionArn,
                         Output<String> triggerFunctionName, Output<Optional<WeightedName.Zone>> weightedDns,
                         Output<String> replicationOpsFunctionArn, Output<String> globalClusterId) {

        /** The single-valued outputs, in the order {@link #targets} reads them back. */
        List<Output<String>> values() {
            return List.of(replicationInstanceArn, replicationInstanceId, forwardTaskArn, forwardTaskId, reverseTaskArn,
                    reverseTaskId, restApiId, stageName, checkpointBucket, rollbackBucket, statusTopicArn, alarmTopicArn,
                    validatorFunctionArn, replicationOpsFunctionArn, globalClusterId);
        }
    }

    public Orchestration(String name, StackContext stack, EncryptionKeys keys, Inputs inputs) {
        super(TYPE, name, stack);
        var targets = targets(stack, inputs);
        var settings = Settings.of(stack.config());

        var logGroup = Wiring.logGroup(name + "-logs", stack, "state-machines", keys.primaryKeyArn, primary());
        var migration = stateMachine(name + "-migration", MIGRATION, "migration-state-machine",
                targets.applyValue(t -> MigrationDefinition.of(t, settings)), "Payment migration: preflight to "
                        + "completion; any failure starts the rollback", MigrationDefinition.TIMEOUT_SECONDS, logGroup, keys);
        var rollback = stateMachine(name + "-rollback", ROLLBACK, "rollback-state-machine",
                targets.applyValue(t -> RollbackDefinition.of(t, settings)), "Payment migration rollback: traffic to legacy, writer back "
                        + "to on-prem after the reverse drain", RollbackDefinition.TIMEOUT_SECONDS, logGroup, keys);
        this.migrationStateMachineArn = migration.arn();
        this.rollbackStateMachineArn = rollback.arn();

        alarmRule(name, stack, inputs.criticalAlarmArns(), rollback, keys);
        if (stack.config().mode() == Mode.ROLLBACK) {
            // Created by the up that switches to rollback, deleted by the one that switches back: one start a switch.
            new Invocation(name + "-rollback-on-switch", InvocationArgs.builder()
                    .functionName(inputs.triggerFunctionName())
                    .input(Flow.obj("trigger", "mode", "reason", "migration:mode set to rollback").toString())
                    .build(), primary(o -> o.dependsOn(rollback)));
        }
        registerOutputs(Map.of("migrationStateMachineArn", migrationStateMachineArn,
                "rollbackStateMachineArn", rollbackStateMachineArn));
    }

    private StateMachine stateMachine(String logicalName, String machine, String purpose,
                                      Output<Flow> flow, String description, int timeoutSeconds,
                                      com.pulumi.aws.cloudwatch.LogGroup logGroup, EncryptionKeys keys) {
        var policy = Output.tuple(flow, keys.primaryKeyArn).applyValue(t -> ExecutionPolicy.of(t.t1.permissions(), t.t2));
        var role = Wiring.serviceRole(logicalName, stack, purpose, "states.amazonaws.com", description, policy, primary());
        return new StateMachine(logicalName, StateMachineArgs.builder()
                .name(stack.names().of(NameRule.STATE_MACHINE, machine))
                .type("STANDARD")
                .roleArn(role.arn())
                .definition(flow.applyValue(f -> f.definition(description, timeoutSeconds)))
                // Every state transition is logged, never its data: inputs and outputs can carry payment keys.
                .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                        .level("ALL")
                        .includeExecutionData(false)
                        .logDestination(logGroup.arn().applyValue(arn -> arn + ":*"))
                        .build())
                .tracingConfiguration(StateMachineTracingConfigurationArgs.builder().enabled(true).build())
                .encryptionConfiguration(StateMachineEncryptionConfigurationArgs.builder()
                        .type("CUSTOMER_MANAGED_KMS_KEY")
                        .kmsKeyId(keys.primaryKeyArn)
                        .kmsDataKeyReusePeriodSeconds(DATA_KEY_REUSE_SECONDS)
                        .build())
                .build(), primary(o -> o.dependsOn(role.policy(), logGroup)));
    }

    /** Any critical alarm entering ALARM starts the rollback machine, which acts only if a migration is in flight. */
    private void alarmRule(String name, StackContext stack, Map<String, Output<String>> alarms, StateMachine rollback,
                           EncryptionKeys keys) {
        var alarmArns = Output.all(new ArrayList<>(alarms.values()));
        var rule = new EventRule(name + "-alarm-rollback", EventRuleArgs.builder()
                .name(stack.names().of(NameRule.EVENT_RULE, "alarm-rollback"))
                .description("A critical alarm in ALARM starts the migration rollback")
                .eventPattern(alarmArns.applyValue(Orchestration::alarmPattern))
                .build(), primary());
        var role = Wiring.serviceRole(name + "-alarm-rollback", stack, "alarm-rollback", "events.amazonaws.com",
                "EventBridge starts the rollback state machine on a critical alarm",
                Output.tuple(rollback.arn(), keys.primaryKeyArn).applyValue(t -> startRollbackPolicy(t.t1, t.t2).toJson()), primary());
        new EventTarget(name + "-alarm-rollback-target", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(rollback.arn())
                .roleArn(role.arn())
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(Map.of("alarm", "$.detail.alarmName", "reason", "$.detail.state.reason"))
                        .inputTemplate("{\"trigger\": \"alarm\", \"reason\": {\"alarm\": <alarm>, \"state\": <reason>}}")
                        .build())
                .build(), primary(o -> o.dependsOn(role.policy())));
    }

    static String alarmPattern(List<String> alarmArns) {
        return Flow.obj("source", List.of("aws.cloudwatch"), "detail-type", List.of("CloudWatch Alarm State Change"),
                "resources", alarmArns, "detail", Map.of("state", Map.of("value", List.of("ALARM")))).toString();
    }

    /**
     * What whoever starts the rollback needs (the alarm rule's role, the trigger function): the start, and the key,
     * since starting an encrypted state machine encrypts the input.
     */
    public static PolicyDocument startRollbackPolicy(String rollbackMachineArn, String keyArn) {
        return PolicyDocument.of(
                Statement.allow("StartTheRollback").actions("states:StartExecution").resources(rollbackMachineArn),
                Statement.allow("UseTheKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(keyArn));
    }

    private static Output<Targets> targets(StackContext stack, Inputs inputs) {
        var parameters = new LinkedHashMap<String, String>();
        var used = new ArrayList<>(Targets.USED_PARAMETERS);
        if (stack.config().trafficShift().movesDns()) {
            used.addAll(Targets.DNS_PARAMETERS);
        }
        for (var key : used) {
            parameters.put(key, stack.names().parameter(key.split("/")));
        }
        var region = stack.config().regions().primary();
        var alarmArns = Output.all(new ArrayList<>(inputs.criticalAlarmArns().values()));
        // The weighted zone only when the traffic steps move DNS weights.
        var weightedDns = stack.config().trafficShift().movesDns() ? inputs.weightedDns()
                : Output.of(Optional.<WeightedName.Zone>empty());
        return Output.tuple(Output.all(inputs.values()), inputs.endpointArns(), inputs.secretArns(), alarmArns,
                stack.accountId(), weightedDns).applyValue(t -> {
            var v = t.t1;
            return new Targets(region, t.t5, machineArn(stack, t.t5, MIGRATION), machineArn(stack, t.t5, ROLLBACK),
                    v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), t.t2, t.t3, v.get(6), v.get(7),
                    parameters, v.get(8), v.get(9), v.get(10), v.get(11),
                    t.t4.stream().map(Orchestration::alarmName).toList(), v.get(12), t.t6, v.get(13), v.get(14),
                    ReplicationSlots.reverseSlotName(stack.config().environmentSuffix()),
                    ReplicationSlots.changeSlotName(stack.config().environmentSuffix()), TaskSettings.CONTROL_SCHEMA);
        });
    }

    /**
     * The rollback machine's ARN before it exists (its name is ours), for what must be created first: the function
     * that starts it. Also breaks the cycle of a machine whose role names the machine.
     */
    public static Output<String> rollbackStateMachineArn(StackContext stack) {
        return stack.accountId().applyValue(account -> machineArn(stack, account, ROLLBACK));
    }

    /** The migration machine's ARN before it exists, for the alarms and dashboard that watch it. */
    public static Output<String> migrationStateMachineArn(StackContext stack) {
        return stack.accountId().applyValue(account -> machineArn(stack, account, MIGRATION));
    }

    private static String machineArn(StackContext stack, String account, String purpose) {
        return "arn:aws:states:" + stack.config().regions().primary() + ":" + account + ":stateMachine:"
                + stack.names().of(NameRule.STATE_MACHINE, purpose);
    }

    /** {@code arn:aws:cloudwatch:region:account:alarm:NAME} to NAME: describe-alarms takes names. */
    static String alarmName(String alarmArn) {
        var at = alarmArn.lastIndexOf(":alarm:");
        if (at < 0) {
            throw new IllegalArgumentException(alarmArn + " is not a CloudWatch alarm ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME)");
        }
        return alarmArn.substring(at + ":alarm:".length());
    }
}
