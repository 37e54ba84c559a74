package com.paymentmigration;

import com.paymentmigration.network.Tier;
import com.paymentmigration.network.VpcRole;

/**
 * The name of every stack output, grouped by the component that produces it: what operators, the runbook, the
 * integration tests and {@code scripts/write-flat-outputs.sh} read. {@link Main} exports each under this name.
 */
public final class StackOutputs {

    // The stack
    public static final String MODE = "mode";
    public static final String RUNBOOK = "runbook";

    // transit
    public static final String PRIMARY_TRANSIT_GATEWAY_ID = "primaryTransitGatewayId";
    public static final String SECONDARY_TRANSIT_GATEWAY_ID = "secondaryTransitGatewayId";
    public static final String VPN_CONNECTION_ID = "vpnConnectionId";

    // database
    public static final String AURORA_WRITER_ENDPOINT = "auroraWriterEndpoint";
    public static final String AURORA_READER_ENDPOINT = "auroraReaderEndpoint";
    public static final String AURORA_SECONDARY_READER_ENDPOINT = "auroraSecondaryReaderEndpoint";
    public static final String GLOBAL_CLUSTER_ID = "globalClusterId";

    // replication
    public static final String REPLICATION_INSTANCE_ARN = "replicationInstanceArn";
    public static final String FORWARD_TASK_ARN = "forwardTaskArn";
    public static final String REVERSE_TASK_ARN = "reverseTaskArn";

    // functions
    public static final String ROTATION_FUNCTION_ARN = "rotationFunctionArn";
    public static final String VALIDATOR_FUNCTION_ARN = "validatorFunctionArn";

    // parameters
    public static final String PARAMETER_ROOT = "parameterRoot";

    // storage
    public static final String CHECKPOINT_BUCKET = "checkpointBucket";
    public static final String ROLLBACK_STATE_BUCKET = "rollbackStateBucket";
    public static final String TRANSACTION_LOG_BUCKET = "transactionLogBucket";
    public static final String TRANSACTION_LOG_REPLICA_BUCKET = "transactionLogReplicaBucket";

    // notifications
    public static final String STATUS_TOPIC_ARN = "statusTopicArn";
    public static final String ALARM_TOPIC_ARN = "alarmTopicArn";
    public static final String VALIDATION_TOPIC_ARN = "validationTopicArn";

    // orchestration
    public static final String MIGRATION_STATE_MACHINE_ARN = "migrationStateMachineArn";
    public static final String ROLLBACK_STATE_MACHINE_ARN = "rollbackStateMachineArn";

    // api
    public static final String API_ENDPOINT = "apiEndpoint";
    public static final String API_ID = "apiId";

    // monitoring
    public static final String DASHBOARD_URL = "dashboardUrl";

    // service (with serviceEnabled)
    public static final String SERVICE_CLUSTER_NAME = "serviceClusterName";
    public static final String SERVICE_NAME = "serviceName";
    public static final String SERVICE_LOAD_BALANCER_DNS_NAME = "serviceLoadBalancerDnsName";
    public static final String SERVICE_IMAGE_REPOSITORY_URL = "serviceImageRepositoryUrl";

    // dns (with dnsDomainName)
    public static final String DNS_ZONE_ID = "dnsZoneId";
    public static final String DNS_RECORD_NAME = "dnsRecordName";

    private StackOutputs() {
    }

    // network: one set per VPC, named after its role, so these two are functions of it.

    /** e.g. {@code productionVpcId}. */
    public static String vpcId(VpcRole vpc) {
        return vpc.label + "VpcId";
    }

    /** e.g. {@code migrationSubnetIdsPrivate}; only for the tiers the VPC has. */
    public static String subnetIds(VpcRole vpc, Tier tier) {
        return vpc.label + "SubnetIds" + Character.toUpperCase(tier.label.charAt(0)) + tier.label.substring(1);
    }
}
