package com.paymentmigration;

import com.paymentmigration.api.Api;
import com.paymentmigration.api.WebFirewall;
import com.paymentmigration.dns.WeightedDns;
import com.paymentmigration.runbook.RunbookOutputs;
import com.paymentmigration.service.PaymentService;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.database.Database;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.secrets.FetchedSecrets;
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
import java.util.List;
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
        var secrets = FetchedSecrets.fetch(stack);
        var storage = new Storage("storage", stack, keys);
        var functions = new Functions("functions", stack, keys, networks.get(VpcRole.MIGRATION), secrets,
                storage.refs.checkpoints());
        new Secrets("secrets", stack, secrets.rotated(), functions.rotation);
        var parameters = new Parameters("parameters", stack, keys);
        var database = new Database("database", stack, keys, networks.get(VpcRole.PRODUCTION),
                networks.get(VpcRole.SECONDARY), zones.get(Region.PRIMARY), zones.get(Region.SECONDARY),
                secrets.database().auroraMaster().currentCredentials(stack), parameters);
        var notifications = new Notifications("notifications", stack, keys);
        Optional<PaymentService> service = secrets.service().map(secret -> new PaymentService("service", stack, keys,
                networks.get(VpcRole.MIGRATION),
                SecurityRules.serviceClients(plans, config.networks().onPrem(), config.dns().enabled()),
                secret, database.refs.writerEndpoint(), parameters, storage.loadBalancerLogs.orElseThrow()));
        var api = new Api("api", stack, keys, networks.get(VpcRole.MIGRATION), functions.authorizer, parameters, service);
        new WebFirewall("waf", stack, keys, api.refs.stageArn());
        var replication = new Replication("replication", stack, keys, networks.get(VpcRole.MIGRATION),
                secrets.database(), parameters);
        var monitoring = new Monitoring("monitoring", stack, new Monitoring.Parts(replication.refs, database.refs,
                api.refs, functions.refs, notifications.refs, service.map(s -> s.dimensions)));
        Optional<WeightedDns> dns = service.filter(s -> config.dns().enabled()).map(s -> new WeightedDns("dns", stack,
                List.of(networks.get(VpcRole.PRODUCTION), networks.get(VpcRole.MIGRATION)), s, monitoring.alarms,
                parameters));
        var orchestration = new Orchestration("orchestration", stack, keys, new Orchestration.Parts(replication.refs,
                database.refs, secrets.database(), api.refs, storage.refs, notifications.refs, monitoring.alarms,
                functions.refs, WeightedDns.zoneOf(dns)));

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
        ctx.export(StackOutputs.AURORA_WRITER_ENDPOINT, database.refs.writerEndpoint());
        ctx.export(StackOutputs.AURORA_READER_ENDPOINT, database.refs.readerEndpoint());
        ctx.export(StackOutputs.AURORA_SECONDARY_READER_ENDPOINT, database.refs.secondaryReaderEndpoint());
        ctx.export(StackOutputs.GLOBAL_CLUSTER_ID, database.refs.globalClusterId());
        ctx.export(StackOutputs.REPLICATION_INSTANCE_ARN, replication.refs.instanceArn());
        ctx.export(StackOutputs.FORWARD_TASK_ARN, replication.refs.forward().arn());
        ctx.export(StackOutputs.REVERSE_TASK_ARN, replication.refs.reverse().arn());
        ctx.export(StackOutputs.ROTATION_FUNCTION_ARN, functions.rotation.arn());
        ctx.export(StackOutputs.PARAMETER_ROOT, Output.of(stack.names().parameter()));
        ctx.export(StackOutputs.CHECKPOINT_BUCKET, storage.checkpoints.name);
        ctx.export(StackOutputs.ROLLBACK_STATE_BUCKET, storage.rollbackStates.name);
        ctx.export(StackOutputs.TRANSACTION_LOG_BUCKET, storage.transactionLogs.name);
        ctx.export(StackOutputs.TRANSACTION_LOG_REPLICA_BUCKET, storage.transactionLogsReplica.name);
        ctx.export(StackOutputs.STATUS_TOPIC_ARN, notifications.refs.statusTopicArn());
        ctx.export(StackOutputs.ALARM_TOPIC_ARN, notifications.refs.alarmTopicArn());
        ctx.export(StackOutputs.VALIDATION_TOPIC_ARN, notifications.refs.validationTopicArn());
        ctx.export(StackOutputs.MODE, Output.of(config.mode().configValue()));
        ctx.export(StackOutputs.MIGRATION_STATE_MACHINE_ARN, orchestration.migrationStateMachineArn);
        ctx.export(StackOutputs.ROLLBACK_STATE_MACHINE_ARN, orchestration.rollbackStateMachineArn);
        ctx.export(StackOutputs.VALIDATOR_FUNCTION_ARN, functions.validator.arn());
        ctx.export(StackOutputs.API_ENDPOINT, api.refs.endpoint());
        ctx.export(StackOutputs.API_ID, api.refs.restApiId());
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
        ctx.export(StackOutputs.RUNBOOK, RunbookOutputs.of(ctx.stackName(), stack, orchestration, api.refs, storage.refs, dns));
    }

}
