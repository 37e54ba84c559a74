package com.paymentmigration.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The validated, immutable configuration of one stack. Built only by {@link ConfigReader}. */
public record MigrationConfig(
        Mode mode,
        String environmentSuffix,
        Labels labels,
        Regions regions,
        Networks networks,
        OnPrem onPrem,
        Aurora aurora,
        Dms dms,
        Api api,
        Service service,
        Dns dns,
        List<TrafficStep> trafficSteps,
        TrafficShift trafficShift,
        int cutoverBakeMinutes,
        Thresholds thresholds,
        List<String> alertEmails,
        int logRetentionDays,
        SecretRotation secretRotation,
        WriterContract writerContract) {

    public MigrationConfig {
        trafficSteps = List.copyOf(trafficSteps);
        alertEmails = List.copyOf(alertEmails);
    }

    public record Labels(String environment, String costCenter, String migrationPhase, Map<String, String> extraTags) {
        public Labels {
            extraTags = Map.copyOf(extraTags);
        }
    }

    public record Regions(String primary, String secondary) {
    }

    public record Networks(Cidr productionVpc, Cidr migrationVpc, Cidr secondaryVpc, List<Cidr> onPrem,
                           int availabilityZoneCount, boolean natPerAz) {
        public Networks {
            onPrem = List.copyOf(onPrem);
        }
    }

    public record OnPrem(String vpnPeerIp, long bgpAsn, boolean staticRouting,
                         String dbHost, int dbPort, String dbName, String dbSecretName) {
    }

    public record Aurora(String masterSecretName, String engineVersion, String instanceClass, int readerCount,
                         int secondaryInstanceCount, int backupRetentionDays, int secretRotationDays,
                         boolean acceptSingleAz, int monitoringIntervalSeconds, boolean createOsMetricsLogGroups) {
        /** Parameter group family of the engine's major version, e.g. aurora-postgresql16. */
        public String parameterGroupFamily() {
            return "aurora-postgresql" + majorVersion();
        }

        public String majorVersion() {
            return engineVersion.substring(0, engineVersion.indexOf('.'));
        }
    }

    /**
     * @param sourceCaCertificate PEM of the on-prem server's CA; empty when not given
     * @param auroraCaCertificate PEM of the RDS CA bundle; empty when not given
     */
    public record Dms(String instanceClass, int allocatedStorageGb, String engineVersion, boolean createAccountRoles,
                      String sourceCaCertificate, String auroraCaCertificate, TableSelection tables) {
    }

    public record TableSelection(List<TablePattern> included, List<TablePattern> excluded) {
        public TableSelection {
            included = List.copyOf(included);
            excluded = List.copyOf(excluded);
        }
    }

    /** {@code schema.table}, where either part may use DMS's {@code %} wildcard. */
    public record TablePattern(String schema, String table) {
        /**
         * A pattern in DMS's selection language as a regular expression: {@code %} any run of characters, every other
         * character itself ({@code _} too, unlike SQL's LIKE). The one reading of it everything that imitates DMS
         * shares.
         */
        public static Pattern like(String pattern) {
            return Pattern.compile(Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*")));
        }

        @Override
        public String toString() {
            return schema + "." + table;
        }
    }

    /**
     * @param domainName     custom domain; empty for the execute-api endpoint
     * @param certificateArn ACM certificate of the domain; empty without one
     * @param dailyQuota     requests per day per key; 0 for none
     */
    public record Api(Backend legacy, Backend next, String stageName, String domainName, String certificateArn,
                      int throttleRate, int throttleBurst, int dailyQuota, boolean createAccountRole, Waf waf,
                      AuthorizerSettings authorizer) {
        public boolean customDomain() {
            return !domainName.isEmpty();
        }
    }

    /** A backend service: its HTTPS URL (host and port as its certificate names them) and the private IPs behind it. */
    public record Backend(String host, int port, List<String> ips) {
        public Backend {
            ips = List.copyOf(ips);
        }
    }

    /**
     * The new payment service. When disabled the other fields keep their defaults and nothing is built.
     *
     * @param imageRepository ECR repository URI; empty when the stack creates the repository
     * @param listenerPort    port of the load balancer's TLS listener: the port of newBackendUrl
     */
    public record Service(boolean enabled, String imageRepository, String imageTag, int containerPort,
                          String healthCheckPath, int cpu, int memoryMb, int minTasks, int maxTasks,
                          int cpuTargetPercent, int memoryTargetPercent, String certificateArn, int listenerPort,
                          boolean httpListener, String dbSecretName) {
        public boolean createsRepository() {
            return imageRepository.isEmpty();
        }
    }

    /**
     * Weighted DNS for the name clients use; enabled when a domain or a hosted zone is configured.
     *
     * @param domainName   the zone's domain; empty when an existing zone is given by id alone (it is looked up)
     * @param hostedZoneId existing zone; empty when the stack creates a private zone for the domain
     */
    public record Dns(String domainName, String hostedZoneId, String recordLabel) {
        public boolean enabled() {
            return !domainName.isEmpty() || !hostedZoneId.isEmpty();
        }

        public boolean createsZone() {
            return hostedZoneId.isEmpty();
        }

        /** The weighted name under {@code domain}: the configured one, or the looked-up zone's. */
        public String recordName(String domain) {
            return recordLabel + "." + (domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        }
    }

    public record AuthorizerSettings(String keySetSecretName, String issuer, String audience, List<String> scopeRoutes,
                                     int cacheSeconds, int keySetMaxAgeSeconds, String extensionLayerArn) {
        public AuthorizerSettings {
            scopeRoutes = List.copyOf(scopeRoutes);
        }
    }

    /**
     * How the stack rotates the secrets it fetched.
     *
     * @param windowStartHour UTC hour the first secret's window opens; the next opens as the previous closes
     * @param caCertificates  PEM the rotation function trusts (verify-full); empty when none is configured
     * @param takeOver        secret names whose rotation by another function the stack may replace
     */
    public record SecretRotation(int days, int windowStartHour, int windowHours, String caCertificates,
                                 List<String> takeOver) {
        /** The most secrets the stack rotates (on-prem, Aurora master, service): every window must fit in one day. */
        public static final int MAX_SECRETS = 3;
        /** Parameter Store's advanced tier holds up to 8 KB. */
        public static final int MAX_CA_BYTES = 8192;

        public SecretRotation {
            takeOver = List.copyOf(takeOver);
        }
    }

    public record TrafficStep(int percent, int bakeMinutes) {
    }

    /**
     * The API's web ACL.
     *
     * @param rateLimit requests per client address in 5 minutes before it is blocked
     */
    public record Waf(int rateLimit) {
    }

    /**
     * What the state machines may assume of every writer of payment data (the README's contract for application
     * owners), and so how long they wait after changing a flag before relying on it.
     *
     * @param flagMaxAgeSeconds               longest a writer acts on a cached write-freeze or active-writer value
     * @param longestWriteTransactionSeconds longest a write transaction stays open
     */
    public record WriterContract(int flagMaxAgeSeconds, int longestWriteTransactionSeconds) {
        /** The least a freeze needs besides the waits: the drain marker's round trip and the final validation. */
        public static final int MIN_DRAIN_AND_VALIDATION_SECONDS = 30;
        /** The shortest freeze any writer contract allows: the least flag age (1 s) and no open transaction. */
        public static final int SHORTEST_FREEZE_SECONDS = new WriterContract(1, 0).minimumWriteFreezeSeconds();

        /** After the freeze is set, before the drain is measured: every cache expired, every open write ended. */
        public int freezeWaitSeconds() {
            return flagMaxAgeSeconds + longestWriteTransactionSeconds;
        }

        /** After the writer flips, before the thaw: no writer sees the thaw with a stale writer. */
        public int flipWaitSeconds() {
            return flagMaxAgeSeconds;
        }

        /** The shortest writeFreezeMaxSeconds that leaves room for the waits, the drain and the final validation. */
        public int minimumWriteFreezeSeconds() {
            return freezeWaitSeconds() + flipWaitSeconds() + MIN_DRAIN_AND_VALIDATION_SECONDS;
        }
    }

    public record Thresholds(int cdcLatencySeconds, int cdcLatencyConsecutiveChecks, int api5xxRatePercent,
                             int apiLatencyP99Ms, int globalDbLagMs, int writeFreezeMaxSeconds,
                             int wafBlockedRequests) {
    }
}
