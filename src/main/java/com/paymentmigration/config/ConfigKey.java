package com.paymentmigration.config;

/**
 * Every config key the program reads: its Pulumi type, its default (null: required) and what it means.
 * Pulumi.yaml declares the same keys, types and defaults; {@code PulumiYamlSchemaTest} keeps the two in step,
 * and the README's config reference is written from this list.
 */
public enum ConfigKey {
    // ---- Deployment identity and tags ----------------------------------------------------------------------
    MODE("mode", Type.STRING, "forward",
            "forward: the migration machinery is deployed ready to run. rollback: pulumi up converges to the "
                    + "rollback state (traffic 0, reverse replication on, forward task stopped) and starts the "
                    + "rollback state machine once."),
    ENVIRONMENT_SUFFIX("environmentSuffix", Type.STRING, null,
            "Carried by every physical name: 1-16 lowercase letters, digits or single hyphens, starting with a "
                    + "letter (e.g. dev, pr42)."),
    ENVIRONMENT("environment", Type.STRING, null, "Environment tag, e.g. dev, staging, prod."),
    COST_CENTER("costCenter", Type.STRING, null, "CostCenter tag on every resource."),
    MIGRATION_PHASE("migrationPhase", Type.STRING, "migration",
            "MigrationPhase tag. A static label: the live phase is in Parameter Store (/migration/{env}/phase), "
                    + "because a tag that followed the phase would rewrite every resource on each step."),
    EXTRA_TAGS("extraTags", Type.STRING_ARRAY, "[]", "Further tags as Key=Value, e.g. DataClassification=pci."),

    // ---- Regions and networks ------------------------------------------------------------------------------
    PRIMARY_REGION("primaryRegion", Type.STRING, "eu-central-1", "Region of the production and migration VPCs."),
    SECONDARY_REGION("secondaryRegion", Type.STRING, "eu-central-2",
            "Region of the Aurora secondary cluster, the replica buckets and the peered Transit Gateway."),
    AVAILABILITY_ZONE_COUNT("availabilityZoneCount", Type.INTEGER, "3", "Availability zones per VPC (2-6)."),
    PRODUCTION_VPC_CIDR("productionVpcCidr", Type.STRING, "10.10.0.0/16", "Production VPC in the primary region."),
    MIGRATION_VPC_CIDR("migrationVpcCidr", Type.STRING, "10.20.0.0/16",
            "Migration VPC in the primary region (DMS, validator, new payment service)."),
    SECONDARY_VPC_CIDR("secondaryVpcCidr", Type.STRING, "10.30.0.0/16", "VPC in the secondary region."),
    ON_PREM_CIDRS("onPremCidrs", Type.STRING_ARRAY, null,
            "On-premises networks reached through the VPN; must not overlap any VPC."),
    NAT_PER_AZ("natPerAz", Type.BOOLEAN, "false",
            "One NAT gateway per AZ (high availability) instead of one per VPC (cost)."),

    // ---- On-premises side ----------------------------------------------------------------------------------
    ON_PREM_VPN_PEER_IP("onPremVpnPeerIp", Type.STRING, null, "Public IPv4 address of the on-prem VPN device."),
    ON_PREM_BGP_ASN("onPremBgpAsn", Type.INTEGER, "65000", "BGP ASN of the on-prem VPN device (1-4294967294)."),
    ON_PREM_STATIC_ROUTING("onPremStaticRouting", Type.BOOLEAN, "false",
            "Static routes to onPremCidrs instead of BGP over the VPN."),
    SOURCE_DB_HOST("sourceDbHost", Type.STRING, null, "Host name or IPv4 of the on-prem PostgreSQL primary."),
    SOURCE_DB_PORT("sourceDbPort", Type.INTEGER, "5432", "Port of the on-prem PostgreSQL primary."),
    SOURCE_DB_NAME("sourceDbName", Type.STRING, null, "Database to migrate."),
    SOURCE_DB_SECRET_NAME("sourceDbSecretName", Type.STRING, null,
            "Existing Secrets Manager secret with the on-prem credentials; fetched, never created."),

