package com.paymentmigration.database;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.naming.Names;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.ParameterSpec;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.secrets.ExistingSecret;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.GlobalCluster;
import com.pulumi.aws.rds.GlobalClusterArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Aurora PostgreSQL global database: a primary cluster (writer plus readers across AZs) in the production VPC
 * and a read-only secondary cluster in eu-central-2, each encrypted with its region's key, TLS forced, logical
 * replication on for the reverse path, logs exported, Performance Insights on, and destroyable.
 */
public final class Database extends MigrationComponent {

    public static final String TYPE = "migration:database:Database";
    public static final String ENGINE = "aurora-postgresql";
    static final int PERFORMANCE_INSIGHTS_DAYS = 7;
    /** Tag of a cluster whose instances all sit in one zone because the stack accepts it (auroraAcceptSingleAz). */
    public static final String ZONE_LOSS_ACCEPTED_TAG = "ZoneLossAccepted";
    /** Service principal that publishes Enhanced Monitoring metrics with the monitoring role. */
    static final String MONITORING_PRINCIPAL = "monitoring.rds.amazonaws.com";
    static final String OS_METRICS_LOG_GROUP = Names.RDS_OS_METRICS_LOG_GROUP;
    /** Tag of an instance whose Enhanced Monitoring log group another stack manages (auroraCreateOsMetricsLogGroups). */
    public static final String OS_METRICS_ELSEWHERE_TAG = "OsMetricsLogGroupManagedElsewhere";

    /**
     * What the service, the state machines, the alarms and the operators need of the database: the endpoints by
     * role, the global cluster the writer must stay in, and the clusters' identifiers (metric dimensions).
     */
    public record Refs(Output<String> writerEndpoint, Output<String> readerEndpoint,
                       Output<String> secondaryReaderEndpoint, Output<String> globalClusterId,
                       Output<String> primaryClusterId, Output<String> secondaryClusterId) {
    }

    public final Refs refs;

    public Database(String name, StackContext stack, EncryptionKeys keys, Network production, Network secondary,
                    List<String> primaryZones, List<String> secondaryZones, ExistingSecret.Credentials master,
                    Parameters parameters) {
        super(TYPE, name, stack);
        var aurora = stack.config().aurora();
        var global = new GlobalCluster(name + "-global", GlobalClusterArgs.builder()
                .globalClusterIdentifier(stack.names().of(NameRule.RDS_IDENTIFIER, "global"))
                .engine(ENGINE)
                .engineVersion(aurora.engineVersion())
                .databaseName(stack.config().onPrem().dbName())
                .storageEncrypted(true)
                .deletionProtection(false)
                // Removes the members from the global cluster on destroy, so the stack stays destroyable.
                .forceDestroy(true)
                // Extended Support is billed after end of standard support; an upgrade is the intended path.
                .engineLifecycleSupport("open-source-rds-extended-support-disabled")
                .build(), primary());
        var monitoring = monitoringRole(name);

        var primaryCluster = new Cluster(name + "-primary", clusterArgs(Region.PRIMARY, global, keys, production)
                .masterUsername(master.username())
                .masterPassword(master.password())
                .databaseName(stack.config().onPrem().dbName())
                .build(), primary(o -> o.ignoreChanges(ignoredOnUpdate(true))));
        var primaryInstances = instances(name + "-primary", Region.PRIMARY, primaryCluster, 1 + aurora.readerCount(),
                primaryZones, keys, monitoring, osMetricsLogGroup(name, Region.PRIMARY, keys));

        // AWS attaches a secondary only once the primary has an instance, and deletes the primary only once the
        // secondary is gone: depending on the primary's instances gives both orders.
        var secondaryCluster = new Cluster(name + "-secondary", clusterArgs(Region.SECONDARY, global, keys, secondary)
                .build(), secondary(o -> o.ignoreChanges(ignoredOnUpdate(false)).dependsOn(primaryInstances)));
        instances(name + "-secondary", Region.SECONDARY, secondaryCluster, aurora.secondaryInstanceCount(),
                secondaryZones, keys, monitoring, osMetricsLogGroup(name, Region.SECONDARY, keys));

        this.refs = new Refs(primaryCluster.endpoint(), primaryCluster.readerEndpoint(), secondaryCluster.readerEndpoint(),
                global.id(), primaryCluster.clusterIdentifier(), secondaryCluster.clusterIdentifier());
        parameters.publish(ParameterKey.DATABASE_WRITER_ENDPOINT, refs.writerEndpoint(), ParameterSpec.Kind.CONFIGURED,
                "Aurora writer endpoint (primary region)");
        parameters.publish(ParameterKey.DATABASE_READER_ENDPOINT, refs.readerEndpoint(), ParameterSpec.Kind.CONFIGURED,
                "Aurora reader endpoint (primary region)");
        parameters.publish(ParameterKey.DATABASE_SECONDARY_READER_ENDPOINT, refs.secondaryReaderEndpoint(),
                ParameterSpec.Kind.CONFIGURED, "Aurora reader endpoint of the secondary region");
        registerOutputs(Map.of("writerEndpoint", refs.writerEndpoint(), "readerEndpoint", refs.readerEndpoint(),
                "secondaryReaderEndpoint", refs.secondaryReaderEndpoint(), "globalClusterId", refs.globalClusterId()));
    }

