package com.paymentmigration.storage;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.keys.EncryptionKeys;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration's buckets: checkpoints (state before every irreversible step), rollback states, and transaction
 * logs replicated to the secondary region. Each region has its own access-log bucket, since S3 delivers access
 * logs only within a region.
 */
public final class Storage extends MigrationComponent {

    public static final String TYPE = "migration:storage:Storage";

    /** A bucket as the functions and state machines that write to it name it. */
    public record Bucket(Output<String> name, Output<String> arn) {
    }

    /** The buckets the state machines and the validator write to. */
    public record Refs(Bucket checkpoints, Bucket rollbackStates) {
    }

    public final SecureBucket checkpoints;
    public final SecureBucket rollbackStates;
    public final SecureBucket transactionLogs;
    public final SecureBucket transactionLogsReplica;
    /** Where the payment service's load balancer writes access logs (with the service only). */
    public final Optional<SecureBucket> loadBalancerLogs;
    public final Refs refs;

    public Storage(String name, StackContext stack, EncryptionKeys keys) {
        super(TYPE, name, stack);
        var primaryLogs = bucket("access-logs", Region.PRIMARY, keys.primaryKeyArn, null, Lifecycles.accessLogs());
        var secondaryLogs = bucket("access-logs-secondary", Region.SECONDARY, keys.secondaryKeyArn, null,
                Lifecycles.accessLogs());
        this.checkpoints = bucket("checkpoints", Region.PRIMARY, keys.primaryKeyArn, primaryLogs, Lifecycles.versionedState());
        this.rollbackStates = bucket("rollback-states", Region.PRIMARY, keys.primaryKeyArn, primaryLogs,
                Lifecycles.versionedState());
        this.transactionLogs = bucket("transaction-logs", Region.PRIMARY, keys.primaryKeyArn, primaryLogs,
                Lifecycles.transactionLogs());
        this.transactionLogsReplica = bucket("transaction-logs-replica", Region.SECONDARY, keys.secondaryKeyArn,
                secondaryLogs, Lifecycles.transactionLogs());
        replicate(name + "-transaction-logs-replication", transactionLogs, transactionLogsReplica, keys);
        this.loadBalancerLogs = stack.config().service().enabled()
                ? Optional.of(new SecureBucket("load-balancer-logs", stack, Region.PRIMARY, this,
                        SecureBucket.Args.loadBalancerLogs("load-balancer-logs", stack.config().regions().primary(),
                                primaryLogs, Lifecycles.accessLogs())))
                : Optional.empty();
        this.refs = new Refs(new Bucket(checkpoints.name, checkpoints.arn),
                new Bucket(rollbackStates.name, rollbackStates.arn));
        registerOutputs(Map.of(
                "checkpointBucket", checkpoints.name,
                "rollbackStateBucket", rollbackStates.name,
                "transactionLogBucket", transactionLogs.name,
                "transactionLogReplicaBucket", transactionLogsReplica.name));
    }

    private SecureBucket bucket(String purpose, Region region, Output<String> keyArn, SecureBucket accessLogs,
                                List<com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs> lifecycle) {
        return new SecureBucket(purpose, stack, region, this, new SecureBucket.Args(purpose, keyArn, accessLogs, lifecycle));
    }

    private void replicate(String name, SecureBucket source, SecureBucket destination, EncryptionKeys keys) {
        var primaryRegion = stack.config().regions().primary();
        var secondaryRegion = stack.config().regions().secondary();
        var role = Wiring.serviceRole(name, stack, "transaction-logs-replication", "s3.amazonaws.com",
                "S3 replication of the transaction logs to " + secondaryRegion,
                Output.tuple(source.arn, destination.arn, keys.primaryKeyArn, keys.secondaryKeyArn)
                        .applyValue(t -> BucketPolicies.replication(t.t1, t.t2, t.t3, primaryRegion, t.t4, secondaryRegion)),
                primary());
        new BucketReplicationConfig(name, BucketReplicationConfigArgs.builder()
                .bucket(source.name)
                .role(role.arn())
                .rules(BucketReplicationConfigRuleArgs.builder()
                        .id("transaction-logs-to-" + secondaryRegion)
                        .status("Enabled")
                        .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                        // Deletions stay in the source: the replica is the audit copy that survives them.
                        .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                                .status("Disabled").build())
                        .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                                .sseKmsEncryptedObjects(
                                        BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs
                                                .builder().status("Enabled").build())
                                .build())
                        .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                                .bucket(destination.arn)
                                .encryptionConfiguration(
                                        BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                                .replicaKmsKeyId(keys.secondaryKeyArn).build())
                                .build())
                        .build())
                .build(), primary(o -> o.dependsOn(source.versioning, destination.versioning, role.policy())));
    }
}