    // ---- Aurora --------------------------------------------------------------------------------------------
    AURORA_MASTER_SECRET_NAME("auroraMasterSecretName", Type.STRING, null,
            "Existing Secrets Manager secret with the Aurora master credentials; fetched, never created."),
    AURORA_ENGINE_VERSION("auroraEngineVersion", Type.STRING, "16.8", "Aurora PostgreSQL engine version (major.minor)."),
    AURORA_INSTANCE_CLASS("auroraInstanceClass", Type.STRING, "db.r6g.large",
            "Instance class; a global database needs a memory-optimised class (db.r5 or newer)."),
    AURORA_READER_COUNT("auroraReaderCount", Type.INTEGER, "1",
            "Readers in the primary cluster (0-15), in other zones than the writer; 0 only with auroraAcceptSingleAz."),
    AURORA_SECONDARY_INSTANCE_COUNT("auroraSecondaryInstanceCount", Type.INTEGER, "2",
            "Read-only instances in the secondary cluster (1-16), one zone each in turn; under 2 only with "
                    + "auroraAcceptSingleAz."),
    AURORA_ACCEPT_SINGLE_AZ("auroraAcceptSingleAz", Type.BOOLEAN, "false",
            "Accept a cluster whose instances all sit in one availability zone (auroraReaderCount 0 or "
                    + "auroraSecondaryInstanceCount 1): an outage of that zone stops it until Aurora replaces the "
                    + "instance elsewhere. For short-lived test stacks; such clusters carry the tag ZoneLossAccepted=true."),
    AURORA_BACKUP_RETENTION_DAYS("auroraBackupRetentionDays", Type.INTEGER, "7",
            "Backup retention in days of both clusters (7-35; PCI DSS keeps at least 7)."),
    AURORA_MONITORING_INTERVAL_SECONDS("auroraMonitoringIntervalSeconds", Type.INTEGER, "60",
            "Enhanced Monitoring interval of every Aurora instance, in seconds: 1, 5, 10, 15, 30 or 60."),
    AURORA_CREATE_OS_METRICS_LOG_GROUPS("auroraCreateOsMetricsLogGroups", Type.BOOLEAN, "true",
            "Create RDSOSMetrics, the log group RDS writes Enhanced Monitoring to (one per account and region), in "
                    + "both regions with the region's key and logRetentionDays, before the instances. false when "
                    + "another stack of the account manages it; the instances then carry the tag "
                    + "OsMetricsLogGroupManagedElsewhere=true."),
    SECRET_ROTATION_DAYS("secretRotationDays", Type.INTEGER, "30",
            "Days between automatic rotations of every credential (1-365); the first rotation waits for the schedule."),
    SECRET_ROTATION_WINDOW_START_HOUR("secretRotationWindowStartHour", Type.INTEGER, "1",
            "UTC hour (0-23) the first secret's rotation window opens; each further secret's window opens when the "
                    + "previous one closes, so no two secrets rotate at once."),
    SECRET_ROTATION_WINDOW_HOURS("secretRotationWindowHours", Type.INTEGER, "2",
            "Length of each secret's rotation window in hours (1-8); all windows must close by 24:00 UTC."),
    ROTATION_CA_CERTIFICATES("rotationCaCertificates", Type.STRING, "",
            "PEM bundle of the CAs the rotation function trusts (verify-full), at most 8 KB: the region's RDS bundle "
                    + "and the on-prem CA. Empty: sourceDbCaCertificate and auroraCaCertificate together."),
    ROTATION_TAKE_OVER_SECRETS("rotationTakeOverSecrets", Type.STRING_ARRAY, "[]",
            "Names of secrets whose rotation, configured today with another function, the stack may replace with its own."),

    // ---- DMS -----------------------------------------------------------------------------------------------
    DMS_INSTANCE_CLASS("dmsInstanceClass", Type.STRING, "dms.r6i.large", "DMS replication instance class."),
    DMS_ALLOCATED_STORAGE_GB("dmsAllocatedStorageGb", Type.INTEGER, "100", "DMS instance storage in GiB (5-6144)."),
    DMS_ENGINE_VERSION("dmsEngineVersion", Type.STRING, "3.5.4",
            "DMS engine version; PostgreSQL 15 needs 3.5.1 or later, 16 needs 3.5.3, 17 needs 3.6.1."),
    SOURCE_DB_CA_CERTIFICATE("sourceDbCaCertificate", Type.STRING, "",
            "PEM of the CA that signed the on-prem PostgreSQL server certificate. Set: DMS verifies the server "
                    + "(sslmode verify-full). Empty: the connection is encrypted but the server is not verified (require)."),
    AURORA_CA_CERTIFICATE("auroraCaCertificate", Type.STRING, "",
            "PEM of the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem). Set: DMS "
                    + "verifies Aurora (verify-full). Empty: encrypted without verification (require)."),
    CREATE_DMS_ACCOUNT_ROLES("createDmsAccountRoles", Type.BOOLEAN, "true",
            "Create the account-wide dms-vpc-role and dms-cloudwatch-logs-role; false when the account has them."),
    REPLICATED_TABLES("replicatedTables", Type.STRING_ARRAY, "[\"public.%\"]",
            "Tables to replicate and validate as schema.table; % is a wildcard."),
    EXCLUDED_TABLES("excludedTables", Type.STRING_ARRAY, "[]", "Tables left out, as schema.table; % is a wildcard."),

