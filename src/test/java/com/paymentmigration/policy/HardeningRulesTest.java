package com.paymentmigration.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.paymentmigration.policy.Resources.check;
import static com.paymentmigration.policy.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The PCI DSS hardening rules: web ACL, functions in the VPC and traced, closed default groups, Aurora, ALB logs. */
class HardeningRulesTest {

    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String LB = "aws:lb/loadBalancer:LoadBalancer";

    @Test
    void everyStageIsAssociatedWithAWebAcl() {
        var rule = new ApiStagesBehindWaf();
        var stage = resource(ApiProtected.STAGE, "stage", Map.of("restApi", "api-1", "stageName", "v1"));
        var association = resource(ApiStagesBehindWaf.ASSOCIATION, "assoc", Map.of(
                "resourceArn", "arn:aws:apigateway:eu-central-1::/restapis/api-1/stages/v1", "webAclArn", "arn:waf"));
        assertThat(check(rule, stage, association)).isEmpty();

        var otherStage = resource(ApiStagesBehindWaf.ASSOCIATION, "assoc", Map.of(
                "resourceArn", "arn:aws:apigateway:eu-central-1::/restapis/api-1/stages/v2", "webAclArn", "arn:waf"));
        var otherApi = resource(ApiStagesBehindWaf.ASSOCIATION, "assoc2", Map.of(
                "resourceArn", "arn:aws:apigateway:eu-central-1::/restapis/api-2/stages/v1", "webAclArn", "arn:waf"));
        assertThat(check(rule, stage, otherStage, otherApi)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("has no web ACL association"));
    }

    @Test
    void aWebAclRunsTheFourManagedGroupsAndARateRule() {
        var rule = new ApiStagesBehindWaf();
        var complete = new java.util.ArrayList<Object>(ApiStagesBehindWaf.REQUIRED_GROUPS.stream().map(g -> managed("AWS", g)).toList());
        complete.add(Map.of("statement", Map.of("rateBasedStatement", Map.of("limit", 2000L, "aggregateKeyType", "IP"))));
        assertThat(check(rule, resource(ApiStagesBehindWaf.WEB_ACL, "acl", Map.of("rules", complete)))).isEmpty();

        var partial = List.<Object>of(managed("AWS", "AWSManagedRulesCommonRuleSet"),
                managed("SomeVendor", "AWSManagedRulesSQLiRuleSet"));
        assertThat(check(rule, resource(ApiStagesBehindWaf.WEB_ACL, "acl", Map.of("rules", partial))))
                .extracting(Finding::message).containsExactlyInAnyOrder(
                        "does not run the AWS managed rule group AWSManagedRulesKnownBadInputsRuleSet",
                        "does not run the AWS managed rule group AWSManagedRulesSQLiRuleSet",
                        "does not run the AWS managed rule group AWSManagedRulesAmazonIpReputationList",
                        "has no rate-based rule; add one with the configured limit");
    }

    private static Map<String, Object> managed(String vendor, String name) {
        return Map.of("name", name, "statement", Map.of("managedRuleGroupStatement", Map.of("vendorName", vendor, "name", name)));
    }

    @Test
    void everyFunctionRunsInSubnetsWithASecurityGroup() {
        var rule = new FunctionsInVpc();
        var placed = resource(FUNCTION, "fn", Map.of("vpcConfig", Map.of("subnetIds", List.of("s-1"),
                "securityGroupIds", List.of("sg-1"))));
        assertThat(check(rule, placed)).isEmpty();
        assertThat(check(rule, resource(FUNCTION, "outside", Map.of()))).extracting(Finding::message).containsExactly(
                "has no vpcConfig.subnetIds; run it in the private subnets with the compute security group",
                "has no vpcConfig.securityGroupIds; run it in the private subnets with the compute security group");
        assertThat(check(rule, resource(FUNCTION, "empty", Map.of("vpcConfig", Map.of("subnetIds", List.of(),
                "securityGroupIds", List.of("sg-1")))))).hasSize(1);
    }

