package com.paymentmigration.config;

import com.paymentmigration.config.MigrationConfig.SecretRotation;
import com.paymentmigration.config.Rules.Tag;

import static com.paymentmigration.config.Rules.ACM_CERTIFICATE;
import static com.paymentmigration.config.Rules.CIDR;
import static com.paymentmigration.config.Rules.DOMAIN;
import static com.paymentmigration.config.Rules.HOST;
import static com.paymentmigration.config.Rules.HTTPS_URL;
import static com.paymentmigration.config.Rules.IPV4_ADDRESS;
import static com.paymentmigration.config.Rules.PEM;
import static com.paymentmigration.config.Rules.POSTGRES_VERSION;
import static com.paymentmigration.config.Rules.PUBLIC_IPV4;
import static com.paymentmigration.config.Rules.REQUIRED;
import static com.paymentmigration.config.Rules.SCOPE_ROUTE;
import static com.paymentmigration.config.Rules.SECRET_NAME;
import static com.paymentmigration.config.Rules.TABLE;
import static com.paymentmigration.config.Rules.TAG;
import static com.paymentmigration.config.Rules.TAG_LABEL;
import static com.paymentmigration.config.Rules.TRUE_OR_FALSE;
import static com.paymentmigration.config.Rules.VPC_CIDR;
import static com.paymentmigration.config.Rules.region;
import static com.paymentmigration.config.TextRule.matching;
import static com.paymentmigration.config.WholeNumberRule.between;
import static com.paymentmigration.config.WholeNumberRule.oneOf;

/**
 * Every config key the program reads: its default (null: required), its rule (the Pulumi type, what it accepts and
 * the fix for a bad value) and what it means. A description shows what the rule accepts where it says
 * {@value KeyRule#RANGE}, so the two never disagree. Pulumi.yaml declares the same keys; {@code PulumiYamlSchemaTest}
 * keeps the two in step, and {@code ConfigReferenceTest} keeps the README's table in step with this list.
 * A rule that ties keys together lives in the section that reads them (e.g. {@link AuroraRules}, {@link ServiceRules}).
 * <p>
 * To add a key: declare it here with its default, its rule and its description (with {@value KeyRule#RANGE} where the
 * rule's range goes); declare it in Pulumi.yaml with that description (PulumiYamlSchemaTest prints the text it
 * expects) and regenerate the README's table ({@link ConfigReference}); read its value where its section builds
 * its record ({@code values.integer(KEY)}), next to any rule that ties it to other keys.
 */
public enum ConfigKey {
    // ---- Deployment identity and tags ----------------------------------------------------------------------
    MODE("mode", "forward", ChoiceRule.of(Mode.values(), Mode::configValue),
            "What pulumi up converges to: {range}. forward: the migration machinery is deployed ready to run. "
                    + "rollback: the rollback state (traffic 0, reverse replication on, forward task stopped), and "
                    + "the rollback state machine is started once."),
    ENVIRONMENT_SUFFIX("environmentSuffix", REQUIRED, matching("[a-z](?:[a-z0-9]|-(?!-))*(?<!-)", "use {range} "
            + "lowercase letters, digits or single hyphens, starting with a letter and not ending with a hyphen (AWS "
            + "rejects others in S3, RDS and DMS names)").lengthBetween(1, ConfigKey.MAX_SUFFIX_LENGTH),
            "Carried by every physical name: {range} lowercase letters, digits or single hyphens, starting with a "
                    + "letter (e.g. dev, pr42)."),
    ENVIRONMENT("environment", REQUIRED, TAG_LABEL, "Environment tag ({range} characters), e.g. dev, staging, prod."),
    COST_CENTER("costCenter", REQUIRED, TAG_LABEL, "CostCenter tag on every resource ({range} characters)."),
    MIGRATION_PHASE("migrationPhase", "migration", TAG_LABEL,
            "MigrationPhase tag ({range} characters). A static label: the live phase is in Parameter Store "
                    + "(/migration/{env}/phase), because a tag that followed the phase would rewrite every resource on each step."),
    EXTRA_TAGS("extraTags", "[]", ListRule.of(TAG, "[\"DataClassification=pci\"]")
            .unique(Tag::key, tag -> "tag " + tag.key() + " is set twice"),
            "Further tags as Key=Value, e.g. DataClassification=pci."),

