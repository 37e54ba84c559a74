package com.paymentmigration.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every bucket is versioned, encrypted with a customer-managed key, closed to the public with ACLs disabled,
 * TLS-only, and access-logged (or is the log bucket). In provider 6.x each of those is its own resource.
 * <p>
 * One narrow exception: a bucket a load balancer writes its access logs to is encrypted with SSE-S3 instead,
 * because that is the only server-side encryption ALB log delivery supports ("Enable access logs for your
 * Application Load Balancer", Bucket requirements). It must still meet every other requirement here.
 */
final class BucketsSecure extends PolicyRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENCRYPTION =
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    private static final String DEFAULT_ALGORITHM = "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm";
    private static final String S3_MANAGED = "AES256";

    BucketsSecure() {
        super("buckets-secure",
                "Every bucket is versioned, KMS-encrypted with a customer key (a load balancer's log bucket: SSE-S3, "
                + "the only encryption ALB log delivery takes), public access blocked, ACLs disabled, TLS-only and "
                + "access-logged.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var logTargets = run.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2").stream()
                .map(r -> r.stringInput("targetBucket")).toList();
        var loadBalancerLogBuckets = run.ofType(LoadBalancersInternalOrTls.LOAD_BALANCER).stream()
                .map(r -> r.stringInput("accessLogs.bucket")).filter(Objects::nonNull).toList();
        for (var bucket : run.ofType("aws:s3/bucketV2:BucketV2")) {
            var name = bucket.stringInput("bucket");
            if (none(run, "aws:s3/bucketVersioningV2:BucketVersioningV2", name,
                    r -> "Enabled".equals(r.stringInput("versioningConfiguration.status")))) {
                findings.add(Finding.of(this, bucket, "versioning is not enabled"));
            }
            if (loadBalancerLogBuckets.contains(name)) {
                if (none(run, ENCRYPTION, name, r -> S3_MANAGED.equals(r.stringInput(DEFAULT_ALGORITHM)))) {
                    findings.add(Finding.of(this, bucket, "receives load balancer access logs, which accept only SSE-S3; "
                            + "encrypt it with AES256"));
                }
            } else if (none(run, ENCRYPTION, name, r -> "aws:kms".equals(r.stringInput(DEFAULT_ALGORITHM))
                    && r.stringInput("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId") != null)) {
                findings.add(Finding.of(this, bucket, "is not encrypted with a customer-managed KMS key"));
            }
            if (none(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name,
                    r -> List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
                            .stream().allMatch(k -> Boolean.TRUE.equals(r.inputs().get(k))))) {
                findings.add(Finding.of(this, bucket, "public access is not fully blocked"));
            }
            if (none(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", name,
                    r -> "BucketOwnerEnforced".equals(r.stringInput("rule.objectOwnership")))) {
                findings.add(Finding.of(this, bucket, "ACLs are not disabled (object ownership BucketOwnerEnforced)"));
            }
            if (none(run, "aws:s3/bucketPolicy:BucketPolicy", name, BucketsSecure::deniesInsecureTransport)) {
                findings.add(Finding.of(this, bucket, "has no policy denying requests without TLS"));
            }
            if (none(run, "aws:s3/bucketLoggingV2:BucketLoggingV2", name, r -> true) && !logTargets.contains(name)) {
                findings.add(Finding.of(this, bucket, "has no server access logging"));
            }
        }
        return findings;
    }

    private static boolean none(StackRun run, String type, String bucket,
                                java.util.function.Predicate<RecordedResource> good) {
        return run.ofType(type).stream().noneMatch(r -> Objects.equals(r.stringInput("bucket"), bucket) && good.test(r));
    }

    private static boolean deniesInsecureTransport(RecordedResource policy) {
        try {
            for (var s : JSON.readTree(policy.stringInput("policy")).path("Statement")) {
                if ("Deny".equals(s.path("Effect").asText())
                        && "false".equals(s.path("Condition").path("Bool").path("aws:SecureTransport").asText())) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