    // ---- API and its backends ------------------------------------------------------------------------------
    LEGACY_BACKEND_URL("legacyBackendUrl", Type.STRING, null,
            "HTTPS URL of the on-prem payment service (the legacy backend), e.g. https://payments.dc1.internal:8443; "
                    + "its certificate must be one API Gateway trusts."),
    LEGACY_BACKEND_IPS("legacyBackendIps", Type.STRING_ARRAY, null,
            "IPv4 addresses of the legacy backend inside onPremCidrs: the private load balancer's targets over the VPN."),
    NEW_BACKEND_URL("newBackendUrl", Type.STRING, null,
            "HTTPS URL of the new payment service in the migration VPC, e.g. https://payments.migration.internal. "
                    + "With serviceEnabled: the host its load balancer's certificate covers and the port of its TLS listener."),
    NEW_BACKEND_IPS("newBackendIps", Type.STRING_ARRAY, "[]",
            "IPv4 addresses of a new backend run outside this stack, inside migrationVpcCidr. Required without "
                    + "serviceEnabled; must be empty with it (the service's load balancer is the new backend)."),
    API_STAGE_NAME("apiStageName", Type.STRING, "v1", "Name of the API stage, the first segment of every URL path."),
    API_DOMAIN_NAME("apiDomainName", Type.STRING, "",
            "Custom domain of the API. Set (with apiCertificateArn): TLS 1.2 minimum and the execute-api endpoint off. "
                    + "Empty: the execute-api endpoint, whose TLS policy AWS sets."),
    API_CERTIFICATE_ARN("apiCertificateArn", Type.STRING, "", "ACM certificate (same region) for apiDomainName."),
    API_THROTTLE_RATE("apiThrottleRatePerSecond", Type.INTEGER, "500", "Steady-state request rate the stage allows."),
    API_THROTTLE_BURST("apiThrottleBurst", Type.INTEGER, "1000", "Burst of requests the stage allows."),
    API_DAILY_QUOTA("apiDailyQuota", Type.INTEGER, "0", "Requests per day per API key in the usage plan; 0 for no quota."),
    CREATE_API_GATEWAY_ACCOUNT_ROLE("createApiGatewayAccountRole", Type.BOOLEAN, "true",
            "Set the region's API Gateway CloudWatch role (one per account and region); false when the account has it."),
    WAF_RATE_LIMIT("wafRateLimit", Type.INTEGER, "2000",
            "Requests one client address may send in 5 minutes before the API's web ACL blocks it (10-2000000000)."),
    WAF_BLOCKED_ALARM_THRESHOLD("wafBlockedAlarmThreshold", Type.INTEGER, "500",
            "Requests the API's web ACL blocks in 5 minutes that raise the firewall alarm: an attack in progress, or "
                    + "rules turning away real clients (1-1000000000)."),
    AUTHORIZER_KEY_SET_SECRET_NAME("authorizerKeySetSecretName", Type.STRING, null,
            "Existing secret holding the JWK set the authorizer verifies tokens with (kept by the identity provider)."),
    AUTHORIZER_ISSUER("authorizerIssuer", Type.STRING, null, "Required iss claim of accepted tokens."),
    AUTHORIZER_AUDIENCE("authorizerAudience", Type.STRING, null, "Required aud claim of accepted tokens."),
    AUTHORIZER_SCOPE_ROUTES("authorizerScopeRoutes", Type.STRING_ARRAY,
            "[\"payments:read=GET/payments,GET/payments/*\",\"payments:write=POST/payments,POST/refunds\"]",
            "Routes each scope opens, as scope=METHOD/path,... (path relative to the stage; * matches one segment)."),
    AUTHORIZER_CACHE_SECONDS("authorizerCacheSeconds", Type.INTEGER, "300",
            "How long API Gateway caches an authorizer decision per token, method and path (0-3600; 0 disables the cache)."),
    AUTHORIZER_KEY_SET_MAX_AGE_SECONDS("authorizerKeySetMaxAgeSeconds", Type.INTEGER, "300",
            "How long the authorizer uses a key set before reading it again: a key removed from the set stops verifying within this time (30-3600)."),
    SECRETS_EXTENSION_LAYER_ARN("secretsExtensionLayerArn", Type.STRING,
            "arn:aws:lambda:eu-central-1:187925254637:layer:AWS-Parameters-and-Secrets-Lambda-Extension:2",
            "AWS Parameters and Secrets Lambda Extension layer for the primary region (prefer the newest version)."),

