package com.paymentmigration.parameters;

import com.paymentmigration.naming.Names;

import java.util.List;

/**
 * Every parameter of the {@code /migration/<suffix>/...} hierarchy, by its path below the root: the one spelling
 * the components that create parameters, the state machines, the payment service, the rotation function's
 * environment, the runbook and the DNS shift all use.
 */
public enum ParameterKey {
    MODE("mode"),
    PHASE("phase"),
    TRAFFIC_NEW_BACKEND_PERCENT("traffic", "new-backend-percent"),
    TRAFFIC_STEPS("traffic", "steps"),
    DATABASE_ACTIVE_WRITER("database", "active-writer"),
    DATABASE_WRITE_FREEZE("database", "write-freeze"),
    DATABASE_LAST_FREEZE_SECONDS("database", "last-freeze-seconds"),
    /** The writers' contract: how long a writer may act on a cached flag, and its longest transaction. */
    DATABASE_WRITER_FLAG_MAX_AGE_SECONDS("database", "writer-flag-max-age-seconds"),
    DATABASE_LONGEST_WRITE_TRANSACTION_SECONDS("database", "longest-write-transaction-seconds"),
    DATABASE_WRITER_ENDPOINT("database", "writer-endpoint"),
    DATABASE_READER_ENDPOINT("database", "reader-endpoint"),
    DATABASE_SECONDARY_READER_ENDPOINT("database", "secondary-reader-endpoint"),
    THRESHOLD_CDC_LATENCY_SECONDS("thresholds", "cdc-latency-seconds"),
    THRESHOLD_CDC_CONSECUTIVE_CHECKS("thresholds", "cdc-consecutive-checks"),
    THRESHOLD_API_5XX_RATE_PERCENT("thresholds", "api-5xx-rate-percent"),
    THRESHOLD_API_LATENCY_P99_MS("thresholds", "api-latency-p99-ms"),
    THRESHOLD_GLOBAL_DB_LAG_MS("thresholds", "global-db-lag-ms"),
    THRESHOLD_WRITE_FREEZE_MAX_SECONDS("thresholds", "write-freeze-max-seconds"),
    THRESHOLD_CUTOVER_BAKE_MINUTES("thresholds", "cutover-bake-minutes"),
    REPLICATION_SOURCE_ENDPOINT("replication", "source-endpoint"),
    REPLICATION_TABLES("replication", "tables"),
    REPLICATION_INSTANCE_ARN("replication", "instance-arn"),
    REPLICATION_INSTANCE_ID("replication", "instance-id"),
    REPLICATION_FORWARD_TASK_ARN("replication", "forward-task-arn"),
    REPLICATION_REVERSE_TASK_ARN("replication", "reverse-task-arn"),
    VALIDATION_STATUS("validation", "status"),
    VALIDATION_LAST_REPORT("validation", "last-report"),
    API_REST_API_ID("api", "rest-api-id"),
    API_STAGE_NAME("api", "stage-name"),
    DNS_ZONE_ID("dns", "zone-id"),
    DNS_RECORD_NAME("dns", "record-name"),
    DNS_LEGACY_WEIGHT("dns", "legacy-weight"),
    DNS_NEW_WEIGHT("dns", "new-weight"),
    SERVICE_DATABASE_ENDPOINT(Sections.SERVICE, "database-endpoint"),
    SERVICE_DATABASE_NAME(Sections.SERVICE, "database-name"),
    SERVICE_DATABASE_SECRET_ARN(Sections.SERVICE, "database-secret-arn"),
    ROTATION_CA_CERTIFICATES("rotation", "ca-certificates");

    /** Sections whose whole subtree one reader may read. */
    public static final class Sections {
        /** What the payment service reads at start-up; its task role may read this subtree and nothing else. */
        public static final String SERVICE = "service";

        private Sections() {
        }
    }

    private final List<String> path;

    ParameterKey(String... path) {
        this.path = List.of(path);
    }

    /** Segments below the root, e.g. {@code [database, active-writer]}. */
    public List<String> path() {
        return path;
    }

    /** The path below the root, e.g. {@code database/active-writer}. */
    public String key() {
        return String.join("/", path);
    }

    /** The full name, e.g. {@code /migration/dev/database/active-writer}. */
    public String name(Names names) {
        return names.parameter(path.toArray(String[]::new));
    }

    /** The full name under a root already resolved to a string ({@code Names.parameter()}). */
    public String nameUnder(String root) {
        return root + "/" + key();
    }

    /** The ARN IAM matches a parameter by: its full name (which starts with "/") after {@code :parameter}. */
    public static String arn(String region, String account, String fullName) {
        if (!fullName.startsWith("/")) {
            throw new IllegalArgumentException("parameter name '" + fullName + "' must be a full path starting with /");
        }
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + fullName;
    }
}