    // ---- Regions and networks ------------------------------------------------------------------------------
    PRIMARY_REGION("primaryRegion", "eu-central-1", region("eu-central-1"), "Region of the production and migration VPCs."),
    SECONDARY_REGION("secondaryRegion", "eu-central-2", region("eu-central-2"),
            "Region of the Aurora secondary cluster, the replica buckets and the peered Transit Gateway."),
    AVAILABILITY_ZONE_COUNT("availabilityZoneCount", "3", between(2, 6), "Availability zones per VPC ({range})."),
    PRODUCTION_VPC_CIDR("productionVpcCidr", "10.10.0.0/16", VPC_CIDR,
            "Production VPC in the primary region: a private block from {range}."),
    MIGRATION_VPC_CIDR("migrationVpcCidr", "10.20.0.0/16", VPC_CIDR,
            "Migration VPC in the primary region (DMS, validator, new payment service): a private block from {range}."),
    SECONDARY_VPC_CIDR("secondaryVpcCidr", "10.30.0.0/16", VPC_CIDR, "VPC in the secondary region: a private block from {range}."),
    ON_PREM_CIDRS("onPremCidrs", REQUIRED, ListRule.of(CIDR, "[\"192.168.0.0/16\"]").nonEmpty("list at least one on-prem network"),
            "On-premises networks reached through the VPN; must not overlap any VPC."),
    NAT_PER_AZ("natPerAz", "false", TRUE_OR_FALSE,
            "One NAT gateway per AZ (high availability) instead of one per VPC (cost)."),

    // ---- On-premises side ----------------------------------------------------------------------------------
    ON_PREM_VPN_PEER_IP("onPremVpnPeerIp", REQUIRED, PUBLIC_IPV4, "Public IPv4 address of the on-prem VPN device."),
    ON_PREM_BGP_ASN("onPremBgpAsn", "65000", between(1, 4_294_967_294L), "BGP ASN of the on-prem VPN device ({range})."),
    ON_PREM_STATIC_ROUTING("onPremStaticRouting", "false", TRUE_OR_FALSE,
            "Static routes to onPremCidrs instead of BGP over the VPN."),
    SOURCE_DB_HOST("sourceDbHost", REQUIRED, matching(HOST, "use a DNS name or an IPv4 address"),
            "Host name or IPv4 of the on-prem PostgreSQL primary."),
    SOURCE_DB_PORT("sourceDbPort", "5432", between(1, 65535), "Port of the on-prem PostgreSQL primary ({range})."),
    SOURCE_DB_NAME("sourceDbName", REQUIRED, matching("[A-Za-z_][A-Za-z0-9_$]{0,62}",
            "use a PostgreSQL identifier (letters, digits, _)"), "Database to migrate."),
    SOURCE_DB_SECRET_NAME("sourceDbSecretName", REQUIRED, SECRET_NAME,
            "Existing Secrets Manager secret with the on-prem credentials; fetched, never created."),

