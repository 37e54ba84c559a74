package com.paymentmigration;

import com.paymentmigration.api.Api;
import com.paymentmigration.api.WebFirewall;
import com.paymentmigration.dns.WeightedDns;
import com.paymentmigration.monitoring.AlarmCatalog;
import com.paymentmigration.runbook.RunbookOutputs;
import com.paymentmigration.service.PaymentService;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.database.Database;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.secrets.ExistingSecret;
import com.paymentmigration.secrets.Secrets;
import com.paymentmigration.network.AvailabilityZones;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.SubnetPlan;
import com.paymentmigration.network.Tier;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.transit.Transit;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.monitoring.Monitoring;
import com.paymentmigration.notifications.Notifications;
import com.paymentmigration.orchestration.Orchestration;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.replication.Replication;
import com.paymentmigration.storage.Storage;
import com.paymentmigration.cli.CommonPool;
import com.paymentmigration.cli.PlanCommand;
import com.paymentmigration.cli.RehearseCommand;
import com.paymentmigration.executor.ExecuteCommand;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program. Without arguments it runs under the Pulumi engine ({@code pulumi up}); {@code plan} runs the same
 * {@link #stack} in-process under the SDK's mock engine, with no cloud account and no Pulumi CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommonPool.atLeastTwoWorkers();
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Main::stack));
        }
        if (args.length > 0 && args[0].equals("execute")) {
            System.exit(ExecuteCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("rehearse")) {
            System.exit(RehearseCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Main::stack));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar payment-migration.jar [plan [--stack NAME] [--set key=value]... "
                    + "[--out DIR] [--project-dir DIR]] | [execute --definition FILE ...] | [rehearse [--scenario NAME] ...]");
            System.exit(2);
        }
        Pulumi.run(Main::stack);
    }

    /** The whole stack, for one environment suffix. Config is validated before any resource is registered. */
    public static void stack(Context ctx) {
        MigrationConfig config = ConfigReader.read(ConfigSource.of(ctx.config()));
        var stack = StackContext.create(config);

        var zones = new EnumMap<Region, List<String>>(Region.class);
        for (var region : Region.values()) {
            zones.put(region, AvailabilityZones.resolve(stack, region));
        }
        var plans = new EnumMap<VpcRole, SubnetPlan>(VpcRole.class);
        for (var role : VpcRole.values()) {
            plans.put(role, SubnetPlan.of(role.cidr(config), config.networks().availabilityZoneCount()));
        }

        var keys = new EncryptionKeys("keys", stack);
        var networks = new EnumMap<VpcRole, Network>(VpcRole.class);
        for (var role : VpcRole.values()) {
            networks.put(role, new Network(role.label, stack, role, plans.get(role), zones.get(role.region),
                    SecurityRules.of(role, plans, config.networks().onPrem()), keys));
        }
        var transit = new Transit("transit", stack, networks.get(VpcRole.PRODUCTION), networks.get(VpcRole.MIGRATION),
                networks.get(VpcRole.SECONDARY));

        // Existing credentials: fetched by name, never created; every one of them gets rotation.
        var sourceSecret = ExistingSecret.fetch(stack, config.onPrem().dbSecretName());
        var masterSecret = ExistingSecret.fetch(stack, config.aurora().masterSecretName());
        var rotated = new LinkedHashMap<String, ExistingSecret>();
        rotated.put("source", sourceSecret);
        rotated.put("aurora-master", masterSecret);
        Optional<ExistingSecret> serviceSecret = config.service().enabled()
                ? Optional.of(ExistingSecret.fetch(stack, config.service().dbSecretName())) : Optional.empty();
        serviceSecret.ifPresent(secret -> rotated.put("service-db", secret));
        var storage = new Storage("storage", stack, keys);
        var functions = new Functions("functions", stack, keys, networks.get(VpcRole.MIGRATION),
                Output.all(sourceSecret.arn(), masterSecret.arn()),
                Output.all(rotated.values().stream().map(ExistingSecret::arn).toList()),
                Output.all(rotated.values().stream().map(ExistingSecret::kmsKeyArn).toList()),
                storage.checkpoints.name, storage.checkpoints.arn, Orchestration.rollbackStateMachineArn(stack));
        new Secrets("secrets", stack, rotated, functions.rotation);
        var parameters = new Parameters("parameters", stack, keys);
        var database = new Database("database", stack, keys, networks.get(VpcRole.PRODUCTION),
                networks.get(VpcRole.SECONDARY), zones.get(Region.PRIMARY), zones.get(Region.SECONDARY),
                masterSecret.currentCredentials(stack), parameters);
        var notifications = new Notifications("notifications", stack, keys);
        Optional<PaymentService> service = serviceSecret.map(secret -> new PaymentService("service", stack, keys,
                networks.get(VpcRole.MIGRATION),
                SecurityRules.serviceClients(plans, config.networks().onPrem(), config.dns().enabled()),
                secret, database.writerEndpoint, parameters, storage.loadBalancerLogs.orElseThrow()));
        var api = new Api("api", stack, keys, networks.get(VpcRole.MIGRATION), functions, parameters, service);
        new WebFirewall("waf", stack, keys, api.stageArn);
        var replication = new Replication("replication", stack, keys, networks.get(VpcRole.MIGRATION), sourceSecret,
                masterSecret, parameters);
        var monitoring = new Monitoring("monitoring", stack, new Monitoring.Sources(replication.instanceId,
                replication.forwardTaskResourceId, replication.reverseTaskResourceId, database.primaryClusterId,
                database.secondaryClusterId, api.apiName, api.stageName, api.loadBalancerArnSuffix,
                api.legacyTargetGroupArnSuffix, api.newTargetGroupArnSuffix,
                functionNames(functions), Orchestration.migrationStateMachineArn(stack),
                Orchestration.rollbackStateMachineArn(stack), service.map(s -> new Monitoring.ServiceSources(
                        s.clusterName, s.serviceName, s.loadBalancerArnSuffix, s.targetGroupArnSuffix))),
                notifications.alarmTopicArn, notifications.secondaryAlarmTopicArn, replication.taskLogGroupName,
                functions.authorizerLogGroupName);
        Optional<WeightedDns> dns = service.filter(s -> config.dns().enabled()).map(s -> new WeightedDns("dns", stack,
                List.of(networks.get(VpcRole.PRODUCTION), networks.get(VpcRole.MIGRATION)), s,
                monitoring.alarmNames.get(AlarmCatalog.LEGACY_DOWN), monitoring.alarmNames.get(AlarmCatalog.SERVICE_DOWN),
                parameters));
        var orchestration = new Orchestration("orchestration", stack, keys, new Orchestration.Inputs(
                replication.instanceArn, replication.instanceId, replication.forwardTaskArn,
                replication.forwardTaskResourceId, replication.reverseTaskArn, replication.reverseTaskResourceId,
                replication.endpointArns, Output.all(sourceSecret.arn(), masterSecret.arn()), api.restApiId, api.stageName,
                storage.checkpoints.name, storage.rollbackStates.name, notifications.statusTopicArn,
                notifications.alarmTopicArn, monitoring.criticalAlarmArns, functions.validator.arn(),
                functions.rollbackTrigger.name(), WeightedDns.zoneOf(dns), functions.replicationOps.arn(),
                database.globalClusterId));

        for (var network : networks.values()) {
            ctx.export(StackOutputs.vpcId(network.role), network.vpcId);
            for (var tier : Tier.values()) {
                if (network.subnets.containsKey(tier)) {
                    ctx.export(StackOutputs.subnetIds(network.role, tier), Output.all(network.subnetIds(tier)));
                }
            }
        }
        ctx.export(StackOutputs.PRIMARY_TRANSIT_GATEWAY_ID, transit.primaryTransitGatewayId);
        ctx.export(StackOutputs.SECONDARY_TRANSIT_GATEWAY_ID, transit.secondaryTransitGatewayId);
        ctx.export(StackOutputs.VPN_CONNECTION_ID, transit.vpnConnectionId);
        ctx.export(StackOutputs.AURORA_WRITER_ENDPOINT, database.writerEndpoint);
        ctx.export(StackOutputs.AURORA_READER_ENDPOINT, database.readerEndpoint);
        ctx.export(StackOutputs.AURORA_SECONDARY_READER_ENDPOINT, database.secondaryReaderEndpoint);
        ctx.export(StackOutputs.GLOBAL_CLUSTER_ID, database.globalClusterId);
        ctx.export(StackOutputs.REPLICATION_INSTANCE_ARN, replication.instanceArn);
        ctx.export(StackOutputs.FORWARD_TASK_ARN, replication.forwardTaskArn);
        ctx.export(StackOutputs.REVERSE_TASK_ARN, replication.reverseTaskArn);
        ctx.export(StackOutputs.ROTATION_FUNCTION_ARN, functions.rotation.arn());
        ctx.export(StackOutputs.PARAMETER_ROOT, Output.of(stack.names().parameter()));
        ctx.export(StackOutputs.CHECKPOINT_BUCKET, storage.checkpoints.name);
        ctx.export(StackOutputs.ROLLBACK_STATE_BUCKET, storage.rollbackStates.name);
        ctx.export(StackOutputs.TRANSACTION_LOG_BUCKET, storage.transactionLogs.name);
        ctx.export(StackOutputs.TRANSACTION_LOG_REPLICA_BUCKET, storage.transactionLogsReplica.name);
        ctx.export(StackOutputs.STATUS_TOPIC_ARN, notifications.statusTopicArn);
        ctx.export(StackOutputs.ALARM_TOPIC_ARN, notifications.alarmTopicArn);
        ctx.export(StackOutputs.VALIDATION_TOPIC_ARN, notifications.validationTopicArn);
        ctx.export(StackOutputs.MODE, Output.of(config.mode().configValue()));
        ctx.export(StackOutputs.MIGRATION_STATE_MACHINE_ARN, orchestration.migrationStateMachineArn);
        ctx.export(StackOutputs.ROLLBACK_STATE_MACHINE_ARN, orchestration.rollbackStateMachineArn);
        ctx.export(StackOutputs.VALIDATOR_FUNCTION_ARN, functions.validator.arn());
        ctx.export(StackOutputs.API_ENDPOINT, api.endpoint);
        ctx.export(StackOutputs.API_ID, api.restApiId);
        ctx.export(StackOutputs.DASHBOARD_URL, monitoring.dashboardUrl);
        service.ifPresent(s -> {
            ctx.export(StackOutputs.SERVICE_CLUSTER_NAME, s.clusterName);
            ctx.export(StackOutputs.SERVICE_NAME, s.serviceName);
            ctx.export(StackOutputs.SERVICE_LOAD_BALANCER_DNS_NAME, s.loadBalancerDnsName);
            ctx.export(StackOutputs.SERVICE_IMAGE_REPOSITORY_URL, s.imageRepositoryUrl);
        });
        dns.ifPresent(d -> {
            ctx.export(StackOutputs.DNS_ZONE_ID, d.zoneId);
            ctx.export(StackOutputs.DNS_RECORD_NAME, d.recordName);
        });
        ctx.export(StackOutputs.RUNBOOK, RunbookOutputs.of(ctx.stackName(), stack, orchestration, api, storage, dns));
    }

    /**
     * The functions the dashboard and alarms watch, by label, in a fixed order: Map.of's order changes from run to
     * run, and with it the dashboard body every preview would show as changed.
     */
    private static Map<String, Output<String>> functionNames(Functions functions) {
        var names = new LinkedHashMap<String, Output<String>>();
        names.put("rotation", functions.rotation.name());
        names.put("authorizer", functions.authorizer.name());
        names.put("validator", functions.validator.name());
        names.put("rollback-trigger", functions.rollbackTrigger.name());
        names.put("replication-ops", functions.replicationOps.name());
        return names;
    }
}
