package com.paymentmigration.storage;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;

/**
 * Bucket policies: every bucket refuses plain HTTP; the access-log bucket also admits S3's log delivery, the load
 * balancer log bucket the region's load balancer log delivery.
 */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    public static String tlsOnly(String bucketArn) {
        return PolicyDocument.of(denyInsecureTransport(bucketArn)).toJson();
    }

    /** For the bucket that receives server access logs of the stack's other buckets in the same account. */
    public static String accessLogs(String bucketArn, String accountId) {
        return PolicyDocument.of(denyInsecureTransport(bucketArn),
                Statement.allow("S3ServerAccessLogDelivery").service("logging.s3.amazonaws.com")
                        .actions("s3:PutObject").resources(bucketArn + "/*")
                        .condition("StringEquals", "aws:SourceAccount", accountId)).toJson();
    }

    /**
     * For the bucket a load balancer writes access logs to: TLS only, and the region's log delivery principal may
     * put objects under the load balancer's prefix in this account's folder, nothing else.
     */
    public static String loadBalancerLogs(String bucketArn, String accountId, String region) {
        var principal = LoadBalancerLogDelivery.principal(region);
        var write = Statement.allow("LoadBalancerLogDelivery").actions("s3:PutObject")
                .resources(LoadBalancerLogDelivery.objects(bucketArn, accountId));
        return PolicyDocument.of(denyInsecureTransport(bucketArn),
                principal.type().equals("AWS") ? write.aws(principal.value()) : write.service(principal.value())).toJson();
    }

    private static Statement denyInsecureTransport(String bucketArn) {
        return Statement.deny("DenyInsecureTransport").anyone().actions("s3:*").resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false");
    }

    /**
     * The replication role may read versions from the source and write replicas to the destination, nothing else.
     * The KMS grants are pinned to S3 in each region, so the role cannot use the keys for anything but replication.
     */
    public static String replication(String sourceArn, String destinationArn, String sourceKeyArn, String sourceRegion,
                                     String destinationKeyArn, String destinationRegion) {
        return PolicyDocument.of(
                Statement.allow("ReadSourceConfiguration")
                        .actions("s3:GetReplicationConfiguration", "s3:ListBucket").resources(sourceArn),
                Statement.allow("ReadSourceVersions")
                        .actions("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging")
                        .resources(sourceArn + "/*"),
                Statement.allow("WriteReplicas")
                        .actions("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags")
                        .resources(destinationArn + "/*"),
                Statement.allow("DecryptSourceObjects").actions("kms:Decrypt").resources(sourceKeyArn)
                        .condition("StringEquals", "kms:ViaService", "s3." + sourceRegion + ".amazonaws.com"),
                Statement.allow("EncryptReplicas").actions("kms:Encrypt", "kms:GenerateDataKey").resources(destinationKeyArn)
                        .condition("StringEquals", "kms:ViaService", "s3." + destinationRegion + ".amazonaws.com"))
                .toJson();
    }
}