    // ---- Aurora --------------------------------------------------------------------------------------------
    AURORA_MASTER_SECRET_NAME("auroraMasterSecretName", REQUIRED, SECRET_NAME,
            "Existing Secrets Manager secret with the Aurora master credentials; fetched, never created."),
    AURORA_ENGINE_VERSION("auroraEngineVersion", "16.8", POSTGRES_VERSION,
            "Aurora PostgreSQL engine version (major.minor)."),
    // Aurora global databases take memory-optimised classes only (AWS: db.r5 or higher recommended).
    AURORA_INSTANCE_CLASS("auroraInstanceClass", "db.r6g.large",
            matching("db\\.(r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g|x2iedn)\\.[a-z0-9]+", "a global database needs a "
                    + "memory-optimised class (db.r5 or newer: db.r6g, db.r6i, db.r7g, db.r7i, db.r8g, db.x2g), e.g. db.r6g.large"),
            "Instance class; a global database needs a memory-optimised class (db.r5 or newer)."),
    AURORA_READER_COUNT("auroraReaderCount", "1", between(0, 15),
            "Readers in the primary cluster ({range}), in other zones than the writer; 0 only with auroraAcceptSingleAz."),
    AURORA_SECONDARY_INSTANCE_COUNT("auroraSecondaryInstanceCount", "2", between(1, 16),
            "Read-only instances in the secondary cluster ({range}), one zone each in turn; under 2 only with "
                    + "auroraAcceptSingleAz."),
    AURORA_ACCEPT_SINGLE_AZ("auroraAcceptSingleAz", "false", TRUE_OR_FALSE,
            "Accept a cluster whose instances all sit in one availability zone (auroraReaderCount 0 or "
                    + "auroraSecondaryInstanceCount 1): an outage of that zone stops it until Aurora replaces the "
                    + "instance elsewhere. For short-lived test stacks; such clusters carry the tag ZoneLossAccepted=true."),
    AURORA_BACKUP_RETENTION_DAYS("auroraBackupRetentionDays", "7", between(7, 35),
            "Backup retention in days of both clusters ({range}; PCI DSS keeps at least 7)."),
    AURORA_MONITORING_INTERVAL_SECONDS("auroraMonitoringIntervalSeconds", "60",
            oneOf(ServiceLimits.ENHANCED_MONITORING_INTERVALS, "Enhanced Monitoring", "seconds"),
            "Enhanced Monitoring interval of every Aurora instance, in seconds: {range}."),
    AURORA_CREATE_OS_METRICS_LOG_GROUPS("auroraCreateOsMetricsLogGroups", "true", TRUE_OR_FALSE,
            "Create RDSOSMetrics, the log group RDS writes Enhanced Monitoring to (one per account and region), in "
                    + "both regions with the region's key and logRetentionDays, before the instances. false when "
                    + "another stack of the account manages it; the instances then carry the tag "
                    + "OsMetricsLogGroupManagedElsewhere=true."),
    SECRET_ROTATION_DAYS("secretRotationDays", "30", between(1, 365),
            "Days between automatic rotations of every credential ({range}); the first rotation waits for the schedule."),
    // Every secret's window must close by 24:00 UTC: the latest start leaves room for one-hour windows.
    SECRET_ROTATION_WINDOW_START_HOUR("secretRotationWindowStartHour", "1", between(0, 24 - SecretRotation.MAX_SECRETS),
            "UTC hour ({range}) the first secret's rotation window opens; each further secret's window opens when the "
                    + "previous one closes, so no two secrets rotate at once."),
    SECRET_ROTATION_WINDOW_HOURS("secretRotationWindowHours", "2", between(1, 24 / SecretRotation.MAX_SECRETS),
            "Length of each secret's rotation window in hours ({range}); all windows must close by 24:00 UTC."),
    ROTATION_CA_CERTIFICATES("rotationCaCertificates", "", PEM,
            "PEM bundle of the CAs the rotation function trusts (verify-full), at most 8 KB: the region's RDS bundle "
                    + "and the on-prem CA. Empty: sourceDbCaCertificate and auroraCaCertificate together."),
    ROTATION_TAKE_OVER_SECRETS("rotationTakeOverSecrets", "[]", ListRule.of(TextRule.any(), "[\"prod/onprem-payments\"]"),
            "Names of secrets whose rotation, configured today with another function, the stack may replace with its own."),