    // ---- The new payment service (ECS Fargate behind an internal ALB) ---------------------------------------
    SERVICE_ENABLED("serviceEnabled", Type.BOOLEAN, "false",
            "Run the new payment service on ECS Fargate behind an internal application load balancer, which becomes "
                    + "the API's new backend."),
    SERVICE_IMAGE_REPOSITORY("serviceImageRepository", Type.STRING, "",
            "ECR repository URI of the service image (account.dkr.ecr.region.amazonaws.com/name). Empty: the stack "
                    + "creates a repository (immutable tags, scan on push, KMS-encrypted) to push the image to."),
    SERVICE_IMAGE_TAG("serviceImageTag", Type.STRING, "",
            "Image tag the service runs; required with serviceEnabled. A new tag is a new deployment."),
    SERVICE_CONTAINER_PORT("serviceContainerPort", Type.INTEGER, "8080", "Port the container serves HTTP on (1024-65535)."),
    SERVICE_HEALTH_CHECK_PATH("serviceHealthCheckPath", Type.STRING, "/health",
            "Path that answers 200 when a task can take payments: the load balancer's health check, and the "
                    + "container's (run with curl inside the image)."),
    SERVICE_CPU("serviceCpu", Type.INTEGER, "512", "Task CPU units: 256, 512, 1024, 2048, 4096, 8192 or 16384."),
    SERVICE_MEMORY_MB("serviceMemoryMb", Type.INTEGER, "1024",
            "Task memory in MiB, a Fargate pair with serviceCpu (e.g. 512 CPU: 1024-4096 in steps of 1024)."),
    SERVICE_MIN_TASKS("serviceMinTasks", Type.INTEGER, "2",
            "Fewest tasks auto scaling keeps, and the initial count (1-100; 2 or more to survive an AZ)."),
    SERVICE_MAX_TASKS("serviceMaxTasks", Type.INTEGER, "6", "Most tasks auto scaling starts (at least serviceMinTasks, at most 1000)."),
    SERVICE_CPU_TARGET_PERCENT("serviceCpuTargetPercent", Type.INTEGER, "60",
            "Average CPU utilisation auto scaling keeps the service at (10-90)."),
    SERVICE_MEMORY_TARGET_PERCENT("serviceMemoryTargetPercent", Type.INTEGER, "70",
            "Average memory utilisation auto scaling keeps the service at (10-90)."),
    SERVICE_CERTIFICATE_ARN("serviceCertificateArn", Type.STRING, "",
            "ACM certificate (primary region) of the load balancer's TLS listener, covering newBackendUrl's host and, "
                    + "with weighted DNS, the weighted name; required with serviceEnabled."),
    SERVICE_HTTP_LISTENER("serviceHttpListener", Type.BOOLEAN, "false",
            "Also listen on plain HTTP (port 80) inside the VPCs, for tests. Accepted only when environment is dev; "
                    + "the API always uses the TLS listener."),
    SERVICE_DB_SECRET_NAME("serviceDbSecretName", Type.STRING, "",
            "Existing secret with the service's own Aurora credentials; fetched, never created, rotated like the "
                    + "others. The task role can read this secret and no other. Required with serviceEnabled."),

