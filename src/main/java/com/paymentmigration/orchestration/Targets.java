package com.paymentmigration.orchestration;

import com.paymentmigration.dns.WeightedName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's own resources the state machines act on, as plain values: the definitions are written from these and
 * nothing else, so every ARN in a definition is one of ours.
 *
 * @param parameters      parameter name (its path under the stack's root, e.g. {@code database/active-writer}) to
 *                        its full name
 * @param endpointArns    the four DMS endpoints, tested before anything starts (the rollback path's included)
 * @param secretArns      the database credentials the endpoints and the validator read
 * @param criticalAlarms  names of the alarms that gate every step and roll the migration back
 * @param weightedDns     the weighted name whose weights the traffic steps move; empty when they move the API only
 * @param replicationOpsFunctionArn the function that syncs sequences, owns slots and checks prerequisites
 * @param globalClusterId the Aurora global database, whose writer must stay in {@link #region}
 * @param reverseSlotName the slot the reverse task reads on Aurora (its source endpoint's slotName)
 * @param changeSlotName  the change slots' name (one on each database) the freeze-time validation reads
 * @param controlSchema   the schema DMS keeps its control and heartbeat tables in, on both databases
 */
public record Targets(String region, String account, String migrationMachineArn, String rollbackMachineArn,
                      String replicationInstanceArn, String replicationInstanceId,
                      String forwardTaskArn, String forwardTaskId, String reverseTaskArn, String reverseTaskId,
                      List<String> endpointArns, List<String> secretArns,
                      String restApiId, String stageName, Map<String, String> parameters,
                      String checkpointBucket, String rollbackBucket, String statusTopicArn, String alarmTopicArn,
                      List<String> criticalAlarms, String validatorFunctionArn,
                      Optional<WeightedName.Zone> weightedDns, String replicationOpsFunctionArn,
                      String globalClusterId, String reverseSlotName, String changeSlotName,
                      String controlSchema) {

    public static final String PHASE = "phase";
    public static final String TRAFFIC = "traffic/new-backend-percent";
    public static final String ACTIVE_WRITER = "database/active-writer";
    public static final String WRITE_FREEZE = "database/write-freeze";
    public static final String FREEZE_SECONDS = "database/last-freeze-seconds";
    public static final String VALIDATION_STATUS = "validation/status";
    public static final String VALIDATION_REPORT = "validation/last-report";
    public static final String DNS_LEGACY_WEIGHT = WeightedName.LEGACY_WEIGHT_PARAMETER;
    public static final String DNS_NEW_WEIGHT = WeightedName.NEW_WEIGHT_PARAMETER;
    /** The parameters the state machines write or read; each must be in {@link #parameters}. */
    public static final List<String> USED_PARAMETERS = List.of(PHASE, TRAFFIC, ACTIVE_WRITER, WRITE_FREEZE,
            FREEZE_SECONDS, VALIDATION_STATUS, VALIDATION_REPORT);
    /** Also used when the traffic steps move DNS weights. */
    public static final List<String> DNS_PARAMETERS = List.of(DNS_LEGACY_WEIGHT, DNS_NEW_WEIGHT);

    public Targets {
        endpointArns = List.copyOf(endpointArns);
        secretArns = List.copyOf(secretArns);
        parameters = Map.copyOf(parameters);
        criticalAlarms = List.copyOf(criticalAlarms);
        var used = new java.util.ArrayList<>(USED_PARAMETERS);
        weightedDns.ifPresent(zone -> used.addAll(DNS_PARAMETERS));
        for (var key : used) {
            if (!parameters.containsKey(key)) {
                throw new IllegalArgumentException("the state machines need parameter " + key);
            }
        }
    }

    public String parameter(String key) {
        return parameters.get(key);
    }

    public String parameterArn(String key) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + parameter(key);
    }

    /** The hosted zone as IAM names it (Route 53 ARNs have no region or account). */
    public String hostedZoneArn() {
        return "arn:aws:route53:::hostedzone/" + weightedDns.orElseThrow().id();
    }

    /** Global clusters have no region in their ARN. */
    public String globalClusterArn() {
        return "arn:aws:rds::" + account + ":global-cluster:" + globalClusterId;
    }

    public String stageArn() {
        return "arn:aws:apigateway:" + region + "::/restapis/" + restApiId + "/stages/" + stageName;
    }

    public String bucketObjects(String bucket, String prefix) {
        return "arn:aws:s3:::" + bucket + "/" + prefix + "*";
    }
}
