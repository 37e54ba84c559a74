package com.paymentmigration.orchestration;

import com.paymentmigration.api.Api;
import com.paymentmigration.config.Mode;
import com.paymentmigration.core.Combined;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.StateMachine;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.database.Database;
import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.monitoring.Monitoring;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.notifications.Notifications;
import com.paymentmigration.replication.Replication;
import com.paymentmigration.replication.ReplicationSlots;
import com.paymentmigration.replication.TaskSettings;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.storage.Storage;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.lambda.Invocation;
import com.pulumi.aws.lambda.InvocationArgs;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineEncryptionConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineTracingConfigurationArgs;
import com.pulumi.core.Output;

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

    public final Output<String> migrationStateMachineArn;
    public final Output<String> rollbackStateMachineArn;

    /**
     * The other components the definitions act on (see {@link Targets}).
     *
     * @param functions   the validator and replication-ops the definitions invoke, and the trigger that starts the
     *                    rollback machine in rollback mode
     * @param weightedDns the weighted name, when the stack has one
     */
    public record Parts(Replication.Refs replication, Database.Refs database, DatabaseSecrets secrets, Api.Refs api,
                        Storage.Refs storage, Notifications.Refs notifications, Monitoring.Alarms alarms,
                        Functions.Refs functions, Output<Optional<WeightedName.Zone>> weightedDns) {
    }

    public Orchestration(String name, StackContext stack, EncryptionKeys keys, Parts parts) {
        super(TYPE, name, stack);
        var targets = targets(stack, parts);
        var settings = Settings.of(stack.config());

        var logGroup = Wiring.logGroup(name + "-logs", stack, "state-machines", keys.primaryKeyArn, primary());
        var migration = stateMachine(name + "-migration", StateMachine.MIGRATION, "migration-state-machine",
                targets.applyValue(t -> MigrationDefinition.of(t, settings)), "Payment migration: preflight to "
                        + "completion; any failure starts the rollback", MigrationDefinition.TIMEOUT_SECONDS, logGroup, keys);
        var rollback = stateMachine(name + "-rollback", StateMachine.ROLLBACK, "rollback-state-machine",
                targets.applyValue(t -> RollbackDefinition.of(t, settings)), "Payment migration rollback: traffic to legacy, writer back "
                        + "to on-prem after the reverse drain", RollbackDefinition.TIMEOUT_SECONDS, logGroup, keys);
        this.migrationStateMachineArn = migration.arn();
        this.rollbackStateMachineArn = rollback.arn();

        alarmRule(name, stack, parts.alarms().critical(), rollback, keys);
        if (stack.config().mode() == Mode.ROLLBACK) {
            // Created by the up that switches to rollback, deleted by the one that switches back: one start a switch.
            new Invocation(name + "-rollback-on-switch", InvocationArgs.builder()
                    .functionName(parts.functions().rollbackTriggerName())
                    .input(Flow.obj("trigger", "mode", "reason", "migration:mode set to rollback").toString())
                    .build(), primary(o -> o.dependsOn(rollback)));
        }
        registerOutputs(Map.of("migrationStateMachineArn", migrationStateMachineArn,
                "rollbackStateMachineArn", rollbackStateMachineArn));
    }

    private com.pulumi.aws.sfn.StateMachine stateMachine(String logicalName, StateMachine machine, String purpose,
                                      Output<Flow> flow, String description, int timeoutSeconds,
                                      com.pulumi.aws.cloudwatch.LogGroup logGroup, EncryptionKeys keys) {
        var policy = Output.tuple(flow, keys.primaryKeyArn).applyValue(t -> ExecutionPolicy.of(t.t1.permissions(), t.t2));
        var role = Wiring.serviceRole(logicalName, stack, purpose, "states.amazonaws.com", description, policy, primary());
        return new com.pulumi.aws.sfn.StateMachine(logicalName, StateMachineArgs.builder()
                .name(machine.name(stack))
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
    private void alarmRule(String name, StackContext stack, List<Monitoring.AlarmRef> alarms,
                           com.pulumi.aws.sfn.StateMachine rollback, EncryptionKeys keys) {
        var alarmArns = Output.all(alarms.stream().map(Monitoring.AlarmRef::arn).toList());
        var rule = new EventRule(name + "-alarm-rollback", EventRuleArgs.builder()
                .name(stack.names().of(NameRule.EVENT_RULE, "alarm-rollback"))
                .description("A critical alarm in ALARM starts the migration rollback")
                .eventPattern(alarmArns.applyValue(Orchestration::alarmPattern))
                .build(), primary());
        var role = Wiring.serviceRole(name + "-alarm-rollback", stack, "alarm-rollback", "events.amazonaws.com",
                "EventBridge starts the rollback state machine on a critical alarm",
                Output.tuple(rollback.arn(), keys.primaryKeyArn).applyValue(t ->
                        StateMachine.startRollbackPolicy(t.t1, t.t2).toJson()), primary());
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

    private static Output<Targets> targets(StackContext stack, Parts parts) {
        var replication = parts.replication();
        var functions = parts.functions();
        var values = new Combined();
        var account = values.add(stack.accountId());
        var instanceArn = values.add(replication.instanceArn());
        var instanceId = values.add(replication.instanceId());
        var forwardArn = values.add(replication.forward().arn());
        var forwardId = values.add(replication.forward().resourceId());
        var reverseArn = values.add(replication.reverse().arn());
        var reverseId = values.add(replication.reverse().resourceId());
        var endpointArns = values.add(replication.endpoints().all());
        var secretArns = values.add(parts.secrets().arns());
        var restApiId = values.add(parts.api().restApiId());
        var stageName = values.add(parts.api().stageName());
        var checkpointBucket = values.add(parts.storage().checkpoints().name());
        var rollbackBucket = values.add(parts.storage().rollbackStates().name());
        var statusTopic = values.add(parts.notifications().statusTopicArn());
        var alarmTopic = values.add(parts.notifications().alarmTopicArn());
        var criticalAlarms = values.add(Output.all(parts.alarms().critical().stream().map(Monitoring.AlarmRef::name).toList()));
        var validatorArn = values.add(functions.validatorArn());
        // The weighted zone only when the traffic steps move DNS weights.
        var weightedDns = values.add(stack.config().trafficShift().movesDns() ? parts.weightedDns()
                : Output.of(Optional.<WeightedName.Zone>empty()));
        var replicationOpsArn = values.add(functions.replicationOpsArn());
        var globalClusterId = values.add(parts.database().globalClusterId());
        var region = stack.config().regions().primary();
        return values.apply(v -> new Targets(region, v.get(account), StateMachine.MIGRATION.arn(stack, v.get(account)),
                StateMachine.ROLLBACK.arn(stack, v.get(account)), v.get(instanceArn), v.get(instanceId),
                v.get(forwardArn), v.get(forwardId), v.get(reverseArn), v.get(reverseId), v.get(endpointArns),
                v.get(secretArns), v.get(restApiId), v.get(stageName), stack.names().parameter(), v.get(checkpointBucket),
                v.get(rollbackBucket), v.get(statusTopic), v.get(alarmTopic), v.get(criticalAlarms), v.get(validatorArn),
                v.get(weightedDns), v.get(replicationOpsArn), v.get(globalClusterId),
                ReplicationSlots.reverseSlotName(stack.config().environmentSuffix()),
                ReplicationSlots.changeSlotName(stack.config().environmentSuffix()), TaskSettings.CONTROL_SCHEMA));
    }
}