    // ---- Weighted DNS --------------------------------------------------------------------------------------
    DNS_DOMAIN_NAME("dnsDomainName", Type.STRING, "",
            "Domain of the weighted name clients use. Set (or dnsHostedZoneId set): records legacy and new (weights "
                    + "100/0, TTL 60), each with a health check; needs serviceEnabled. Both empty: no DNS records."),
    DNS_HOSTED_ZONE_ID("dnsHostedZoneId", Type.STRING, "",
            "Existing hosted zone for the weighted name; its domain is looked up when dnsDomainName is empty. Empty: "
                    + "the stack creates a private hosted zone for dnsDomainName, associated with the production and "
                    + "migration VPCs."),
    DNS_RECORD_NAME("dnsRecordName", Type.STRING, "payments",
            "Label of the weighted name under dnsDomainName: payments gives payments.<dnsDomainName>."),

    // ---- Traffic shift -------------------------------------------------------------------------------------
    TRAFFIC_STEPS("trafficSteps", Type.INTEGER_ARRAY, "[10,25,50,100]",
            "Share of requests sent to the new backend at each step, strictly increasing, ending at 100."),
    TRAFFIC_BAKE_MINUTES("trafficBakeMinutes", Type.INTEGER_ARRAY, "[15,15,30,30]",
            "Bake time after each traffic step, one entry per step (or one entry for all)."),
    TRAFFIC_SHIFT_BY("trafficShiftBy", Type.STRING, "api",
            "What the migration state machine moves at each traffic step: api (the stage's canary), dns (the weighted "
                    + "records' weights; needs dnsDomainName) or api-and-dns (both, so callers through the API and by "
                    + "name move together). The rollback machine returns whatever it moved to legacy."),
    CUTOVER_BAKE_MINUTES("cutoverBakeMinutes", Type.INTEGER, "60",
            "Bake time after the database cutover before the migration completes."),

    // ---- Thresholds ----------------------------------------------------------------------------------------
    CDC_LATENCY_THRESHOLD_SECONDS("cdcLatencyThresholdSeconds", Type.INTEGER, "60",
            "CDC latency that gates validation and cutover, and raises the replication alarm."),
    CDC_LATENCY_CONSECUTIVE_CHECKS("cdcLatencyConsecutiveChecks", Type.INTEGER, "3",
            "Consecutive checks under the CDC threshold before the migration moves on."),
    API_5XX_RATE_PERCENT("api5xxRatePercent", Type.INTEGER, "1", "API 5XX rate (percent of requests) that stops a traffic step."),
    API_LATENCY_P99_MS("apiLatencyP99Ms", Type.INTEGER, "1000", "API p99 latency in milliseconds that stops a traffic step."),
    GLOBAL_DB_LAG_THRESHOLD_MS("globalDbLagThresholdMs", Type.INTEGER, "5000",
            "Aurora global database replication lag, in milliseconds, that raises an alarm."),
    WRITE_FREEZE_MAX_SECONDS("writeFreezeMaxSeconds", Type.INTEGER, "120",
            "Longest write freeze the cutover may take before it rolls back."),

    // ---- Operations ----------------------------------------------------------------------------------------
    ALERT_EMAILS("alertEmails", Type.STRING_ARRAY, null, "Addresses subscribed to the migration and alarm topics."),
    LOG_RETENTION_DAYS("logRetentionDays", Type.INTEGER, "365",
            "Retention of every log group; one of the values CloudWatch Logs accepts.");

    public static final String NAMESPACE = "migration";

    public enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean"), STRING_ARRAY("array"), INTEGER_ARRAY("array");

        /** The type name Pulumi.yaml's project config schema uses. */
        public final String pulumiName;

        Type(String pulumiName) {
            this.pulumiName = pulumiName;
        }
    }

    public final String key;
    public final Type type;
    /** The default as Pulumi passes it to the program (arrays as JSON); null when the key is required. */
    public final String defaultValue;
    public final String description;

    ConfigKey(String key, Type type, String defaultValue, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String qualified() {
        return NAMESPACE + ":" + key;
    }

    /** What a list value looks like, for messages: the default where it shows one, else an example. */
    public String defaultValueOrExample() {
        if (defaultValue != null && !defaultValue.equals("[]")) {
            return defaultValue;
        }
        return type == Type.INTEGER_ARRAY ? "[10,25,50,100]" : "[\"" + key + "-item\"]";
    }

    public boolean required() {
        return defaultValue == null;
    }
}