    // ---- DMS -----------------------------------------------------------------------------------------------
    DMS_INSTANCE_CLASS("dmsInstanceClass", "dms.r6i.large",
            matching("dms\\.[a-z0-9]+\\.[a-z0-9]+", "use a DMS instance class like dms.r6i.large"), "DMS replication instance class."),
    DMS_ALLOCATED_STORAGE_GB("dmsAllocatedStorageGb", "100", between(5, 6144), "DMS instance storage in GiB ({range})."),
    DMS_ENGINE_VERSION("dmsEngineVersion", "3.5.4", matching("\\d+\\.\\d+\\.\\d+", "use major.minor.patch, e.g. 3.5.4"),
            "DMS engine version; " + DmsRules.minimumVersionsInWords() + "."),
    SOURCE_DB_CA_CERTIFICATE("sourceDbCaCertificate", "", PEM,
            "PEM of the CA that signed the on-prem PostgreSQL server certificate. Set: DMS verifies the server "
                    + "(sslmode verify-full). Empty: the connection is encrypted but the server is not verified (require)."),
    AURORA_CA_CERTIFICATE("auroraCaCertificate", "", PEM,
            "PEM of the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem). Set: DMS "
                    + "verifies Aurora (verify-full). Empty: encrypted without verification (require)."),
    CREATE_DMS_ACCOUNT_ROLES("createDmsAccountRoles", "true", TRUE_OR_FALSE,
            "Create the account-wide dms-vpc-role and dms-cloudwatch-logs-role; false when the account has them."),
    REPLICATED_TABLES("replicatedTables", "[\"public.%\"]", ListRule.of(TABLE, "[\"payments.%\"]")
            .nonEmpty("select at least one table").unique(table -> table, table -> "is listed twice; remove the duplicate"),
            "Tables to replicate and validate as schema.table; % is a wildcard."),
    EXCLUDED_TABLES("excludedTables", "[]", ListRule.of(TABLE, "[\"public.audit_%\"]")
            .unique(table -> table, table -> "is listed twice; remove the duplicate"),
            "Tables left out, as schema.table; % is a wildcard."),

    // ---- API and its backends ------------------------------------------------------------------------------
    LEGACY_BACKEND_URL("legacyBackendUrl", REQUIRED, HTTPS_URL,
            "HTTPS URL of the on-prem payment service (the legacy backend), e.g. https://payments.dc1.internal:8443; "
                    + "its certificate must be one API Gateway trusts."),
    LEGACY_BACKEND_IPS("legacyBackendIps", REQUIRED, ListRule.of(IPV4_ADDRESS, "[\"172.16.20.11\"]")
            .nonEmpty(ApiRules.LIST_BACKEND_ADDRESSES),
            "IPv4 addresses of the legacy backend inside onPremCidrs: the private load balancer's targets over the VPN."),
    NEW_BACKEND_URL("newBackendUrl", REQUIRED, HTTPS_URL,
            "HTTPS URL of the new payment service in the migration VPC, e.g. https://payments.migration.internal. "
                    + "With serviceEnabled: the host its load balancer's certificate covers and the port of its TLS listener."),
    NEW_BACKEND_IPS("newBackendIps", "[]", ListRule.of(IPV4_ADDRESS, "[\"10.20.0.10\"]"),
            "IPv4 addresses of a new backend run outside this stack, inside migrationVpcCidr. Required without "
                    + "serviceEnabled; must be empty with it (the service's load balancer is the new backend)."),
    API_STAGE_NAME("apiStageName", "v1", matching("[A-Za-z0-9_]*", "use {range} letters, digits and _, e.g. v1")
            .lengthBetween(1, 64), "Name of the API stage ({range} letters, digits and _), the first segment of every URL path."),
    API_DOMAIN_NAME("apiDomainName", "", matching(DOMAIN, "use a DNS name, e.g. api.payments.example.com").orEmpty(),
            "Custom domain of the API. Set (with apiCertificateArn): TLS 1.2 minimum and the execute-api endpoint off. "
                    + "Empty: the execute-api endpoint, whose TLS policy AWS sets."),
    API_CERTIFICATE_ARN("apiCertificateArn", "", ACM_CERTIFICATE, "ACM certificate (same region) for apiDomainName."),
    API_THROTTLE_RATE("apiThrottleRatePerSecond", "500", between(1, 10_000), "Steady-state request rate the stage allows ({range})."),
    API_THROTTLE_BURST("apiThrottleBurst", "1000", between(1, 5_000), "Burst of requests the stage allows ({range})."),
    API_DAILY_QUOTA("apiDailyQuota", "0", between(0, Integer.MAX_VALUE),
            "Requests per day per API key in the usage plan ({range}); 0 for no quota."),
    CREATE_API_GATEWAY_ACCOUNT_ROLE("createApiGatewayAccountRole", "true", TRUE_OR_FALSE,
            "Set the region's API Gateway CloudWatch role (one per account and region); false when the account has it."),
    // AWS WAF's lowest rate limit is 10 ("Rate-based rule high-level settings").
    WAF_RATE_LIMIT("wafRateLimit", "2000", between(10, 2_000_000_000),
            "Requests one client address may send in 5 minutes before the API's web ACL blocks it ({range})."),
    WAF_BLOCKED_ALARM_THRESHOLD("wafBlockedAlarmThreshold", "500", between(1, 1_000_000_000),
            "Requests the API's web ACL blocks in 5 minutes that raise the firewall alarm: an attack in progress, or "
                    + "rules turning away real clients ({range})."),
    AUTHORIZER_KEY_SET_SECRET_NAME("authorizerKeySetSecretName", REQUIRED, SECRET_NAME,
            "Existing secret holding the JWK set the authorizer verifies tokens with (kept by the identity provider)."),
    AUTHORIZER_ISSUER("authorizerIssuer", REQUIRED, TextRule.any(), "Required iss claim of accepted tokens."),
    AUTHORIZER_AUDIENCE("authorizerAudience", REQUIRED, TextRule.any(), "Required aud claim of accepted tokens."),
    AUTHORIZER_SCOPE_ROUTES("authorizerScopeRoutes",
            "[\"payments:read=GET/payments,GET/payments/*\",\"payments:write=POST/payments,POST/refunds\"]",
            ListRule.of(matching(SCOPE_ROUTE, "use scope=METHOD/path,METHOD/path, where a path segment is * (exactly one "
                    + "segment) or letters, digits and ._~-, e.g. payments:read=GET/payments,GET/payments/*"),
                    "[\"payments:read=GET/payments\"]").nonEmpty("list at least one"),
            "Routes each scope opens, as scope=METHOD/path,... (path relative to the stage; * matches one segment)."),
    AUTHORIZER_CACHE_SECONDS("authorizerCacheSeconds", "300", between(0, 3600),
            "How long API Gateway caches an authorizer decision per token, method and path ({range}; 0 disables the cache)."),
    AUTHORIZER_KEY_SET_MAX_AGE_SECONDS("authorizerKeySetMaxAgeSeconds", "300", between(30, 3600),
            "How long the authorizer uses a key set before reading it again: a key removed from the set stops verifying "
                    + "within this time ({range})."),
    SECRETS_EXTENSION_LAYER_ARN("secretsExtensionLayerArn",
            "arn:aws:lambda:eu-central-1:187925254637:layer:AWS-Parameters-and-Secrets-Lambda-Extension:2",
            matching("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:(?![A-Za-z0-9_-]*-Arm64:)[A-Za-z0-9_-]+:\\d+",
                    "use the x86_64 layer's version ARN (the authorizer runs on x86_64; not an -Arm64 layer), e.g. "
                    + "arn:aws:lambda:eu-central-1:187925254637:layer:AWS-Parameters-and-Secrets-Lambda-Extension:2"),
            "AWS Parameters and Secrets Lambda Extension layer for the primary region, the x86_64 one (prefer the newest "
                    + "version)."),