    /**
     * engineVersion: upgrades go through the global cluster (member diffs fail with an inconsistent plan).
     * masterPassword: rotation changes it after creation. replicationSourceIdentifier: set by AWS on secondaries;
     * removing it would promote the secondary.
     */
    static List<String> ignoredOnUpdate(boolean primary) {
        return primary ? List.of("engineVersion", "masterPassword") : List.of("engineVersion", "replicationSourceIdentifier");
    }

    /**
     * The role RDS uses to publish Enhanced Monitoring (one for both regions: IAM is global). Inline and narrower
     * than the managed AmazonRDSEnhancedMonitoringRole, like every other role here: only the RDSOSMetrics log group
     * RDS writes to, in this account.
     */
    private Wiring.ServiceRole monitoringRole(String name) {
        var regions = List.of(stack.config().regions().primary(), stack.config().regions().secondary());
        return Wiring.serviceRole(name + "-monitoring", stack, "rds-monitoring", MONITORING_PRINCIPAL,
                "Publishes Aurora Enhanced Monitoring metrics to CloudWatch Logs",
                stack.accountId().applyValue(account -> monitoringPolicy(account, regions)), primary());
    }

    /**
     * The region's RDSOSMetrics group, made here so that it has our key and retention: left to RDS, it is created
     * on the first sample with CloudWatch Logs' own encryption and 30 days (terraform-aws-modules/terraform-aws-rds
     * #578 manages it the same way: RDS writes into a group that exists and leaves its settings). CloudWatch Logs
     * encrypts with the key itself ("all newly ingested data for the log group is encrypted using the KMS key",
     * CloudWatch Logs API, AssociateKmsKey), so RDS and its role need no KMS permission; the key policy admits this
     * group by name. It must exist before the first instance, or RDS creates it and this create fails. Empty when another stack
     * of the account manages it.
     */
    private List<Resource> osMetricsLogGroup(String name, Region region, EncryptionKeys keys) {
        if (!stack.config().aurora().createOsMetricsLogGroups()) {
            return List.of();
        }
        var label = region == Region.PRIMARY ? "primary" : "secondary";
        return List.of(Wiring.logGroupNamed(name + "-" + label + "-os-metrics", stack, OS_METRICS_LOG_GROUP,
                keys.keyArn(region), region == Region.PRIMARY ? primary() : secondary()));
    }

    static String monitoringPolicy(String accountId, List<String> regions) {
        var groups = regions.stream().map(r -> "arn:aws:logs:" + r + ":" + accountId + ":log-group:" + OS_METRICS_LOG_GROUP)
                .toList();
        // CreateLogGroup and PutRetentionPolicy stay, as in AWS's managed policy for this role: with the group made by
        // the stack first they have nothing to create, and RDS sets a retention only on a group it created itself
        // (see osMetricsLogGroup). Whether its agent still calls them on an existing group is not documented.
        return PolicyDocument.of(
                Statement.allow("CreateTheMetricsGroup")
                        .actions("logs:CreateLogGroup", "logs:PutRetentionPolicy").resources(groups),
                Statement.allow("WriteMetrics")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents")
                        .resources(groups.stream().map(g -> g + ":log-stream:*").toList())).toJson();
    }

