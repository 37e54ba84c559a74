package com.paymentmigration.config;

import java.nio.charset.StandardCharsets;

import static com.paymentmigration.config.ConfigKey.AURORA_ACCEPT_SINGLE_AZ;
import static com.paymentmigration.config.ConfigKey.AURORA_BACKUP_RETENTION_DAYS;
import static com.paymentmigration.config.ConfigKey.AURORA_CA_CERTIFICATE;
import static com.paymentmigration.config.ConfigKey.AURORA_CREATE_OS_METRICS_LOG_GROUPS;
import static com.paymentmigration.config.ConfigKey.AURORA_ENGINE_VERSION;
import static com.paymentmigration.config.ConfigKey.AURORA_INSTANCE_CLASS;
import static com.paymentmigration.config.ConfigKey.AURORA_MASTER_SECRET_NAME;
import static com.paymentmigration.config.ConfigKey.AURORA_MONITORING_INTERVAL_SECONDS;
import static com.paymentmigration.config.ConfigKey.AURORA_READER_COUNT;
import static com.paymentmigration.config.ConfigKey.AURORA_SECONDARY_INSTANCE_COUNT;
import static com.paymentmigration.config.ConfigKey.ROTATION_CA_CERTIFICATES;
import static com.paymentmigration.config.ConfigKey.ROTATION_TAKE_OVER_SECRETS;
import static com.paymentmigration.config.ConfigKey.SECRET_ROTATION_DAYS;
import static com.paymentmigration.config.ConfigKey.SECRET_ROTATION_WINDOW_HOURS;
import static com.paymentmigration.config.ConfigKey.SECRET_ROTATION_WINDOW_START_HOUR;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_CA_CERTIFICATE;
import static com.paymentmigration.config.MigrationConfig.SecretRotation.MAX_CA_BYTES;
import static com.paymentmigration.config.MigrationConfig.SecretRotation.MAX_SECRETS;

/** The Aurora clusters and the rotation of the secrets: zones a cluster survives, windows that fit in one day. */
final class AuroraRules {

    private AuroraRules() {
    }

    static MigrationConfig.Aurora aurora(KeyValues values) {
        requireTwoZonesUnlessAccepted(values);
        return new MigrationConfig.Aurora(values.text(AURORA_MASTER_SECRET_NAME), values.text(AURORA_ENGINE_VERSION),
                values.text(AURORA_INSTANCE_CLASS), values.integer(AURORA_READER_COUNT),
                values.integer(AURORA_SECONDARY_INSTANCE_COUNT), values.integer(AURORA_BACKUP_RETENTION_DAYS),
                values.integer(SECRET_ROTATION_DAYS), values.flag(AURORA_ACCEPT_SINGLE_AZ),
                values.integer(AURORA_MONITORING_INTERVAL_SECONDS), values.flag(AURORA_CREATE_OS_METRICS_LOG_GROUPS));
    }

    /**
     * Each cluster keeps instances in two zones or more unless the stack says it accepts losing one: the secondary
     * cluster is the copy that has to outlive a regional incident, so a single zone is never its silent default.
     */
    private static void requireTwoZonesUnlessAccepted(KeyValues values) {
        if (!values.valid(AURORA_ACCEPT_SINGLE_AZ) || values.flag(AURORA_ACCEPT_SINGLE_AZ)) {
            return;
        }
        var accept = " or accept losing the cluster with its zone: " + AURORA_ACCEPT_SINGLE_AZ.qualified() + "=true";
        if (values.valid(AURORA_READER_COUNT) && values.integer(AURORA_READER_COUNT) == 0) {
            values.fail(AURORA_READER_COUNT, "0", "leaves the primary cluster's writer alone in one availability zone; "
                    + "set 1 or more," + accept);
        }
        if (values.valid(AURORA_SECONDARY_INSTANCE_COUNT) && values.integer(AURORA_SECONDARY_INSTANCE_COUNT) == 1) {
            values.fail(AURORA_SECONDARY_INSTANCE_COUNT, "1", "puts the secondary cluster in one availability zone; "
                    + "set 2 or more," + accept);
        }
    }

    /** Windows one after another from the start hour, all closed by midnight UTC (Secrets Manager's rule). */
    static MigrationConfig.SecretRotation secretRotation(KeyValues values) {
        int start = values.integer(SECRET_ROTATION_WINDOW_START_HOUR);
        int hours = values.integer(SECRET_ROTATION_WINDOW_HOURS);
        int end = start + MAX_SECRETS * hours;
        if (values.valid(SECRET_ROTATION_WINDOW_START_HOUR, SECRET_ROTATION_WINDOW_HOURS) && end > 24) {
            values.fail(SECRET_ROTATION_WINDOW_START_HOUR, start + " with " + SECRET_ROTATION_WINDOW_HOURS.qualified()
                    + " " + hours, "the " + MAX_SECRETS + " windows would close at " + end + ":00; Secrets Manager "
                    + "windows must close by 24:00 UTC, so start by " + (24 - MAX_SECRETS * hours) + " or shorten the windows");
        }
        var pem = values.text(ROTATION_CA_CERTIFICATES);
        if ("".equals(pem) && values.valid(SOURCE_DB_CA_CERTIFICATE, AURORA_CA_CERTIFICATE)) {
            pem = values.text(SOURCE_DB_CA_CERTIFICATE) + values.text(AURORA_CA_CERTIFICATE);
        }
        if (pem != null && pem.getBytes(StandardCharsets.US_ASCII).length > MAX_CA_BYTES) {
            values.fail(ROTATION_CA_CERTIFICATES, "(" + pem.length() + " characters)", "the rotation function's CA "
                    + "bundle is kept in a Parameter Store parameter (at most 8 KB): set it to the region's RDS bundle "
                    + "(eu-central-1-bundle.pem) plus the on-prem CA instead of the global bundle");
        }
        return new MigrationConfig.SecretRotation(values.integer(SECRET_ROTATION_DAYS), start, hours, pem,
                values.list(ROTATION_TAKE_OVER_SECRETS, String.class));
    }
}