    // ---- The new payment service (ECS Fargate behind an internal ALB) ---------------------------------------
    SERVICE_ENABLED("serviceEnabled", "false", TRUE_OR_FALSE,
            "Run the new payment service on ECS Fargate behind an internal application load balancer, which becomes "
                    + "the API's new backend."),
    SERVICE_IMAGE_REPOSITORY("serviceImageRepository", "", matching("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/"
            + "[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*", "use an ECR repository URI, e.g. "
            + "123456789012.dkr.ecr.eu-central-1.amazonaws.com/payments-service, or leave it empty to have the stack create one")
            .orEmpty(),
            "ECR repository URI of the service image (account.dkr.ecr.region.amazonaws.com/name). Empty: the stack "
                    + "creates a repository (immutable tags, scan on push, KMS-encrypted) to push the image to."),
    SERVICE_IMAGE_TAG("serviceImageTag", "", matching("[A-Za-z0-9_][A-Za-z0-9_.-]*", "use an image tag ({range} letters, "
            + "digits and _.-, not starting with . or -), e.g. 2026.11.3 or a commit hash").lengthBetween(1, 128).orEmpty(),
            "Image tag the service runs ({range} characters); required with serviceEnabled. A new tag is a new deployment."),
    SERVICE_CONTAINER_PORT("serviceContainerPort", "8080", between(1024, 65535), "Port the container serves HTTP on ({range})."),
    SERVICE_HEALTH_CHECK_PATH("serviceHealthCheckPath", "/health", matching("/[A-Za-z0-9/_.~%-]*",
            "use an absolute path without spaces, query or quotes ({range} characters), e.g. /health").lengthBetween(1, 1024),
            "Path ({range} characters) that answers 200 when a task can take payments: the load balancer's health "
                    + "check, and the container's (run with curl inside the image)."),
    SERVICE_CPU("serviceCpu", "512", oneOf(FargateSize.CPUS, "Fargate", "CPU units"), "Task CPU units: {range}."),
    SERVICE_MEMORY_MB("serviceMemoryMb", "1024", between(FargateSize.SMALLEST_MEMORY_MB, FargateSize.LARGEST_MEMORY_MB),
            "Task memory in MiB ({range}), a Fargate pair with serviceCpu (e.g. 512 CPU: " + FargateSize.memoryFor(512) + ")."),
    SERVICE_MIN_TASKS("serviceMinTasks", "2", between(1, 100),
            "Fewest tasks auto scaling keeps, and the initial count ({range}; 2 or more to survive an AZ)."),
    SERVICE_MAX_TASKS("serviceMaxTasks", "6", between(1, 1000),
            "Most tasks auto scaling starts ({range}, and at least serviceMinTasks)."),
    SERVICE_CPU_TARGET_PERCENT("serviceCpuTargetPercent", "60", between(10, 90),
            "Average CPU utilisation auto scaling keeps the service at ({range})."),
    SERVICE_MEMORY_TARGET_PERCENT("serviceMemoryTargetPercent", "70", between(10, 90),
            "Average memory utilisation auto scaling keeps the service at ({range})."),
    SERVICE_CERTIFICATE_ARN("serviceCertificateArn", "", ACM_CERTIFICATE,
            "ACM certificate (primary region) of the load balancer's TLS listener, covering newBackendUrl's host and, "
                    + "with weighted DNS, the weighted name; required with serviceEnabled."),
    SERVICE_HTTP_LISTENER("serviceHttpListener", "false", TRUE_OR_FALSE,
            "Also listen on plain HTTP (port 80) inside the VPCs, for tests. Accepted only when environment is dev; "
                    + "the API always uses the TLS listener."),
    SERVICE_DB_SECRET_NAME("serviceDbSecretName", "", SECRET_NAME.orEmpty(),
            "Existing secret with the service's own Aurora credentials; fetched, never created, rotated like the "
                    + "others. The task role can read this secret and no other. Required with serviceEnabled."),

