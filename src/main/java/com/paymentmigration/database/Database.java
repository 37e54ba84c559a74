package com.paymentmigration.database;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
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
import com.pulumi.resources.CustomResourceOptions;
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

    public final Output<String> writerEndpoint;
    public final Output<String> readerEndpoint;
    public final Output<String> secondaryReaderEndpoint;
    public final Output<String> globalClusterId;
    public final Output<String> primaryClusterId;
    public final Output<String> secondaryClusterId;

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
        this.globalClusterId = global.id();

        var primaryCluster = new Cluster(name + "-primary", clusterArgs(Region.PRIMARY, global, keys, production)
                .masterUsername(master.username())
                .masterPassword(master.password())
                .databaseName(stack.config().onPrem().dbName())
                .backupRetentionPeriod(aurora.backupRetentionDays())
                .build(), primary(o -> o.ignoreChanges(ignoredOnUpdate(true))));
        var primaryInstances = instances(name + "-primary", Region.PRIMARY, primaryCluster, 1 + aurora.readerCount(),
                primaryZones, keys);

        // AWS attaches a secondary only once the primary has an instance, and deletes the primary only once the
        // secondary is gone: depending on the primary's instances gives both orders.
        var secondaryCluster = new Cluster(name + "-secondary", clusterArgs(Region.SECONDARY, global, keys, secondary)
                .build(), secondary(o -> o.ignoreChanges(ignoredOnUpdate(false)).dependsOn(primaryInstances)));
        instances(name + "-secondary", Region.SECONDARY, secondaryCluster, aurora.secondaryInstanceCount(),
                secondaryZones, keys);

        this.writerEndpoint = primaryCluster.endpoint();
        this.readerEndpoint = primaryCluster.readerEndpoint();
        this.secondaryReaderEndpoint = secondaryCluster.readerEndpoint();
        this.primaryClusterId = primaryCluster.clusterIdentifier();
        this.secondaryClusterId = secondaryCluster.clusterIdentifier();
        parameters.publish(List.of("database", "writer-endpoint"), writerEndpoint, ParameterSpec.Kind.CONFIGURED,
                "Aurora writer endpoint (primary region)");
        parameters.publish(List.of("database", "reader-endpoint"), readerEndpoint, ParameterSpec.Kind.CONFIGURED,
                "Aurora reader endpoint (primary region)");
        parameters.publish(List.of("database", "secondary-reader-endpoint"), secondaryReaderEndpoint,
                ParameterSpec.Kind.CONFIGURED, "Aurora reader endpoint of the secondary region");
        registerOutputs(Map.of("writerEndpoint", writerEndpoint, "readerEndpoint", readerEndpoint,
                "secondaryReaderEndpoint", secondaryReaderEndpoint, "globalClusterId", globalClusterId));
    }

    /**
     * engineVersion: upgrades go through the global cluster (member diffs fail with an inconsistent plan).
     * masterPassword: rotation changes it after creation. replicationSourceIdentifier: set by AWS on secondaries;
     * removing it would promote the secondary.
     */
    static List<String> ignoredOnUpdate(boolean primary) {
        return primary ? List.of("engineVersion", "masterPassword") : List.of("engineVersion", "replicationSourceIdentifier");
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
                .enabledCloudwatchLogsExports("postgresql")
                .iamDatabaseAuthenticationEnabled(true)
                .copyTagsToSnapshot(true)
                .skipFinalSnapshot(true)
                .deletionProtection(false)
                .applyImmediately(true);
    }

    private List<Resource> instances(String name, Region region, Cluster cluster, int count, List<String> zones,
                                     EncryptionKeys keys) {
        var label = region == Region.PRIMARY ? "primary" : "secondary";
        var created = new ArrayList<Resource>();
        for (int i = 0; i < count; i++) {
            CustomResourceOptions options = region == Region.PRIMARY ? primary() : secondary();
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
                    .build(), options));
        }
        return created;
    }
}
