package com.paymentmigration.plan;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock cloud the offline run talks to. Ids and ARNs are derived from names only, so two plans of the same
 * code and config are byte-identical. An invoke this class does not know fails the run: a silent empty answer
 * would hide a null in the program.
 */
public final class PlanMocks implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";
    /** A secret whose name starts so is answered as encrypted with a customer key, named by its alias. */
    public static final String CUSTOMER_KEY_SECRET_PREFIX = "customer-key/";
    /** A secret whose name starts so is answered as already rotated by another function. */
    public static final String ROTATED_ELSEWHERE_PREFIX = "rotated-elsewhere/";
    public static final String FOREIGN_ROTATION_FUNCTION = "arn:aws:lambda:eu-central-1:" + ACCOUNT_ID
            + ":function:SecretsManagerRDSPostgreSQLRotationSingleUser";
    /** Region of a resource that uses no explicit provider; the tagging rule reports such resources. */
    public static final String DEFAULT_PROVIDER_REGION = "us-east-1";
    private static final List<String> PHYSICAL_NAME_INPUTS = List.of("name", "bucket", "functionName", "identifier",
            "clusterIdentifier", "globalClusterIdentifier", "replicationInstanceId", "replicationTaskId", "endpointId",
            "replicationSubnetGroupId", "certificateId", "dashboardName", "alarmName", "family", "namePrefix", "bucketPrefix");

    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final List<StackRun.Invoke> invokes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every invoke answered, in call order. */
    List<StackRun.Invoke> invokes() {
        return List.copyOf(invokes);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (args.type.startsWith("pulumi:providers:")) {
            providerRegions.put(args.name, String.valueOf(args.inputs.getOrDefault("region", DEFAULT_PROVIDER_REGION)));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-provider-id"), args.inputs));
        }
        var region = regionOf(args.provider);
        var physicalName = physicalName(args.name, args.inputs);
        var state = new HashMap<String, Object>(args.inputs);
        var id = args.id != null && !args.id.isEmpty() ? args.id : physicalName;
        state.put("id", id);
        state.putIfAbsent("arn", MockArns.arn(args.type, physicalName, region, ACCOUNT_ID));
        MockOutputs.addComputed(args.type, physicalName, region, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        var region = regionOf(args.provider);
        @SuppressWarnings("unchecked")
        var plainArgs = (Map<String, Object>) PlainValues.plain(args.args);
        invokes.add(new StackRun.Invoke(args.token, plainArgs));
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", ACCOUNT_ID,
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/plan", "id", ACCOUNT_ID, "userId", "AROAPLAN");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "region", region, "id", region,
                    "endpoint", "ec2." + region + ".amazonaws.com", "description", region);
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "id", "aws",
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.of("id", region,
                    "names", List.of(region + "a", region + "b", region + "c"),
                    "zoneIds", List.of(zoneId(region, 1), zoneId(region, 2), zoneId(region, 3)));
            case "aws:secretsmanager/getSecret:getSecret" -> existingSecret(String.valueOf(args.args.get("name")), region);
            case "aws:secretsmanager/getSecretVersion:getSecretVersion" -> Map.of(
                    "arn", String.valueOf(args.args.get("secretId")), "id", args.args.get("secretId") + "|AWSCURRENT",
                    "secretId", String.valueOf(args.args.get("secretId")), "versionId", "plan-version-1",
                    "versionStage", "AWSCURRENT", "versionStages", List.of("AWSCURRENT"), "createdDate", "2026-01-01T00:00:00Z",
                    // A stand-in value: the plan never reads real credentials.
                    "secretString", "{\"engine\":\"postgres\",\"username\":\"migration_admin\","
                            + "\"password\":\"plan-placeholder-not-a-password\"}");
            case "aws:route53/getZone:getZone" -> existingZone(String.valueOf(args.args.get("zoneId")));
            case "aws:secretsmanager/getSecretRotation:getSecretRotation" ->
                    secretRotation(String.valueOf(args.args.get("secretId")));
            case "aws:kms/getKey:getKey" -> key(String.valueOf(args.args.get("keyId")), region);
            default -> throw new UnmockedInvokeException(args.token);
        };
        return CompletableFuture.completedFuture(result);
    }

    /** An existing private hosted zone: its name stands in for the domain the zone id would resolve to. */
    static Map<String, Object> existingZone(String zoneId) {
        var name = zoneId.toLowerCase() + ".zones.plan.internal";
        return Map.of("id", zoneId, "zoneId", zoneId, "name", name, "privateZone", true,
                "arn", "arn:aws:route53:::hostedzone/" + zoneId, "nameServers", List.of(), "resourceRecordSetCount", 2,
                "comment", "existing zone", "callerReference", "plan", "tags", Map.of());
    }

    /** The rotation DescribeSecret reports: none, unless the secret is one the tests mark as rotated elsewhere. */
    private static Map<String, Object> secretRotation(String secretArn) {
        boolean foreign = secretArn.contains(":secret:" + ROTATED_ELSEWHERE_PREFIX);
        return Map.of("id", secretArn, "secretId", secretArn, "rotationEnabled", foreign,
                "rotationLambdaArn", foreign ? FOREIGN_ROTATION_FUNCTION : "",
                "rotationRules", foreign ? List.of(Map.of("automaticallyAfterDays", 30, "duration", "", "scheduleExpression", ""))
                        : List.of());
    }

    /** A customer key as kms getKey describes it: whatever id, alias or alias ARN names it, the answer is its key ARN. */
    private static Map<String, Object> key(String keyId, String region) {
        var id = java.util.UUID.nameUUIDFromBytes(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        var arn = "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + id;
        return Map.of("id", id, "keyId", id, "arn", arn, "awsAccountId", ACCOUNT_ID, "enabled", true,
                "keyState", "Enabled", "keyUsage", "ENCRYPT_DECRYPT", "keyManager", "CUSTOMER", "origin", "AWS_KMS",
                "multiRegion", false);
    }

    /** An existing secret as Secrets Manager describes it; the ARN carries the usual random 6-character tail. */
    private static Map<String, Object> existingSecret(String name, String region) {
        var arn = existingSecretArn(name, region);
        var keyId = name.startsWith(CUSTOMER_KEY_SECRET_PREFIX) ? "alias/payments-secrets" : "";
        return Map.of("arn", arn, "id", arn, "name", name, "kmsKeyId", keyId, "description", "existing secret",
                "policy", "", "tags", Map.of(), "createdDate", "2026-01-01T00:00:00Z", "lastChangedDate", "2026-01-01T00:00:00Z");
    }

    public static String existingSecretArn(String name, String region) {
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:" + name + "-AbCdEf";
    }

    private String regionOf(String providerReference) {
        return RecordedResource.providerName(providerReference).map(providerRegions::get).orElse(DEFAULT_PROVIDER_REGION);
    }

    /** The name AWS would know the resource by: its name input, else its logical name. */
    public static String physicalName(String logicalName, Map<String, Object> inputs) {
        for (var key : PHYSICAL_NAME_INPUTS) {
            if (inputs.get(key) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return logicalName;
    }

    private static String zoneId(String region, int n) {
        var parts = region.split("-");
        return parts[0] + parts[1].charAt(0) + parts[2] + "-az" + n;
    }

    /** An invoke the mocks cannot answer: add a realistic answer to {@link PlanMocks#callAsync}. */
    public static final class UnmockedInvokeException extends RuntimeException {
        UnmockedInvokeException(String token) {
            super("invoke " + token + " has no offline answer; add one to PlanMocks.callAsync");
        }
    }
}