    @Test
    void everyFunctionTracesActivelyAndItsRoleMaySendTraces() {
        var rule = new FunctionsTraced();
        var traced = resource(FUNCTION, "fn", Map.of("tracingConfig", Map.of("mode", "Active"),
                "role", "arn:aws:iam::123456789012:role/migration-fn-dev"));
        var allowed = resource(ROLE_POLICY, "p", Map.of("role", "migration-fn-dev", "policy", policy(
                "\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"")));
        assertThat(check(rule, traced, allowed)).isEmpty();

        var otherRole = resource(ROLE_POLICY, "p", Map.of("role", "migration-other-dev", "policy", policy(
                "\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"")));
        assertThat(check(rule, traced, otherRole)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("its role is not allowed [xray:PutTelemetryRecords, xray:PutTraceSegments]; traces would be dropped"));

        var passThrough = resource(FUNCTION, "fn", Map.of("tracingConfig", Map.of("mode", "PassThrough"),
                "role", "arn:aws:iam::123456789012:role/migration-fn-dev"));
        var segmentsOnly = resource(ROLE_POLICY, "p", Map.of("role", "migration-fn-dev", "policy", policy("\"xray:PutTraceSegments\"")));
        assertThat(check(rule, passThrough, segmentsOnly)).extracting(Finding::message).containsExactly(
                "tracingConfig mode is PassThrough; set Active",
                "its role is not allowed [xray:PutTelemetryRecords]; traces would be dropped");
    }

    private static String policy(String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"T\",\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":\"*\"}]}";
    }

    @Test
    void everyVpcHasItsDefaultGroupManagedWithoutRules() {
        var rule = new DefaultSecurityGroupsClosed();
        var vpc = resource(VPC, "production-vpc", Map.of());
        var closed = resource(DefaultSecurityGroupsClosed.DEFAULT_GROUP, "d", Map.of("vpcId", "production-vpc",
                "ingress", List.of(), "egress", List.of()));
        assertThat(check(rule, vpc, closed)).isEmpty();
        assertThat(check(rule, vpc, resource(DefaultSecurityGroupsClosed.DEFAULT_GROUP, "d",
                Map.of("vpcId", "production-vpc")))).as("absent rules are no rules").isEmpty();

        assertThat(check(rule, vpc)).singleElement().satisfies(f -> assertThat(f.message()).contains("is not managed"));
        var open = resource(DefaultSecurityGroupsClosed.DEFAULT_GROUP, "d", Map.of("vpcId", "production-vpc",
                "ingress", List.of(Map.of("self", true, "protocol", "-1")), "egress", List.of(Map.of("cidrBlocks", List.of("0.0.0.0/0")))));
        assertThat(check(rule, vpc, open)).extracting(Finding::message).containsExactly(
                "has ingress rules; the default group stays empty", "has egress rules; the default group stays empty");
    }

    @Test
    void everyAuroraInstanceHasEnhancedMonitoring() {
        var rule = new AuroraEnhancedMonitoring();
        assertThat(check(rule, resource(INSTANCE, "i", Map.of("monitoringInterval", 60L,
                "monitoringRoleArn", "arn:aws:iam::1:role/m")))).isEmpty();
        assertThat(check(rule, resource(INSTANCE, "off", Map.of()))).extracting(Finding::message).containsExactly(
                "monitoringInterval is null; set one of [1, 5, 10, 15, 30, 60]",
                "has no monitoringRoleArn; RDS needs a role to publish the metrics");
        assertThat(check(rule, resource(INSTANCE, "zero", Map.of("monitoringInterval", 0L,
                "monitoringRoleArn", "arn:aws:iam::1:role/m")))).as("0 turns it off").hasSize(1);
    }

    @Test
    void everyClusterKeepsAWeekOfBackups() {
        var rule = new AuroraBackupsRetained();
        assertThat(check(rule, resource(CLUSTER, "c", Map.of("backupRetentionPeriod", 7L)))).isEmpty();
        assertThat(check(rule, resource(CLUSTER, "short", Map.of("backupRetentionPeriod", 6L)))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("backupRetentionPeriod is 6; keep at least 7 days"));
        assertThat(check(rule, resource(CLUSTER, "secondary", Map.of()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("unset (AWS default 1)"));
    }

    @Test
    void everyClusterSpansTwoZonesUnlessTheStackAcceptsOne() {
        var rule = new AuroraSurvivesZoneLoss();
        var cluster = resource(CLUSTER, "c", Map.of("clusterIdentifier", "migration-secondary-dev"));
        var a = instance("i-a", "migration-secondary-dev", "eu-central-2a");
        var b = instance("i-b", "migration-secondary-dev", "eu-central-2b");
        var alsoA = instance("i-a2", "migration-secondary-dev", "eu-central-2a");
        var elsewhere = instance("i-x", "migration-primary-dev", "eu-central-1b");
        assertThat(check(rule, cluster, a, b)).isEmpty();
        assertThat(check(rule, cluster, a, alsoA, elsewhere)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("has instances in [eu-central-2a] only"));
        assertThat(check(rule, cluster)).as("a headless cluster has no zone to fail over to").hasSize(1);
        var unplaced = resource(INSTANCE, "i-?", Map.of("clusterIdentifier", "migration-secondary-dev"));
        assertThat(check(rule, cluster, a, b, unplaced)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1 instance(s) name no availabilityZone"));

        var accepted = resource(CLUSTER, "c", Map.of("clusterIdentifier", "migration-secondary-dev",
                "tags", Map.of(com.paymentmigration.database.Database.ZONE_LOSS_ACCEPTED_TAG, "true")));
        assertThat(check(rule, accepted, a)).isEmpty();
    }

    private static com.paymentmigration.plan.RecordedResource instance(String name, String cluster, String zone) {
        return resource(INSTANCE, name, Map.of("clusterIdentifier", cluster, "availabilityZone", zone));
    }

    @Test
    void everyApplicationLoadBalancerWritesAccessLogs() {
        var rule = new LoadBalancersAccessLogged();
        assertThat(check(rule, resource(LB, "alb", Map.of("accessLogs", Map.of("enabled", true, "bucket", "logs"))))).isEmpty();
        assertThat(check(rule, resource(LB, "default-type", Map.of()))).hasSize(1);
        assertThat(check(rule, resource(LB, "disabled", Map.of("loadBalancerType", "application",
                "accessLogs", Map.of("enabled", false, "bucket", "logs"))))).hasSize(1);
        assertThat(check(rule, resource(LB, "nlb", Map.of("loadBalancerType", "network"))))
                .as("network load balancers log only TLS listeners; not this rule's class").isEmpty();
    }

    @Test
    void onlyALoadBalancerLogBucketMayUseS3ManagedKeysAndNothingElseIsExcused() {
        var rule = new BucketsSecure();
        var logBucket = "migration-alb-logs-dev";
        var balancer = resource(LB, "alb", Map.of("accessLogs", Map.of("enabled", true, "bucket", logBucket)));
        var sseS3 = resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "enc", Map.of("bucket", logBucket, "rules", List.of(Map.of("applyServerSideEncryptionByDefault",
                        Map.of("sseAlgorithm", "AES256")))));
        var bucket = resource("aws:s3/bucketV2:BucketV2", "b", Map.of("bucket", logBucket));
        assertThat(check(rule, balancer, bucket, sseS3)).extracting(Finding::message)
                .doesNotContain("is not encrypted with a customer-managed KMS key")
                .noneMatch(m -> m.contains("accept only SSE-S3"))
                .as("every other safeguard is still required").contains("versioning is not enabled",
                        "has no policy denying requests without TLS", "has no server access logging");
        assertThat(check(rule, bucket, sseS3)).extracting(Finding::message)
                .as("without a load balancer writing to it, SSE-S3 is not enough")
                .contains("is not encrypted with a customer-managed KMS key");
        var kms = resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "enc", Map.of("bucket", logBucket, "rules", List.of(Map.of("applyServerSideEncryptionByDefault",
                        Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", "arn:aws:kms:k")))));
        assertThat(check(rule, balancer, bucket, kms)).extracting(Finding::message)
                .as("KMS would stop log delivery").contains("receives load balancer access logs, which accept only "
                        + "SSE-S3; encrypt it with AES256");
    }
}