    // ---- Weighted DNS --------------------------------------------------------------------------------------
    DNS_DOMAIN_NAME("dnsDomainName", "", matching(DOMAIN, "use a domain name, e.g. payments.example.internal").orEmpty(),
            "Domain of the weighted name clients use. Set (or dnsHostedZoneId set): records legacy and new (weights "
                    + "100/0, TTL 60), each with a health check; needs serviceEnabled. Both empty: no DNS records."),
    DNS_HOSTED_ZONE_ID("dnsHostedZoneId", "", matching("Z[A-Z0-9]{1,31}",
            "use a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ").orEmpty(),
            "Existing hosted zone for the weighted name; its domain is looked up when dnsDomainName is empty. Empty: "
                    + "the stack creates a private hosted zone for dnsDomainName, associated with the production and "
                    + "migration VPCs."),
    DNS_RECORD_NAME("dnsRecordName", "payments", matching("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
            "use one DNS label (letters, digits, inner hyphens), e.g. payments"),
            "Label of the weighted name under dnsDomainName: payments gives payments.<dnsDomainName>."),

    // ---- Traffic shift -------------------------------------------------------------------------------------
    TRAFFIC_STEPS("trafficSteps", "[10,25,50,100]", ListRule.of(between(1, 100), "[10,25,50,100]")
            .nonEmpty("list at least one step ending at 100").and(TrafficRules::increasingToAll),
            "Share of requests (percent, each {range}) sent to the new backend at each step, strictly increasing, "
                    + "ending at 100."),
    TRAFFIC_BAKE_MINUTES("trafficBakeMinutes", "[15,15,30,30]", ListRule.of(between(0, 24 * 60), "[15,15,30,30]"),
            "Bake time in minutes (each {range}) after each traffic step, one entry per step (or one entry for all)."),
    TRAFFIC_SHIFT_BY("trafficShiftBy", "api", ChoiceRule.of(TrafficShift.values(), TrafficShift::configValue),
            "What the migration state machine moves at each traffic step ({range}): api, the stage's canary; dns, the "
                    + "weighted records' weights (needs dnsDomainName); api-and-dns, both, so callers through the API "
                    + "and by name move together. The rollback machine returns whatever it moved to legacy."),
    CUTOVER_BAKE_MINUTES("cutoverBakeMinutes", "60", between(0, 24 * 60),
            "Bake time in minutes ({range}) after the database cutover before the migration completes."),

