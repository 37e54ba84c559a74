package com.paymentmigration.orchestration;

import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.parameters.ParameterKey;

import java.util.List;
import java.util.Optional;

/**
 * The stack's own resources the state machines act on, as plain values: the definitions are written from these and
 * nothing else, so every ARN in a definition is one of ours.
 *
 * @param parameterRoot   the stack's Parameter Store root, e.g. {@code /migration/dev}
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
                      String restApiId, String stageName, String parameterRoot,
                      String checkpointBucket, String rollbackBucket, String statusTopicArn, String alarmTopicArn,
                      List<String> criticalAlarms, String validatorFunctionArn,
                      Optional<WeightedName.Zone> weightedDns, String replicationOpsFunctionArn,
                      String globalClusterId, String reverseSlotName, String changeSlotName,
                      String controlSchema) {

    public static final ParameterKey PHASE = ParameterKey.PHASE;
    public static final ParameterKey TRAFFIC = ParameterKey.TRAFFIC_NEW_BACKEND_PERCENT;
    public static final ParameterKey ACTIVE_WRITER = ParameterKey.DATABASE_ACTIVE_WRITER;
    public static final ParameterKey WRITE_FREEZE = ParameterKey.DATABASE_WRITE_FREEZE;
    public static final ParameterKey FREEZE_SECONDS = ParameterKey.DATABASE_LAST_FREEZE_SECONDS;
    public static final ParameterKey VALIDATION_STATUS = ParameterKey.VALIDATION_STATUS;
    public static final ParameterKey VALIDATION_REPORT = ParameterKey.VALIDATION_LAST_REPORT;
    public static final ParameterKey DNS_LEGACY_WEIGHT = WeightedName.LEGACY_WEIGHT_PARAMETER;
    public static final ParameterKey DNS_NEW_WEIGHT = WeightedName.NEW_WEIGHT_PARAMETER;

    public Targets {
        endpointArns = List.copyOf(endpointArns);
        secretArns = List.copyOf(secretArns);
        criticalAlarms = List.copyOf(criticalAlarms);
    }

    /** The parameter's full name. */
    public String parameter(ParameterKey key) {
        return key.nameUnder(parameterRoot);
    }

    public String parameterArn(ParameterKey key) {
        return ParameterKey.arn(region, account, parameter(key));
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