    private ClusterArgs.Builder clusterArgs(Region region, GlobalCluster global, EncryptionKeys keys, Network network) {
        var label = region == Region.PRIMARY ? "primary" : "secondary";
        var options = region == Region.PRIMARY ? primary() : secondary();
        var subnets = new SubnetGroup(label + "-db-subnets", SubnetGroupArgs.builder()
                .name(stack.names().of(NameRule.RDS_IDENTIFIER, label + "-db-subnets"))
                .description("Aurora " + label + ": database tier of the " + network.role.label + " VPC")
                .subnetIds(Output.all(network.subnetIds(Tier.DATABASE)))
                .build(), options);
        var parameterGroup = new ClusterParameterGroup(label + "-cluster-parameters", ClusterParameterGroupArgs.builder()
                .name(stack.names().of(NameRule.RDS_IDENTIFIER, label + "-" + stack.config().aurora().parameterGroupFamily()))
                .family(stack.config().aurora().parameterGroupFamily())
                .description("TLS forced, logical replication for the reverse DMS task")
                .parameters(ClusterParameters.ALL.stream().map(p -> ClusterParameterGroupParameterArgs.builder()
                        .name(p.name()).value(p.value()).applyMethod(p.applyMethod()).build()).toList())
                .build(), options);
        return ClusterArgs.builder()
                .clusterIdentifier(stack.names().of(NameRule.RDS_IDENTIFIER, label))
                .engine(ENGINE)
                .engineVersion(stack.config().aurora().engineVersion())
                .globalClusterIdentifier(global.id())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(network.securityGroups.get(SecurityRules.Group.DATABASE).id().applyValue(List::of))
                .dbClusterParameterGroupName(parameterGroup.name())
                .storageEncrypted(true)
                .kmsKeyId(keys.keyArn(region))
                // Both clusters: Aurora's default is 1 day "regardless of how the DB cluster is created" (Aurora user
                // guide, backups), and the secondary is the copy left after a regional failover.
                .backupRetentionPeriod(stack.config().aurora().backupRetentionDays())
                .tags(zoneLossTag(region))
                .enabledCloudwatchLogsExports("postgresql")
                .iamDatabaseAuthenticationEnabled(true)
                .copyTagsToSnapshot(true)
                .skipFinalSnapshot(true)
                .deletionProtection(false)
                .applyImmediately(true);
    }

    /** The acceptance of a single-zone cluster, on the cluster itself, where an assessor sees it. */
    private Map<String, String> zoneLossTag(Region region) {
        var aurora = stack.config().aurora();
        int instances = region == Region.PRIMARY ? 1 + aurora.readerCount() : aurora.secondaryInstanceCount();
        return aurora.acceptSingleAz() && instances < 2 ? Map.of(ZONE_LOSS_ACCEPTED_TAG, "true") : Map.of();
    }

    private List<Resource> instances(String name, Region region, Cluster cluster, int count, List<String> zones,
                                     EncryptionKeys keys, Wiring.ServiceRole monitoring, List<Resource> osMetricsLogGroup) {
        var label = region == Region.PRIMARY ? "primary" : "secondary";
        var before = new ArrayList<Resource>(osMetricsLogGroup);
        before.add(monitoring.policy());
        // Where an assessor sees it: this instance's OS metrics go to a group this stack does not hold.
        var tags = osMetricsLogGroup.isEmpty() ? Map.of(OS_METRICS_ELSEWHERE_TAG, "true") : Map.<String, String>of();
        var created = new ArrayList<Resource>();
        for (int i = 0; i < count; i++) {
            created.add(new ClusterInstance(name + "-" + i, ClusterInstanceArgs.builder()
                    .identifier(stack.names().of(NameRule.RDS_IDENTIFIER, label + "-" + i))
                    .clusterIdentifier(cluster.id())
                    .engine(ENGINE)
                    .engineVersion(stack.config().aurora().engineVersion())
                    .instanceClass(stack.config().aurora().instanceClass())
                    // Spread over the AZs; instance 0 of the primary is the writer (failover tier 0).
                    .availabilityZone(zones.get(i % zones.size()))
                    .promotionTier(i == 0 ? 0 : 1)
                    .publiclyAccessible(false)
                    .performanceInsightsEnabled(true)
                    .performanceInsightsKmsKeyId(keys.keyArn(region))
                    .performanceInsightsRetentionPeriod(PERFORMANCE_INSIGHTS_DAYS)
                    .monitoringInterval(stack.config().aurora().monitoringIntervalSeconds())
                    .monitoringRoleArn(monitoring.arn())
                    .tags(tags)
                    .build(), region == Region.PRIMARY ? primary(o -> o.dependsOn(before)) : secondary(o -> o.dependsOn(before))));
        }
        return created;
    }
}
