package com.paymentmigration.replication;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.ParameterSpec;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.secrets.ExistingSecret;
import com.pulumi.aws.dms.Certificate;
import com.pulumi.aws.dms.CertificateArgs;
import com.pulumi.aws.dms.Endpoint;
import com.pulumi.aws.dms.EndpointArgs;
import com.pulumi.aws.dms.ReplicationInstance;
import com.pulumi.aws.dms.ReplicationInstanceArgs;
import com.pulumi.aws.dms.ReplicationSubnetGroup;
import com.pulumi.aws.dms.ReplicationSubnetGroupArgs;
import com.pulumi.aws.dms.ReplicationTask;
import com.pulumi.aws.dms.ReplicationTaskArgs;
import com.pulumi.aws.dms.inputs.EndpointPostgresSettingsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DMS: a Multi-AZ replication instance in the migration VPC's DMS subnets, four secret-authenticated TLS endpoints,
 * the forward task (on-prem to Aurora, full load and CDC) and the reverse task (Aurora back to on-prem, CDC only,
 * the rollback path). {@code pulumi up} never starts, stops or restarts a task: the state machines do.
 */
public final class Replication extends MigrationComponent {

    public static final String TYPE = "migration:replication:Replication";
    public static final String SOURCE_ENGINE = "postgres";
    public static final String TARGET_ENGINE = "aurora-postgresql";
    /** Account-wide roles DMS looks up by these exact names (AWS DMS User Guide, "IAM roles to use with the CLI"). */
    public static final String VPC_ROLE = "dms-vpc-role";
    public static final String LOGS_ROLE = "dms-cloudwatch-logs-role";
    static final String VPC_ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonDMSVPCManagementRole";
    static final String LOGS_ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonDMSCloudWatchLogsRole";
    /**
     * Pulumi creates both tasks stopped and never starts or stops one: the state machines do, in the order that keeps
     * at most one direction running. The provider could not do it safely: it acts on {@code startReplicationTask} only
     * when the flag itself changes (its read never refreshes it), and its start sends no CDC start position, so a
     * reverse task it started would not begin at the slot recorded inside the freeze.
     */
    static final List<String> RUNTIME_MANAGED = List.of("startReplicationTask", "cdcStartPosition", "cdcStartTime");
    /**
     * Decoding plugin on both sides, as the DMS API spells it ({@code PluginNameValue}): test_decoding ships with
     * PostgreSQL and Aurora, needs no extension, and also replicates tables that rely on REPLICA IDENTITY FULL.
     */
    static final String DECODING_PLUGIN = "test-decoding";
    /**
     * Writes into a target skip its triggers and foreign-key checks: DMS loads tables in parallel, in no
     * particular order, and the source already enforced both.
     */
    static final String TARGET_SESSION = "SET session_replication_role = replica";

    /** A task as others name it: by ARN for the DMS API, by resource id for its metrics. */
    public record TaskRef(Output<String> arn, Output<String> resourceId) {
    }

    /** The four endpoints by role; the state machines test each before anything starts. */
    public record EndpointArns(Output<String> onPremSource, Output<String> auroraTarget, Output<String> auroraSource,
                            Output<String> onPremTarget) {
        /** Forward path first (source, target), then the reverse path. */
        public Output<List<String>> all() {
            return Output.all(onPremSource, auroraTarget, auroraSource, onPremTarget);
        }
    }

    /**
     * What the state machines, alarms and dashboard need of the replication.
     *
     * @param instanceId       the instance identifier (a metric dimension)
     * @param taskLogGroupName the log group DMS writes task logs to (created here so it is encrypted and retained)
     */
    public record Refs(Output<String> instanceArn, Output<String> instanceId, TaskRef forward, TaskRef reverse,
                       EndpointArns endpoints, Output<String> taskLogGroupName) {
    }

    public final Refs refs;

