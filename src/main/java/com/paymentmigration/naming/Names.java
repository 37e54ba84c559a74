package com.paymentmigration.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Physical names: {@code migration-<purpose>-<suffix>}. The suffix is never cut, because it is what keeps two
 * environments apart in one account; when a service's limit is tight the purpose is shortened and a short hash
 * of the full purpose keeps shortened names distinct and stable across runs.
 */
public final class Names {

    public static final String PREFIX = "migration";

    /**
     * The log group RDS writes Enhanced Monitoring samples to: one per account and region, named by RDS, whatever
     * the stack (Aurora user guide, Enhanced Monitoring: "RDSOSMetrics").
     */
    public static final String RDS_OS_METRICS_LOG_GROUP = "RDSOSMetrics";
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int HASH_LENGTH = 4;

    private final String suffix;

    public Names(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The physical name for {@code purpose} (lowercase words joined by hyphens) under {@code rule}. */
    public String of(NameRule rule, String purpose) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose '" + purpose + "' must be lowercase words joined by single hyphens");
        }
        var name = fit(rule.maxLength - (rule == NameRule.KMS_ALIAS ? "alias/".length() : 0), purpose);
        if (rule == NameRule.KMS_ALIAS) {
            name = "alias/" + name;
        }
        if (!rule.accepts(name)) {
            throw new IllegalStateException(rule + " rejects '" + name + "' (max " + rule.maxLength + ", pattern "
                    + rule.pattern + ")");
        }
        return name;
    }

    /**
     * A bucket name: S3 names are global across all accounts, so the account id follows the suffix
     * ({@code migration-checkpoints-dev-123456789012}).
     */
    public String bucket(String purpose, String accountId) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id '" + accountId + "' is not 12 digits");
        }
        var name = fit(NameRule.S3_BUCKET.maxLength - accountId.length() - 1, purpose) + "-" + accountId;
        if (!NameRule.S3_BUCKET.accepts(name)) {
            throw new IllegalStateException("S3 rejects '" + name + "'");
        }
        return name;
    }

    /** An alarm's name, known before the alarm exists (resources that name alarms need no dependency on them). */
    public String alarm(String purpose) {
        return of(NameRule.GENERIC, "alarm-" + purpose);
    }

    /** A hierarchy path under {@code /migration/<suffix>}, e.g. {@code parameter("traffic", "new-backend-percent")}. */
    public String parameter(String... segments) {
        var path = new StringBuilder("/").append(PREFIX).append('/').append(suffix);
        for (var segment : segments) {
            if (!PURPOSE.matcher(segment).matches()) {
                throw new IllegalArgumentException("parameter segment '" + segment + "' must be lowercase words joined by hyphens");
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    /** The prefix every log group of this stack starts with; the key policy grants CloudWatch Logs only these. */
    public String logGroupPrefix() {
        return parameter() + "/";
    }

    /** The DMS replication instance: its identifier names the metrics' dimension and DMS's own log group. */
    public String replicationInstanceId() {
        return of(NameRule.DMS_IDENTIFIER, "replication");
    }

    /** The log group DMS writes task logs to; DMS chooses the name, from the replication instance identifier. */
    public String dmsTaskLogGroup() {
        return "dms-tasks-" + replicationInstanceId();
    }

    /** The API's web ACL: its name is also the WebACL dimension of its AWS/WAFV2 metrics. */
    public String webAcl() {
        return of(NameRule.GENERIC, "api");
    }

    /** WAF delivers logs only to a log group whose name begins with {@code aws-waf-logs-} (AWS WAF logging destinations). */
    public String wafLogGroup() {
        return "aws-waf-logs-" + webAcl();
    }

    /** Log group names: {@code /migration/<suffix>/<purpose>}, which keeps them together and under one KMS grant. */
    public String logGroup(String purpose) {
        var name = parameter(purpose);
        if (!NameRule.LOG_GROUP.accepts(name)) {
            throw new IllegalStateException("log group name '" + name + "' is not valid");
        }
        return name;
    }

    private String fit(int maxLength, String purpose) {
        var full = PREFIX + "-" + purpose + "-" + suffix;
        if (full.length() <= maxLength) {
            return full;
        }
        // migration-<cut purpose>-<hash>-<suffix>
        int room = maxLength - (PREFIX.length() + 1) - (HASH_LENGTH + 1) - (suffix.length() + 1);
        if (room >= 1) {
            var cut = purpose.substring(0, Math.min(room, purpose.length())).replaceAll("-+$", "");
            return PREFIX + "-" + cut + "-" + hash(purpose) + "-" + suffix;
        }
        // The prefix goes before the suffix does: <cut purpose>-<hash>-<suffix>
        room = maxLength - (HASH_LENGTH + 1) - (suffix.length() + 1);
        if (room < 1) {
            throw new IllegalStateException("no name for '" + purpose + "' fits " + maxLength + " characters with suffix '"
                    + suffix + "'");
        }
        var cut = purpose.substring(0, Math.min(room, purpose.length())).replaceAll("-+$", "");
        return cut + "-" + hash(purpose) + "-" + suffix;
    }

    private static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