    // ---- Thresholds ----------------------------------------------------------------------------------------
    CDC_LATENCY_THRESHOLD_SECONDS("cdcLatencyThresholdSeconds", "60", between(1, 3600),
            "CDC latency in seconds ({range}) that gates validation and cutover, and raises the replication alarm."),
    CDC_LATENCY_CONSECUTIVE_CHECKS("cdcLatencyConsecutiveChecks", "3", between(1, 60),
            "Consecutive checks ({range}) under the CDC threshold before the migration moves on."),
    API_5XX_RATE_PERCENT("api5xxRatePercent", "1", between(0, 100),
            "API 5XX rate (percent of requests, {range}) that stops a traffic step."),
    API_LATENCY_P99_MS("apiLatencyP99Ms", "1000", between(1, 29_000),
            "API p99 latency in milliseconds ({range}) that stops a traffic step."),
    GLOBAL_DB_LAG_THRESHOLD_MS("globalDbLagThresholdMs", "5000", between(1, 3_600_000),
            "Aurora global database replication lag, in milliseconds ({range}), that raises an alarm."),
    WRITE_FREEZE_MAX_SECONDS("writeFreezeMaxSeconds", "120",
            between(MigrationConfig.WriterContract.SHORTEST_FREEZE_SECONDS, 3600),
            "Longest write freeze in seconds ({range}) the cutover may take before it rolls back."),
    WRITER_FLAG_MAX_AGE_SECONDS("writerFlagMaxAgeSeconds", "5", between(1, 300),
            "Longest a writer of payment data may act on a cached value of the write-freeze and active-writer "
                    + "parameters, in seconds ({range}): the state machines wait this long after each change of either."),
    LONGEST_WRITE_TRANSACTION_SECONDS("longestWriteTransactionSeconds", "5", between(0, 600),
            "Longest a write transaction of the applications may stay open, in seconds ({range}): the cutover and the "
                    + "rollback wait this long, after the flag age, before they measure the drain."),

    // ---- Operations ----------------------------------------------------------------------------------------
    ALERT_EMAILS("alertEmails", REQUIRED, ListRule.of(matching("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}", "is not an e-mail address"),
            "[\"payments-oncall@example.com\"]").nonEmpty("list at least one"),
            "Addresses subscribed to the migration and alarm topics."),
    LOG_RETENTION_DAYS("logRetentionDays", "365", oneOf(ServiceLimits.LOG_RETENTION_DAYS, "CloudWatch Logs", "days"),
            "Retention of every log group in days, one of the values CloudWatch Logs accepts: {range}.");

    public static final String NAMESPACE = "migration";
    /** The longest environment suffix; the naming rules leave room for it in every physical name. */
    public static final int MAX_SUFFIX_LENGTH = 16;

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
    /** What the key means, with what its rule accepts. */
    public final String description;
    final KeyRule<?> rule;

    ConfigKey(String key, String defaultValue, KeyRule<?> rule, String description) {
        this.key = key;
        this.type = rule.type();
        this.defaultValue = defaultValue;
        this.rule = rule;
        this.description = description.replace(KeyRule.RANGE, rule.accepted());
    }

    public String qualified() {
        return NAMESPACE + ":" + key;
    }

    public boolean required() {
        return defaultValue == null;
    }
}