    public Replication(String name, StackContext stack, EncryptionKeys keys, Network migration,
                       DatabaseSecrets secrets, Parameters parameters) {
        super(TYPE, name, stack);
        var onPremSecret = secrets.onPrem();
        var auroraSecret = secrets.auroraMaster();
        var config = stack.config();
        var accountRoles = config.dms().createAccountRoles() ? accountRoles(name) : List.<Resource>of();

        var logGroup = Wiring.logGroupNamed(name + "-task-logs", stack, stack.names().dmsTaskLogGroup(),
                keys.primaryKeyArn, primary());

        var subnetGroup = new ReplicationSubnetGroup(name + "-subnets", ReplicationSubnetGroupArgs.builder()
                .replicationSubnetGroupId(stack.names().of(NameRule.DMS_IDENTIFIER, "replication-subnets"))
                .replicationSubnetGroupDescription("DMS tier of the migration VPC, one subnet per AZ")
                .subnetIds(Output.all(migration.subnetIds(Tier.DMS)))
                .build(), primary(o -> o.dependsOn(accountRoles)));
        var dependencies = new ArrayList<Resource>(accountRoles);
        dependencies.add(subnetGroup);
        dependencies.add(logGroup);
        var instance = new ReplicationInstance(name + "-instance", ReplicationInstanceArgs.builder()
                .replicationInstanceId(stack.names().replicationInstanceId())
                .replicationInstanceClass(config.dms().instanceClass())
                .allocatedStorage(config.dms().allocatedStorageGb())
                .engineVersion(config.dms().engineVersion())
                // Versions change through config only: an automatic upgrade mid-migration restarts the tasks.
                .autoMinorVersionUpgrade(false)
                .allowMajorVersionUpgrade(false)
                .multiAz(true)
                .publiclyAccessible(false)
                .kmsKeyArn(keys.primaryKeyArn)
                .replicationSubnetGroupId(subnetGroup.replicationSubnetGroupId())
                .vpcSecurityGroupIds(migration.securityGroups.get(SecurityRules.Group.DMS).id().applyValue(List::of))
                .applyImmediately(true)
                .build(), primary(o -> o.dependsOn(dependencies)));
        var instanceArn = instance.replicationInstanceArn();
        var instanceId = instance.replicationInstanceId();

        var secretAccess = secretAccessRole(name, onPremSecret, auroraSecret);
        var endpoints = new Endpoints(name, keys, secretAccess);
        var onPremSource = endpoints.create("onprem-source", "source", SOURCE_ENGINE, onPremSecret, Optional.empty());
        var auroraTarget = endpoints.create("aurora-target", "target", TARGET_ENGINE, auroraSecret, Optional.empty());
        // The reverse task reads the slot the cutover creates inside the freeze, from the position recorded there.
        var auroraSource = endpoints.create("aurora-source", "source", TARGET_ENGINE, auroraSecret,
                Optional.of(ReplicationSlots.reverseSlotName(config.environmentSuffix())));
        var onPremTarget = endpoints.create("onprem-target", "target", SOURCE_ENGINE, onPremSecret, Optional.empty());


        // In every mode both tasks are declared stopped and left to the state machines (RUNTIME_MANAGED says why).
        var mappings = TableMappings.of(config.dms().tables());
        var forward = task(name + "-forward", ReplicationDirection.FORWARD, instance, onPremSource, auroraTarget, mappings);
        var reverse = task(name + "-reverse", ReplicationDirection.REVERSE, instance, auroraSource, onPremTarget, mappings);
        var forwardTaskArn = forward.replicationTaskArn();
        var reverseTaskArn = reverse.replicationTaskArn();
        this.refs = new Refs(instanceArn, instanceId, taskRef(forward), taskRef(reverse),
                new EndpointArns(onPremSource.endpointArn(), auroraTarget.endpointArn(), auroraSource.endpointArn(),
                        onPremTarget.endpointArn()), logGroup.name());

        publish(parameters, ParameterKey.REPLICATION_INSTANCE_ARN, instanceArn, "DMS replication instance ARN");
        publish(parameters, ParameterKey.REPLICATION_INSTANCE_ID, instanceId, "DMS replication instance identifier (metric dimension)");
        publish(parameters, ParameterKey.REPLICATION_FORWARD_TASK_ARN, forwardTaskArn, "forward task (on-prem to Aurora, full load and CDC)");
        publish(parameters, ParameterKey.REPLICATION_REVERSE_TASK_ARN, reverseTaskArn, "reverse task (Aurora to on-prem, CDC; the rollback path)");
        registerOutputs(Map.of("instanceArn", instanceArn, "forwardTaskArn", forwardTaskArn, "reverseTaskArn", reverseTaskArn));
    }

    private static TaskRef taskRef(ReplicationTask task) {
        return new TaskRef(task.replicationTaskArn(), task.replicationTaskArn().applyValue(Replication::resourceId));
    }

