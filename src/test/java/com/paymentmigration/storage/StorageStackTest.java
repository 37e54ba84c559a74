package com.paymentmigration.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StorageStackTest {

    private static final String PRIMARY_KEY = "arn:aws:kms:eu-central-1:123456789012:key/keys-primary";
    private static final String SECONDARY_KEY = "arn:aws:kms:eu-central-2:123456789012:key/keys-secondary";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    private static RecordedResource forBucket(String type, String bucketName) {
        return run.ofType(type).stream().filter(r -> bucketName.equals(r.stringInput("bucket"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + bucketName));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "checkpoints, aws-primary",
            "rollback-states, aws-primary",
            "transaction-logs, aws-primary",
            "transaction-logs-replica, aws-secondary",
            "access-logs, aws-primary",
            "access-logs-secondary, aws-secondary",
    })
    void everyBucketIsVersionedEncryptedPrivateTlsOnlyAndDestroyable(String purpose, String provider) throws Exception {
        var bucket = run.one("aws:s3/bucketV2:BucketV2", purpose);
        var name = "migration-" + purpose + "-dev-123456789012";
        assertThat(bucket.inputs()).containsEntry("bucket", name).containsEntry("forceDestroy", true);
        assertThat(bucket.providerName()).contains(provider);

        assertThat(forBucket("aws:s3/bucketVersioningV2:BucketVersioningV2", name).input("versioningConfiguration.status"))
                .contains("Enabled");
        var sse = forBucket("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name);
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("aws:kms");
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"))
                .contains(provider.equals("aws-primary") ? PRIMARY_KEY : SECONDARY_KEY);
        assertThat(sse.providerName()).contains(provider);
        assertThat(forBucket("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name).inputs())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(forBucket("aws:s3/bucketOwnershipControls:BucketOwnershipControls", name).input("rule.objectOwnership"))
                .contains("BucketOwnerEnforced");
        var policy = forBucket("aws:s3/bucketPolicy:BucketPolicy", name);
        assertThat(new ObjectMapper().readTree(policy.stringInput("policy")).at("/Statement/0/Condition/Bool/aws:SecureTransport")
                .asText()).isEqualTo("false");
        assertThat(policy.dependsOn()).anyMatch(urn -> urn.endsWith("BucketPublicAccessBlock::" + purpose + "-public-access"));
        assertThat(forBucket("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", name).dependsOn())
                .anyMatch(urn -> urn.endsWith("::" + purpose + "-versioning"));
    }

    @Test
    void dataBucketsLogToTheirRegionsLogBucket() {
        assertThat(forBucket("aws:s3/bucketLoggingV2:BucketLoggingV2", "migration-checkpoints-dev-123456789012").inputs())
                .containsEntry("targetBucket", "migration-access-logs-dev-123456789012")
                .containsEntry("targetPrefix", "checkpoints/");
        assertThat(forBucket("aws:s3/bucketLoggingV2:BucketLoggingV2", "migration-transaction-logs-replica-dev-123456789012")
                .inputs()).containsEntry("targetBucket", "migration-access-logs-secondary-dev-123456789012");
    }

    @Test
    void transactionLogsMoveToCheaperStorage() {
        var lifecycle = forBucket("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "migration-transaction-logs-dev-123456789012");
        assertThat(lifecycle.input("rules.0.transitions")).contains(List.of(
                Map.of("days", 30L, "storageClass", "STANDARD_IA"), Map.of("days", 90L, "storageClass", "GLACIER_IR")));
        assertThat(lifecycle.input("rules.0.noncurrentVersionExpiration.noncurrentDays")).contains(365L);
    }

    @Test
    void transactionLogsReplicateToTheSecondaryRegionWithItsKey() {
        var replication = run.one("aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                "storage-transaction-logs-replication");
        assertThat(replication.inputs()).containsEntry("bucket", "migration-transaction-logs-dev-123456789012")
                .containsEntry("role", "arn:aws:iam::123456789012:role/migration-transaction-logs-replication-dev");
        assertThat(replication.input("rules.0.destination.bucket"))
                .contains("arn:aws:s3:::migration-transaction-logs-replica-dev-123456789012");
        assertThat(replication.input("rules.0.destination.encryptionConfiguration.replicaKmsKeyId")).contains(SECONDARY_KEY);
        assertThat(replication.input("rules.0.sourceSelectionCriteria.sseKmsEncryptedObjects.status")).contains("Enabled");
        assertThat(replication.input("rules.0.deleteMarkerReplication.status")).contains("Disabled");
        assertThat(replication.dependsOn()).anyMatch(u -> u.endsWith("::transaction-logs-versioning"))
                .anyMatch(u -> u.endsWith("::transaction-logs-replica-versioning"))
                .anyMatch(u -> u.endsWith("RolePolicy::storage-transaction-logs-replication-policy"));
    }

    @Test
    void replicationRoleIsAssumableOnlyByS3AndReadsOnlyTheSource() throws Exception {
        var role = run.one("aws:iam/role:Role", "storage-transaction-logs-replication-role");
        var trust = new ObjectMapper().readTree(role.stringInput("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("s3.amazonaws.com");
        var policy = run.one("aws:iam/rolePolicy:RolePolicy", "storage-transaction-logs-replication-policy");
        assertThat(policy.stringInput("policy")).isEqualTo(BucketPolicies.replication(
                "arn:aws:s3:::migration-transaction-logs-dev-123456789012",
                "arn:aws:s3:::migration-transaction-logs-replica-dev-123456789012",
                PRIMARY_KEY, "eu-central-1", SECONDARY_KEY, "eu-central-2"));
    }
}
