package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.paymentmigration.policy.Resources.check;
import static com.paymentmigration.policy.Resources.resource;
import static com.paymentmigration.policy.Resources.taggedProvider;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyRulesTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";

    @Test
    void namesMustCarryTheSuffix() {
        var rule = new NamesCarrySuffix();
        assertThat(check(rule, resource(BUCKET, "ok", Map.of("bucket", "migration-checkpoints-dev")))).isEmpty();
        assertThat(check(rule, resource("aws:iam/role:Role", "r", Map.of("name", "migration-validator")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("name 'migration-validator' does not carry the suffix 'dev'"));
        assertThat(check(rule, resource("aws:route53/record:Record", "dns", Map.of("name", "pay.example.com"))))
                .as("DNS names are scoped by their zone").isEmpty();
    }

    @Test
    void nothingMayBeProtectedOrRetained() {
        var rule = new NothingProtectedOrRetained();
        var bucket = resource(BUCKET, "b", Map.of());
        assertThat(check(rule, bucket)).isEmpty();
        var pinned = Resources.withOptions(bucket, new RecordedResource.Options(true, true, List.of(), false, List.of()));
        assertThat(check(rule, pinned)).extracting(Finding::message)
                .containsExactly("is protected; drop protect(true)", "is retained on delete; drop retainOnDelete(true)");
    }

    @Test
    void everyResourceGoesThroughATaggedProvider() {
        var rule = new EveryResourceTagged();
        var bucket = resource(BUCKET, "b", Map.of());
        assertThat(check(rule, taggedProvider(), bucket)).isEmpty();

        var untagged = new RecordedResource(bucket.urn(), bucket.type(), bucket.name(), null, null, List.of(), true,
                false, Resources.PLAIN, Map.of());
        assertThat(check(rule, taggedProvider(), untagged)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("default AWS provider"));

        var bare = new RecordedResource("urn:p", "pulumi:providers:aws", "aws-primary", null, null, List.of(), true,
                false, Resources.PLAIN, Map.of("defaultTags", "{\"tags\":{\"Environment\":\"dev\"}}"));
        assertThat(check(rule, bare, bucket)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("[MigrationPhase, CostCenter, EnvironmentSuffix]"));
    }

    @Test
    void logGroupsNeedAKeyAndAnAcceptedRetention() {
        var rule = new LogGroupsEncryptedWithRetention();
        assertThat(check(rule, resource(LOG_GROUP, "ok", Map.of("kmsKeyId", "arn:aws:kms:k", "retentionInDays", 30L)))).isEmpty();
        assertThat(check(rule, resource(LOG_GROUP, "bad", Map.of("retentionInDays", 31L)))).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("no kmsKeyId"))
                .anySatisfy(m -> assertThat(m).contains("retentionInDays is 31"));
        assertThat(check(rule, resource(LOG_GROUP, "forever", Map.of("kmsKeyId", "k")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("retentionInDays is null"));
    }

    @Test
    void openIngressIsRefusedUnlessAllowedAndHttps() {
        var open = Map.<String, Object>of("ingress", List.of(Map.of("cidrBlocks", List.of("0.0.0.0/0"),
                "fromPort", 443L, "toPort", 443L, "protocol", "tcp")));
        assertThat(check(new NoOpenIngress(NoOpenIngress.ALLOWED_NONE), resource(SG, "alb", open))).hasSize(1);
        var allowing = new NoOpenIngress(Map.of("alb", "public ALB takes HTTPS"));
        assertThat(check(allowing, resource(SG, "alb", open))).isEmpty();

        var ssh = Map.<String, Object>of("type", "ingress", "cidrBlocks", List.of("10.0.0.0/8", "0.0.0.0/0"),
                "fromPort", 22L, "toPort", 22L, "protocol", "tcp");
        assertThat(check(allowing, resource("aws:ec2/securityGroupRule:SecurityGroupRule", "alb", ssh))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("TCP 443 only"));

        var ipv6 = Map.<String, Object>of("cidrIpv6", "::/0", "fromPort", 5432L, "toPort", 5432L, "ipProtocol", "tcp");
        assertThat(check(allowing, resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db", ipv6)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("whole internet"));

        var internal = Map.<String, Object>of("cidrIpv4", "10.20.0.0/16", "fromPort", 5432L, "toPort", 5432L, "ipProtocol", "tcp");
        assertThat(check(allowing, resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db", internal))).isEmpty();
    }

    @Test
    void documentsMustParse() {
        var rule = new DocumentsAreValidJson();
        assertThat(check(rule, resource("aws:iam/rolePolicy:RolePolicy", "ok", Map.of("policy", "{\"Version\":\"2012-10-17\"}")))).isEmpty();
        assertThat(check(rule, resource("aws:iam/rolePolicy:RolePolicy", "bad", Map.of("policy", "{\"Version\":")))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("policy is not valid JSON"));
    }

    @Test
    void theStandardEngineRunsEveryRuleAndSortsFindings() {
        var engine = PolicyEngine.standard();
        assertThat(engine.rules()).extracting(PolicyRule::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z-]+"));
        assertThat(engine.rules()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
        var findings = engine.evaluate(Resources.run(resource(LOG_GROUP, "lg", Map.of("name", "x"))), new PolicyContext("dev"));
        assertThat(findings).extracting(Finding::rule).isSorted()
                .contains("every-resource-tagged", "log-groups-encrypted-with-retention", "names-carry-suffix");
    }

    @Test
    void bucketsNeedEverySafeguard() {
        var bucket = resource(BUCKET, "bare", Map.of("bucket", "migration-bare-dev"));
        assertThat(check(new BucketsSecure(), bucket)).extracting(Finding::message).containsExactlyInAnyOrder(
                "versioning is not enabled", "is not encrypted with a customer-managed KMS key",
                "public access is not fully blocked", "ACLs are not disabled (object ownership BucketOwnerEnforced)",
                "has no policy denying requests without TLS", "has no server access logging");
    }

    @Test
    void topicsNeedTheCustomerKey() {
        var rule = new TopicsEncrypted();
        assertThat(check(rule, resource("aws:sns/topic:Topic", "ok", Map.of("kmsMasterKeyId", "arn:aws:kms:k")))).isEmpty();
        assertThat(check(rule, resource("aws:sns/topic:Topic", "plain", Map.of()))).hasSize(1);
        assertThat(check(rule, resource("aws:sns/topic:Topic", "managed", Map.of("kmsMasterKeyId", "alias/aws/sns"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("AWS-managed key"));
    }

    @Test
    void parametersStayUnderTheRoot() {
        var rule = new ParametersUnderRoot();
        var type = "aws:ssm/parameter:Parameter";
        assertThat(check(rule, resource(type, "ok", Map.of("name", "/migration/dev/phase", "type", "String")))).isEmpty();
        assertThat(check(rule, resource(type, "out", Map.of("name", "/other/phase")))).hasSize(1);
        assertThat(check(rule, resource(type, "weak", Map.of("name", "/migration/dev/x", "type", "SecureString"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("without the customer-managed key"));
    }

    @Test
    void identityPoliciesAreScoped() {
        var rule = new IamLeastPrivilege();
        var broad = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:*\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}";
        assertThat(check(rule, resource("aws:iam/rolePolicy:RolePolicy", "p", Map.of("policy", broad))))
                .extracting(Finding::message).containsExactlyInAnyOrder(
                        "S: s3:* on Resource \"*\"; scope it to the resource it needs",
                        "S: sqs:SendMessage on Resource \"*\"; scope it to the resource it needs",
                        "grants every action of s3:*; list the actions the role calls");
        assertThat(check(new IamPoliciesWellFormed(), resource("aws:iam/rolePolicy:RolePolicy", "p",
                Map.of("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("non-empty array"));
    }

    @Test
    void everyVpcHasAFlowLog() {
        var vpc = resource("aws:ec2/vpc:Vpc", "production-vpc", Map.of("cidrBlock", "10.10.0.0/16"));
        var log = resource("aws:ec2/flowLog:FlowLog", "fl", Map.of("vpcId", "production-vpc", "trafficType", "ALL"));
        var rejectOnly = resource("aws:ec2/flowLog:FlowLog", "fl", Map.of("vpcId", "production-vpc", "trafficType", "REJECT"));
        assertThat(check(new VpcFlowLogs(), vpc, log)).isEmpty();
        assertThat(check(new VpcFlowLogs(), vpc, rejectOnly)).hasSize(1);
    }

    @Test
    void onPremRoutesGoThroughTheTransitGateway() {
        var rule = new OnPremRoutesViaTransitGateway();
        var type = "aws:ec2/route:Route";
        assertThat(check(rule, resource(type, "ok", Map.of("destinationCidrBlock", "172.16.0.0/16", "transitGatewayId", "tgw")))).isEmpty();
        assertThat(check(rule, resource(type, "nat", Map.of("destinationCidrBlock", "172.16.8.0/24", "natGatewayId", "nat"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("172.16.8.0/24"));
        assertThat(check(rule, resource(type, "default", Map.of("destinationCidrBlock", "0.0.0.0/0", "natGatewayId", "nat")))).isEmpty();
        assertThat(check(rule, resource(type, "aws", Map.of("destinationCidrBlock", "10.20.0.0/16", "gatewayId", "igw")))).isEmpty();
    }

    @Test
    void databasesAreEncryptedWithACustomerKeyAndForceTls() {
        var cluster = resource("aws:rds/cluster:Cluster", "c", Map.of("storageEncrypted", true,
                "kmsKeyId", "arn:aws:kms:k", "dbClusterParameterGroupName", "pg"));
        var group = resource("aws:rds/clusterParameterGroup:ClusterParameterGroup", "g", Map.of("name", "pg",
                "parameters", List.of(Map.of("name", "rds.force_ssl", "value", "1"))));
        assertThat(check(new DataStoresEncrypted(), cluster)).isEmpty();
        assertThat(check(new DatabasesForceTls(), cluster, group)).isEmpty();
        var plain = resource("aws:rds/cluster:Cluster", "p", Map.of("dbClusterParameterGroupName", "other"));
        assertThat(check(new DataStoresEncrypted(), plain)).extracting(Finding::message)
                .containsExactlyInAnyOrder("storageEncrypted is not true", "kmsKeyId does not name a customer-managed key");
        assertThat(check(new DatabasesForceTls(), plain, group)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("does not set rds.force_ssl = 1"));
    }

    @Test
    void secretsAreFetchedNotCreatedAndEveryFetchedOneRotates() {
        var rule = new SecretsFetchedAndRotated();
        var created = resource("aws:secretsmanager/secret:Secret", "s", Map.of("name", "x"));
        assertThat(check(rule, created)).singleElement().satisfies(f -> assertThat(f.message()).contains("creates a secret"));

        var stack = new com.paymentmigration.plan.RecordedResource("urn:stack", "pulumi:pulumi:Stack", "migration-dev",
                null, null, List.of(), false, false, Resources.PLAIN, Map.of());
        var lookup = new com.paymentmigration.plan.StackRun.Invoke(SecretsFetchedAndRotated.GET_SECRET, Map.of("name", "dev/db"));
        var rotation = resource("aws:secretsmanager/secretRotation:SecretRotation", "r", Map.of(
                "secretId", "arn:aws:secretsmanager:r:1:secret:dev/db-AbCdEf", "rotationLambdaArn", "arn:fn",
                "rotationRules", Map.of("automaticallyAfterDays", 30L)));
        var context = new PolicyContext("dev");
        assertThat(rule.check(new com.paymentmigration.plan.StackRun(List.of(stack, rotation), Map.of(), List.of(),
                List.of(), List.of(lookup)), context)).isEmpty();
        assertThat(rule.check(new com.paymentmigration.plan.StackRun(List.of(stack), Map.of(), List.of(),
                List.of(), List.of(lookup)), context)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("secret dev/db is fetched but never rotated"));
    }

    @Test
    void replicationStaysPrivateAndAuthenticatesBySecretOverTls() {
        var rule = new ReplicationLocked();
        var instance = resource(ReplicationLocked.INSTANCE, "ri", Map.of("publiclyAccessible", false, "kmsKeyArn", "arn:k"));
        var endpoint = resource(ReplicationLocked.ENDPOINT, "ep", Map.of("secretsManagerArn", "arn:s",
                "secretsManagerAccessRoleArn", "arn:r", "sslMode", "verify-full", "certificateArn", "arn:c"));
        assertThat(check(rule, instance, endpoint)).isEmpty();

        var open = resource(ReplicationLocked.INSTANCE, "ri", Map.of());
        assertThat(check(rule, open)).extracting(Finding::message).containsExactly(
                "publiclyAccessible is not false (the default is true)",
                "kmsKeyArn is not set: storage would use the AWS-managed key");
        var inline = resource(ReplicationLocked.ENDPOINT, "ep", Map.of("username", "dms", "password", "x",
                "serverName", "db", "sslMode", "none"));
        assertThat(check(rule, inline)).extracting(Finding::message).containsExactly(
                "does not authenticate through Secrets Manager; set secretsManagerArn and secretsManagerAccessRoleArn",
                "username is set inline; it belongs in the secret", "password is set inline; it belongs in the secret",
                "serverName is set inline; it belongs in the secret", "sslMode is none; use require, verify-ca or verify-full");
        var unverifiable = resource(ReplicationLocked.ENDPOINT, "ep", Map.of("secretsManagerArn", "arn:s",
                "secretsManagerAccessRoleArn", "arn:r", "sslMode", "verify-ca"));
        assertThat(check(rule, unverifiable)).extracting(Finding::message)
                .containsExactly("sslMode verify-ca needs certificateArn (the CA to verify against)");
    }

    @Test
    void noUpStartsOrStopsAReplicationTask() {
        var rule = new ReplicationTasksLeftToStateMachines();
        var ignored = new RecordedResource.Options(false, false,
                List.of("startReplicationTask", "cdcStartPosition", "cdcStartTime"), false, List.of());
        var stopped = Resources.withOptions(resource(ReplicationTasksLeftToStateMachines.TASK, "forward",
                Map.of("startReplicationTask", false)), ignored);
        assertThat(check(rule, stopped)).isEmpty();
        // What rollback mode used to declare: the reverse task running, its flag managed by up.
        var declaredRunning = resource(ReplicationTasksLeftToStateMachines.TASK, "reverse", Map.of("startReplicationTask", true));
        assertThat(check(rule, stopped, declaredRunning)).extracting(Finding::message).containsExactly(
                "startReplicationTask is not false: up would start the task without a start position, possibly beside "
                        + "the other direction",
                "startReplicationTask is not in ignoreChanges: up would reset what the state machines set",
                "cdcStartPosition is not in ignoreChanges: up would reset what the state machines set",
                "cdcStartTime is not in ignoreChanges: up would reset what the state machines set");
    }

    @Test
    void everyApiMethodButHealthRunsTheAuthorizerAndStagesLog() {
        var rule = new ApiProtected();
        var health = resource(ApiProtected.RESOURCE, "health", Map.of("pathPart", "health"));
        var payments = resource(ApiProtected.RESOURCE, "payments", Map.of("pathPart", "payments"));
        var openHealth = withDependency(resource(ApiProtected.METHOD, "health-get",
                Map.of("authorization", "NONE", "httpMethod", "GET")), health);
        var authorized = withDependency(resource(ApiProtected.METHOD, "pay-post",
                Map.of("authorization", "CUSTOM", "authorizerId", "a1", "httpMethod", "POST")), payments);
        var logged = resource(ApiProtected.STAGE, "stage", Map.of("accessLogSettings",
                Map.of("destinationArn", "arn:aws:logs:x", "format", "{}")));
        var tls12 = resource(ApiProtected.DOMAIN, "domain", Map.of("securityPolicy", "TLS_1_2"));
        assertThat(check(rule, health, payments, openHealth, authorized, logged, tls12)).isEmpty();

        var openPayments = withDependency(resource(ApiProtected.METHOD, "pay-get",
                Map.of("authorization", "NONE", "httpMethod", "GET")), payments);
        var keyOnly = withDependency(resource(ApiProtected.METHOD, "pay-put",
                Map.of("authorization", "NONE", "httpMethod", "PUT", "apiKeyRequired", true)), payments);
        var postHealth = withDependency(resource(ApiProtected.METHOD, "health-post",
                Map.of("authorization", "NONE", "httpMethod", "POST")), health);
        var silent = resource(ApiProtected.STAGE, "stage", Map.of());
        var tls10 = resource(ApiProtected.DOMAIN, "domain", Map.of("securityPolicy", "TLS_1_0"));
        assertThat(check(rule, health, payments, openPayments, keyOnly, postHealth, silent, tls10)).extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "has authorization NONE on /payments; only GET /health may be open, every other method needs the authorizer",
                        "relies on an API key alone; add the authorizer (authorization CUSTOM)",
                        "has authorization NONE on /health; only GET /health may be open, every other method needs the authorizer",
                        "has no access logs; set accessLogSettings (destination and format)",
                        "securityPolicy is TLS_1_0; use TLS_1_2");
    }

    private static RecordedResource withDependency(RecordedResource r, RecordedResource dependency) {
        return new RecordedResource(r.urn(), r.type(), r.name(), r.parent(), r.provider(), List.of(dependency.urn()),
                r.custom(), r.read(), r.options(), r.inputs());
    }

    @Test
    void tasksNeverGetAPublicAddress() {
        var rule = new TasksNeverPublic();
        var service = "aws:ecs/service:Service";
        var privateTasks = Map.<String, Object>of("networkConfiguration",
                Map.of("subnets", List.of("subnet-1"), "assignPublicIp", false));
        assertThat(check(rule, resource(service, "ok", privateTasks),
                resource("aws:ecs/taskDefinition:TaskDefinition", "td", Map.of("networkMode", "awsvpc")))).isEmpty();
        assertThat(check(rule, resource(service, "public", Map.of("networkConfiguration",
                Map.of("subnets", List.of("subnet-1"), "assignPublicIp", true))))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("tasks must never get a public IP"));
        assertThat(check(rule, resource(service, "unset", Map.of("networkConfiguration", Map.of("subnets", List.of("s"))))))
                .as("the default is not good enough: say false").hasSize(1);
        assertThat(check(rule, resource(service, "bridge", Map.of()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("has no networkConfiguration"));
        assertThat(check(rule, resource("aws:ecs/taskDefinition:TaskDefinition", "td", Map.of("networkMode", "bridge"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("use awsvpc"));
    }

    @Test
    void anInternetFacingApplicationLoadBalancerListensOnHttps443Only() {
        var rule = new LoadBalancersInternalOrTls();
        var lb = "aws:lb/loadBalancer:LoadBalancer";
        var listener = "aws:lb/listener:Listener";
        var internal = resource(lb, "internal", Map.of("internal", true, "loadBalancerType", "application"));
        var facing = resource(lb, "facing", Map.of("internal", false));
        var http = resource(listener, "http", Map.of("port", 80L, "protocol", "HTTP"));
        var tls = resource(listener, "tls", Map.of("port", 443L, "protocol", "HTTPS"));
        var tlsOtherPort = resource(listener, "tls-8443", Map.of("port", 8443L, "protocol", "HTTPS"));
        assertThat(check(rule, internal, Resources.dependingOn(http, internal))).as("internal may listen on HTTP").isEmpty();
        assertThat(check(rule, facing, Resources.dependingOn(tls, facing))).isEmpty();
        assertThat(check(rule, facing, Resources.dependingOn(tls, facing), Resources.dependingOn(http, facing),
                Resources.dependingOn(tlsOtherPort, facing))).extracting(Finding::name)
                .containsExactlyInAnyOrder("http", "tls-8443");
        var network = resource(lb, "nlb", Map.of("internal", false, "loadBalancerType", "network"));
        assertThat(check(rule, network, Resources.dependingOn(http, network))).as("network load balancers are not ALBs")
                .isEmpty();
    }

    @Test
    void imageRepositoriesAreEncryptedWithOurKey() {
        var rule = new DataStoresEncrypted();
        var repository = "aws:ecr/repository:Repository";
        assertThat(check(rule, resource(repository, "ok", Map.of("encryptionConfigurations",
                List.of(Map.of("encryptionType", "KMS", "kmsKey", "arn:aws:kms:k")))))).isEmpty();
        assertThat(check(rule, resource(repository, "aes", Map.of("encryptionConfigurations",
                List.of(Map.of("encryptionType", "AES256")))))).hasSize(1);
        assertThat(check(rule, resource(repository, "default", Map.of()))).hasSize(1);
    }
}