    /** The resource id at the end of a DMS ARN ({@code arn:aws:dms:region:account:task:ID}). */
    static String resourceId(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private void publish(Parameters parameters, ParameterKey key, Output<String> value, String description) {
        parameters.publish(key, value, ParameterSpec.Kind.CONFIGURED, description);
    }

    private ReplicationTask task(String logicalName, ReplicationDirection direction, ReplicationInstance instance,
                                 Endpoint source, Endpoint target, String mappings) {
        var id = stack.names().of(NameRule.DMS_IDENTIFIER, direction.purpose);
        return new ReplicationTask(logicalName, ReplicationTaskArgs.builder()
                .replicationTaskId(id)
                // The ARN ends in our name instead of a random id, so dashboards and runbooks can name the task.
                .resourceIdentifier(id)
                .migrationType(direction.migrationType)
                .replicationInstanceArn(instance.replicationInstanceArn())
                .sourceEndpointArn(source.endpointArn())
                .targetEndpointArn(target.endpointArn())
                .tableMappings(mappings)
                .replicationTaskSettings(TaskSettings.document())
                .startReplicationTask(false)
                .build(), primary(o -> o.ignoreChanges(RUNTIME_MANAGED)));
    }

    private List<Resource> accountRoles(String name) {
        // Exact names and the plain trust DMS documents: DMS finds these roles by name, account-wide.
        var trust = Output.of(PolicyDocument.of(Statement.allow("DmsAssumesRole").service("dms.amazonaws.com")
                .actions("sts:AssumeRole")).toJson());
        var description = "Account-wide role DMS requires (created by payment-migration)";
        return List.of(
                Wiring.managedPolicyRole(name + "-" + VPC_ROLE, VPC_ROLE, description, trust, VPC_ROLE_POLICY, primary())
                        .attachment(),
                Wiring.managedPolicyRole(name + "-" + LOGS_ROLE, LOGS_ROLE, description, trust, LOGS_ROLE_POLICY, primary())
                        .attachment());
    }

    private Wiring.ServiceRole secretAccessRole(String name, ExistingSecret onPrem, ExistingSecret aurora) {
        var region = stack.config().regions().primary();
        var policy = Output.tuple(onPrem.arn(), aurora.arn(), onPrem.kmsKeyArn(), aurora.kmsKeyArn())
                .applyValue(t -> secretAccessPolicy(List.of(t.t1, t.t2), List.of(t.t3, t.t4)));
        return Wiring.serviceRole(name + "-secret-access", stack, "dms-secret-access",
                List.of("dms." + region + ".amazonaws.com", "dms.amazonaws.com"),
                "DMS endpoints read the database credentials from Secrets Manager", policy, primary());
    }

    static String secretAccessPolicy(List<String> secretArns, List<String> keyArns) {
        var document = PolicyDocument.of(Statement.allow("ReadEndpointCredentials")
                .actions("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret").resources(secretArns));
        return document.andKeyUse("DecryptEndpointCredentials", keyArns, "kms:Decrypt", "kms:DescribeKey").toJson();
    }

    /** The endpoints: the same secret-based, TLS-on shape for all four, differing in engine, direction and CA. */
    private final class Endpoints {
        private final String prefix;
        private final EncryptionKeys keys;
        private final Wiring.ServiceRole access;
        private final Map<String, Output<String>> certificates = new HashMap<>();

        Endpoints(String prefix, EncryptionKeys keys, Wiring.ServiceRole access) {
            this.prefix = prefix;
            this.keys = keys;
            this.access = access;
            certificate(SOURCE_ENGINE, "onprem-ca", stack.config().dms().sourceCaCertificate());
            certificate(TARGET_ENGINE, "aurora-ca", stack.config().dms().auroraCaCertificate());
        }

        Endpoint create(String purpose, String type, String engine, ExistingSecret secret, Optional<String> slotName) {
            var settings = EndpointPostgresSettingsArgs.builder().mapBooleanAsBoolean(true).failTasksOnLobTruncation(true);
            if (type.equals("source")) {
                // CDC: logical decoding, a heartbeat so an idle slot does not hold WAL back (in DMS's own schema, not
                // public, where PostgreSQL 15+ lets ordinary users create nothing), and no DDL capture (it installs
                // event triggers on the source; the schema is frozen during a migration).
                settings.pluginName(DECODING_PLUGIN).heartbeatEnable(true).heartbeatFrequency(5)
                        .heartbeatSchema(TaskSettings.CONTROL_SCHEMA).captureDdls(false);
                slotName.ifPresent(settings::slotName);
            } else {
                settings.afterConnectScript(TARGET_SESSION);
            }
            var args = EndpointArgs.builder()
                    .endpointId(stack.names().of(NameRule.DMS_IDENTIFIER, purpose))
                    .endpointType(type)
                    .engineName(engine)
                    .databaseName(stack.config().onPrem().dbName())
                    // Host, port and credentials come from the secret at connect time: nothing inline, and a
                    // rotated password is picked up without a deploy.
                    .secretsManagerArn(secret.arn())
                    .secretsManagerAccessRoleArn(access.arn())
                    .kmsKeyArn(keys.primaryKeyArn)
                    .postgresSettings(settings.build());
            var certificateArn = certificates.get(engine);
            if (certificateArn == null) {
                args.sslMode("require");
            } else {
                args.sslMode("verify-full").certificateArn(certificateArn);
            }
            return new Endpoint(prefix + "-" + purpose, args.build(), primary(o -> o.dependsOn(access.policy())));
        }

        /** A CA certificate makes the engine's endpoints verify-full; without one they encrypt without verifying. */
        private void certificate(String engine, String purpose, String pem) {
            if (!pem.isEmpty()) {
                certificates.put(engine, new Certificate(prefix + "-" + purpose, CertificateArgs.builder()
                        .certificateId(stack.names().of(NameRule.DMS_IDENTIFIER, purpose))
                        .certificatePem(pem)
                        .build(), primary()).certificateArn());
            }
        }
    }
}
