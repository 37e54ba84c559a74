package com.paymentmigration.storage;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * One bucket the way every bucket of this stack is built: versioned, encrypted with the region's key, public
 * access blocked, ACLs disabled, TLS only, access-logged, with a lifecycle, and destroyable. The one variant is the
 * bucket load balancers write access logs to: encrypted with S3-managed keys (the only encryption their log
 * delivery supports, see {@link LoadBalancerLogDelivery}) and writable by that delivery alone.
 */
public final class SecureBucket extends MigrationComponent {

    public static final String TYPE = "migration:storage:SecureBucket";

    /**
     * @param purpose     the name's purpose, e.g. {@code checkpoints}
     * @param keyArn      the home region's customer-managed key; null for the load balancer log bucket
     * @param accessLogs  the bucket receiving this one's access logs; null for the access-log bucket itself
     * @param loadBalancerLogsRegion the region of the load balancers writing to this bucket, or null for any other
     */
    public record Args(String purpose, Output<String> keyArn, SecureBucket accessLogs,
                       List<BucketLifecycleConfigurationV2RuleArgs> lifecycle, String loadBalancerLogsRegion) {

        public Args(String purpose, Output<String> keyArn, SecureBucket accessLogs,
                    List<BucketLifecycleConfigurationV2RuleArgs> lifecycle) {
            this(purpose, keyArn, accessLogs, lifecycle, null);
        }

        /** The bucket load balancers in {@code region} write their access logs to, access-logged into {@code accessLogs}. */
        public static Args loadBalancerLogs(String purpose, String region, SecureBucket accessLogs,
                                            List<BucketLifecycleConfigurationV2RuleArgs> lifecycle) {
            return new Args(purpose, null, java.util.Objects.requireNonNull(accessLogs), lifecycle, region);
        }

        boolean receivesLoadBalancerLogs() {
            return loadBalancerLogsRegion != null;
        }
    }

    public final Output<String> name;
    public final Output<String> arn;
    /** Replication and anything else that needs versioning switched on must wait for this. */
    public final BucketVersioningV2 versioning;
    /** A load balancer checks that it may write to its log bucket when logging is switched on: it waits for this. */
    public final BucketPolicy policy;

    public SecureBucket(String name, StackContext stack, Region region, Resource parent, Args args) {
        super(TYPE, name, stack, region, parent);
        var bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(stack.accountId().applyValue(account -> stack.names().bucket(args.purpose(), account)))
                // Versioned buckets cannot be deleted while they hold versions; the stack must stay destroyable.
                .forceDestroy(true)
                .build(), home());
        this.name = bucket.bucket();
        this.arn = bucket.arn();

        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), home());
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), home());
        this.versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), home());
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(defaultEncryption(args))
                                // One data key per bucket instead of one KMS call per object: cheaper, same key.
                                .bucketKeyEnabled(!args.receivesLoadBalancerLogs())
                                .build())
                        .build(), home());
        Output<String> policy;
        if (args.receivesLoadBalancerLogs()) {
            policy = Output.tuple(bucket.arn(), stack.accountId())
                    .applyValue(t -> BucketPolicies.loadBalancerLogs(t.t1, t.t2, args.loadBalancerLogsRegion()));
        } else if (args.accessLogs() == null) {
            policy = Output.tuple(bucket.arn(), stack.accountId()).applyValue(t -> BucketPolicies.accessLogs(t.t1, t.t2));
        } else {
            policy = bucket.arn().applyValue(BucketPolicies::tlsOnly);
        }
        // The public access block and the policy both change the bucket; in parallel S3 answers OperationAborted.
        this.policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder().bucket(bucket.id()).policy(policy).build(),
                home(o -> o.dependsOn(publicAccess)));
        if (args.accessLogs() != null) {
            new BucketLoggingV2(name + "-access-logging", BucketLoggingV2Args.builder()
                    .bucket(bucket.id())
                    .targetBucket(args.accessLogs().name)
                    .targetPrefix(args.purpose() + "/")
                    .build(), home());
        }
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(args.lifecycle())
                .build(), home(o -> o.dependsOn(versioning)));
        registerOutputs(Map.of("name", this.name, "arn", this.arn));
    }

    /** The region's customer key, or S3-managed keys (AES256) for load balancer logs: their delivery takes no other. */
    private static BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs defaultEncryption(
            Args args) {
        var encryption = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        return args.receivesLoadBalancerLogs() ? encryption.sseAlgorithm("AES256").build()
                : encryption.sseAlgorithm("aws:kms").kmsMasterKeyId(args.keyArn()).build();
    }
}
