package com.paymentmigration.storage;

import com.paymentmigration.iam.PolicyChecks;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bucket the payment service's load balancer writes access logs to: the narrow exception to the customer key
 * (ALB log delivery supports SSE-S3 only), with every other safeguard of the stack's buckets.
 */
class LoadBalancerLogBucketTest {

    private static final String BUCKET = "migration-load-balancer-logs-dev-123456789012";
    private static final String ARN = "arn:aws:s3:::" + BUCKET;
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void regionsBeforeAugust2022GrantTheirElbAccountLaterOnesTheDeliveryService() {
        assertThat(LoadBalancerLogDelivery.principal("eu-central-1"))
                .isEqualTo(new LoadBalancerLogDelivery.Principal("AWS", "arn:aws:iam::054676820928:root"));
        assertThat(LoadBalancerLogDelivery.principal("eu-central-2")).isEqualTo(new LoadBalancerLogDelivery.Principal(
                "Service", "logdelivery.elasticloadbalancing.amazonaws.com"));
        assertThatThrownBy(() -> LoadBalancerLogDelivery.principal("xx-nowhere-1"))
                .hasMessageContaining("no known load balancer log delivery principal for region xx-nowhere-1");
    }

    @Test
    void theDeliveryMayWriteOnlyTheLoadBalancersPrefixInThisAccountsFolder() throws Exception {
        var policy = BucketPoliciesTest.read(BucketPolicies.loadBalancerLogs(ARN, "123456789012", "eu-central-1"));
        assertThat(PolicyChecks.structure(policy)).isEmpty();
        assertThat(policy.path("Statement")).hasSize(2);
        assertThat(policy.at("/Statement/0/Sid").asText()).isEqualTo("DenyInsecureTransport");
        var write = policy.path("Statement").get(1);
        assertThat(write.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::054676820928:root");
        assertThat(write.path("Action").asText()).isEqualTo("s3:PutObject");
        assertThat(write.path("Resource").asText()).isEqualTo(ARN + "/payment-service/AWSLogs/123456789012/*");
        var zurich = BucketPoliciesTest.read(BucketPolicies.loadBalancerLogs(ARN, "123456789012", "eu-central-2"));
        assertThat(zurich.at("/Statement/1/Principal/Service").asText())
                .isEqualTo("logdelivery.elasticloadbalancing.amazonaws.com");
    }

    @Test
    void theBucketUsesS3ManagedKeysAndKeepsEveryOtherSafeguard() {
        var encryption = run.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "load-balancer-logs-encryption");
        assertThat(encryption.input("rules")).contains(List.of(Map.of("applyServerSideEncryptionByDefault",
                Map.of("sseAlgorithm", "AES256"), "bucketKeyEnabled", false)));
        assertThat(encryption.providerName()).contains("aws-primary");
        assertThat(run.one("aws:s3/bucketVersioningV2:BucketVersioningV2", "load-balancer-logs-versioning")
                .stringInput("versioningConfiguration.status")).isEqualTo("Enabled");
        assertThat(run.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "load-balancer-logs-public-access")
                .inputs()).containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(run.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "load-balancer-logs-ownership")
                .stringInput("rule.objectOwnership")).isEqualTo("BucketOwnerEnforced");
        assertThat(run.one("aws:s3/bucketPolicy:BucketPolicy", "load-balancer-logs-policy").stringInput("policy"))
                .isEqualTo(BucketPolicies.loadBalancerLogs(ARN, "123456789012", "eu-central-1"));
        var logging = run.one("aws:s3/bucketLoggingV2:BucketLoggingV2", "load-balancer-logs-access-logging");
        assertThat(logging.stringInput("targetBucket")).isEqualTo("migration-access-logs-dev-123456789012");
        assertThat(run.one("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "load-balancer-logs-lifecycle").input("rules.0.expiration.days")).contains((long) Lifecycles.ACCESS_LOG_DAYS);
    }

    @Test
    void everyOtherBucketKeepsTheCustomerKey() {
        assertThat(run.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"))
                .filteredOn(e -> !e.name().equals("load-balancer-logs-encryption"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.stringInput("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))
                        .isEqualTo("aws:kms"));
    }

    @Test
    void withoutTheServiceThereIsNoLoadBalancerLogBucket() {
        assertThat(StackFixture.withoutService().ofType("aws:s3/bucketV2:BucketV2"))
                .noneMatch(b -> b.name().equals("load-balancer-logs"));
    }
}
