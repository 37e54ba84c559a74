package com.paymentmigration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig.TablePattern;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the whole config before any resource exists. Every problem is collected, each naming the
 * key, the value and the fix, and all are thrown together as one {@link InvalidConfigException}.
 */
public final class ConfigReader {

    /** Lowercase so that S3 takes it, no double hyphen so that RDS and DMS identifiers take it. */
    private static final Pattern SUFFIX = Pattern.compile("[a-z](?:[a-z0-9]|-(?!-)){0,14}(?<!-)");
    public static final int MAX_SUFFIX_LENGTH = 16;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov)?-[a-z]+-\\d");
    private static final Pattern TAG_LABEL = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern PG_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern TABLE_PART = Pattern.compile("[A-Za-z_%][A-Za-z0-9_$%]{0,62}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern ENGINE_VERSION = Pattern.compile("(\\d{2})\\.(\\d{1,2})");
    /** Aurora global databases take memory-optimised classes only (AWS: db.r5 or higher recommended). */
    private static final Pattern GLOBAL_DB_CLASS = Pattern.compile("db\\.(r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g|x2iedn)\\.[a-z0-9]+");
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern ACM_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern LAYER_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[A-Za-z0-9_-]+:\\d+");
    /** The authorizer's route grammar (its ScopeRoutes): a segment is * (exactly one segment) or a literal. */
    private static final String ROUTE = "(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\*)/(?:(?:\\*|[A-Za-z0-9._~-]+)"
            + "(?:/(?:\\*|[A-Za-z0-9._~-]+))*)?";
    private static final Pattern SCOPE_ROUTE = Pattern.compile("[^=\\s;]+=" + ROUTE + "(?:," + ROUTE + ")*");
    private static final Pattern ECR_REPOSITORY_URI = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HEALTH_PATH = Pattern.compile("/[A-Za-z0-9/_.~%-]{0,1023}");
    private static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DMS_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern DMS_CLASS = Pattern.compile("dms\\.[a-z0-9]+\\.[a-z0-9]+");
    /** CloudWatch Logs accepts only these retention values. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final int OLDEST_SUPPORTED_MAJOR = 13;
    /** Seconds between Enhanced Monitoring samples that RDS accepts (0, which turns it off, is not offered). */
    public static final Set<Integer> ENHANCED_MONITORING_INTERVALS = Set.of(1, 5, 10, 15, 30, 60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigSource source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigReader(ConfigSource source) {
        this.source = source;
    }

    public static MigrationConfig read(ConfigSource source) {
        return new ConfigReader(source).read();
    }

    private MigrationConfig read() {
        checkUnknownKeys();
        var mode = parsed(ConfigKey.MODE, Mode::parse);
        var suffix = matching(ConfigKey.ENVIRONMENT_SUFFIX, SUFFIX,
                "use 1-" + MAX_SUFFIX_LENGTH + " lowercase letters, digits or single hyphens, starting with a letter "
                        + "and not ending with a hyphen (AWS rejects others in S3, RDS and DMS names)");
        var labels = new MigrationConfig.Labels(
                matching(ConfigKey.ENVIRONMENT, TAG_LABEL, "use up to 256 letters, digits and _.:/=+-@"),
                matching(ConfigKey.COST_CENTER, TAG_LABEL, "use up to 256 letters, digits and _.:/=+-@"),
                matching(ConfigKey.MIGRATION_PHASE, TAG_LABEL, "use up to 256 letters, digits and _.:/=+-@"),
                extraTags());
        var regions = regions();
        var networks = networks();
        var onPrem = new MigrationConfig.OnPrem(
                publicIpv4(ConfigKey.ON_PREM_VPN_PEER_IP),
                longInRange(ConfigKey.ON_PREM_BGP_ASN, 1, 4_294_967_294L),
                bool(ConfigKey.ON_PREM_STATIC_ROUTING),
                matching(ConfigKey.SOURCE_DB_HOST, HOST, "use a DNS name or an IPv4 address"),
                intInRange(ConfigKey.SOURCE_DB_PORT, 1, 65535),
                matching(ConfigKey.SOURCE_DB_NAME, PG_IDENTIFIER, "use a PostgreSQL identifier (letters, digits, _)"),
                matching(ConfigKey.SOURCE_DB_SECRET_NAME, SECRET_NAME, "use a Secrets Manager name or ARN"));
        var aurora = new MigrationConfig.Aurora(
                matching(ConfigKey.AURORA_MASTER_SECRET_NAME, SECRET_NAME, "use a Secrets Manager name or ARN"),
                engineVersion(),
                matching(ConfigKey.AURORA_INSTANCE_CLASS, GLOBAL_DB_CLASS, "a global database needs a memory-optimised "
                        + "class (db.r5 or newer: db.r6g, db.r6i, db.r7g, db.r7i, db.r8g, db.x2g), e.g. db.r6g.large"),
                intInRange(ConfigKey.AURORA_READER_COUNT, 0, 15),
                intInRange(ConfigKey.AURORA_SECONDARY_INSTANCE_COUNT, 1, 16),
                intInRange(ConfigKey.AURORA_BACKUP_RETENTION_DAYS, 7, 35),
                intInRange(ConfigKey.SECRET_ROTATION_DAYS, 1, 365),
                bool(ConfigKey.AURORA_ACCEPT_SINGLE_AZ),
                oneOf(ConfigKey.AURORA_MONITORING_INTERVAL_SECONDS, ENHANCED_MONITORING_INTERVALS, "Enhanced Monitoring",
                        "seconds"),
                bool(ConfigKey.AURORA_CREATE_OS_METRICS_LOG_GROUPS));
        requireTwoZonesUnlessAccepted(aurora);
        var dms = new MigrationConfig.Dms(
                matching(ConfigKey.DMS_INSTANCE_CLASS, DMS_CLASS, "use a DMS instance class like dms.r6i.large"),
                intInRange(ConfigKey.DMS_ALLOCATED_STORAGE_GB, 5, 6144),
                dmsEngineVersion(aurora.engineVersion()),
                bool(ConfigKey.CREATE_DMS_ACCOUNT_ROLES),
                caCertificate(ConfigKey.SOURCE_DB_CA_CERTIFICATE),
                caCertificate(ConfigKey.AURORA_CA_CERTIFICATE),
                tableSelection());
        boolean serviceEnabled = bool(ConfigKey.SERVICE_ENABLED);
        var api = new MigrationConfig.Api(
                backend(ConfigKey.LEGACY_BACKEND_URL, ConfigKey.LEGACY_BACKEND_IPS, networks.onPrem(), true),
                backend(ConfigKey.NEW_BACKEND_URL, ConfigKey.NEW_BACKEND_IPS,
                        networks.migrationVpc() == null ? List.of() : List.of(networks.migrationVpc()), !serviceEnabled),
                matching(ConfigKey.API_STAGE_NAME, STAGE_NAME, "use letters, digits and _ (1-64), e.g. v1"),
                apiDomainName(),
                optionalMatching(ConfigKey.API_CERTIFICATE_ARN, ACM_ARN,
                        "use an ACM certificate ARN, e.g. arn:aws:acm:eu-central-1:123456789012:certificate/<id>"),
                intInRange(ConfigKey.API_THROTTLE_RATE, 1, 10_000),
                intInRange(ConfigKey.API_THROTTLE_BURST, 1, 5_000),
                intInRange(ConfigKey.API_DAILY_QUOTA, 0, Integer.MAX_VALUE),
                bool(ConfigKey.CREATE_API_GATEWAY_ACCOUNT_ROLE),
                // AWS WAF's lowest rate limit is 10 ("Rate-based rule high-level settings").
                new MigrationConfig.Waf(intInRange(ConfigKey.WAF_RATE_LIMIT, 10, 2_000_000_000)),
                new MigrationConfig.AuthorizerSettings(
                        matching(ConfigKey.AUTHORIZER_KEY_SET_SECRET_NAME, SECRET_NAME, "use a Secrets Manager name"),
                        text(ConfigKey.AUTHORIZER_ISSUER),
                        text(ConfigKey.AUTHORIZER_AUDIENCE),
                        scopeRoutes(),
                        intInRange(ConfigKey.AUTHORIZER_CACHE_SECONDS, 0, 3600),
                        intInRange(ConfigKey.AUTHORIZER_KEY_SET_MAX_AGE_SECONDS, 30, 3600),
                        matching(ConfigKey.SECRETS_EXTENSION_LAYER_ARN, LAYER_ARN,
                                "use a Lambda layer version ARN, e.g. arn:aws:lambda:eu-central-1:187925254637:layer:"
                                        + "AWS-Parameters-and-Secrets-Lambda-Extension:2")));
        var service = service(serviceEnabled, labels.environment(), api.next().port());
        var dns = dns(serviceEnabled);
        var steps = trafficSteps();
        var shift = parsed(ConfigKey.TRAFFIC_SHIFT_BY, TrafficShift::parse);
        if (shift != null && shift.movesDns() && !dns.enabled()) {
            fail(ConfigKey.TRAFFIC_SHIFT_BY, shift.configValue(), "moves DNS weights, but there is no weighted name; "
                    + "set " + ConfigKey.DNS_DOMAIN_NAME.qualified() + " or use api");
        }
        int cutoverBake = intInRange(ConfigKey.CUTOVER_BAKE_MINUTES, 0, 24 * 60);
        var thresholds = new MigrationConfig.Thresholds(
                intInRange(ConfigKey.CDC_LATENCY_THRESHOLD_SECONDS, 1, 3600),
                intInRange(ConfigKey.CDC_LATENCY_CONSECUTIVE_CHECKS, 1, 60),
                intInRange(ConfigKey.API_5XX_RATE_PERCENT, 0, 100),
                intInRange(ConfigKey.API_LATENCY_P99_MS, 1, 29_000),
                intInRange(ConfigKey.GLOBAL_DB_LAG_THRESHOLD_MS, 1, 3_600_000),
                intInRange(ConfigKey.WRITE_FREEZE_MAX_SECONDS, 1, 3600),
                intInRange(ConfigKey.WAF_BLOCKED_ALARM_THRESHOLD, 1, 1_000_000_000));
        var emails = alertEmails();
        int retention = logRetention();
        var secretRotation = secretRotation(aurora.secretRotationDays(), dms);

        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new MigrationConfig(mode, suffix, labels, regions, networks, onPrem, aurora, dms, api, service, dns, steps, shift, cutoverBake,
                thresholds, emails, retention, secretRotation);
    }

    /** Windows one after another from the start hour, all closed by midnight UTC (Secrets Manager's rule). */
    private MigrationConfig.SecretRotation secretRotation(int days, MigrationConfig.Dms dms) {
        int start = intInRange(ConfigKey.SECRET_ROTATION_WINDOW_START_HOUR, 0, 23);
        int hours = intInRange(ConfigKey.SECRET_ROTATION_WINDOW_HOURS, 1, 8);
        int end = start + MigrationConfig.SecretRotation.MAX_SECRETS * hours;
        if (end > 24) {
            fail(ConfigKey.SECRET_ROTATION_WINDOW_START_HOUR, start + " with " + ConfigKey.SECRET_ROTATION_WINDOW_HOURS.qualified()
                    + " " + hours, "the " + MigrationConfig.SecretRotation.MAX_SECRETS + " windows would close at " + end
                    + ":00; Secrets Manager windows must close by 24:00 UTC, so start by "
                    + (24 - MigrationConfig.SecretRotation.MAX_SECRETS * hours) + " or shorten the windows");
        }
        var pem = caCertificate(ConfigKey.ROTATION_CA_CERTIFICATES);
        if (pem.isEmpty()) {
            pem = dms.sourceCaCertificate() + dms.auroraCaCertificate();
        }
        if (pem.getBytes(StandardCharsets.US_ASCII).length > MigrationConfig.SecretRotation.MAX_CA_BYTES) {
            fail(ConfigKey.ROTATION_CA_CERTIFICATES, "(" + pem.length() + " characters)", "the rotation function's CA "
                    + "bundle is kept in a Parameter Store parameter (at most 8 KB): set it to the region's RDS bundle "
                    + "(eu-central-1-bundle.pem) plus the on-prem CA instead of the global bundle");
        }
        var takeOver = strings(ConfigKey.ROTATION_TAKE_OVER_SECRETS);
        return new MigrationConfig.SecretRotation(days, start, hours, pem, takeOver == null ? List.of() : takeOver);
    }

    // ---- Rules that span keys --------------------------------------------------------------------------------

    private void checkUnknownKeys() {
        source.keys().ifPresent(keys -> keys.stream().sorted().forEach(key -> {
            if (Arrays.stream(ConfigKey.values()).noneMatch(k -> k.key.equals(key))) {
                var nearest = Arrays.stream(ConfigKey.values())
                        .min(Comparator.comparingInt(k -> editDistance(k.key.toLowerCase(), key.toLowerCase())))
                        .orElseThrow();
                var hint = editDistance(nearest.key.toLowerCase(), key.toLowerCase()) <= 3
                        ? "did you mean " + nearest.qualified() + "?"
                        : "remove it; the keys are listed in Pulumi.yaml";
                problems.add(new ConfigProblem(ConfigKey.NAMESPACE + ":" + key, source.get(key).orElse(null),
                        "is not a key this program reads; " + hint));
            }
        }));
    }

    private MigrationConfig.Regions regions() {
        var primary = matching(ConfigKey.PRIMARY_REGION, REGION, "use an AWS region code like eu-central-1");
        var secondary = matching(ConfigKey.SECONDARY_REGION, REGION, "use an AWS region code like eu-central-2");
        if (primary != null && primary.equals(secondary)) {
            fail(ConfigKey.SECONDARY_REGION, secondary, "must differ from " + ConfigKey.PRIMARY_REGION.qualified()
                    + " so that the global database and replicated buckets survive a regional outage");
        }
        return new MigrationConfig.Regions(primary, secondary);
    }

    private MigrationConfig.Networks networks() {
        var named = new LinkedHashMap<String, Cidr>();
        var production = vpcCidr(ConfigKey.PRODUCTION_VPC_CIDR, named);
        var migration = vpcCidr(ConfigKey.MIGRATION_VPC_CIDR, named);
        var secondary = vpcCidr(ConfigKey.SECONDARY_VPC_CIDR, named);
        var onPrem = new ArrayList<Cidr>();
        var onPremTexts = strings(ConfigKey.ON_PREM_CIDRS);
        if (onPremTexts != null && onPremTexts.isEmpty()) {
            fail(ConfigKey.ON_PREM_CIDRS, "[]", "list at least one on-prem network, e.g. [\"192.168.0.0/16\"]");
        }
        for (int i = 0; onPremTexts != null && i < onPremTexts.size(); i++) {
            var label = ConfigKey.ON_PREM_CIDRS.qualified() + "[" + i + "]";
            try {
                var cidr = Cidr.parse(onPremTexts.get(i));
                onPrem.add(cidr);
                named.put(label, cidr);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(label, onPremTexts.get(i), e.getMessage()));
            }
        }
        // Routing through the Transit Gateway is by destination prefix: any overlap makes a route ambiguous.
        var labels = new ArrayList<>(named.keySet());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                var a = named.get(labels.get(i));
                var b = named.get(labels.get(j));
                if (a.overlaps(b)) {
                    problems.add(new ConfigProblem(labels.get(j), b.toString(), "overlaps " + labels.get(i) + " ("
                            + a + "); every VPC and on-prem network needs its own address range"));
                }
            }
        }
        return new MigrationConfig.Networks(production, migration, secondary, onPrem,
                intInRange(ConfigKey.AVAILABILITY_ZONE_COUNT, 2, 6), bool(ConfigKey.NAT_PER_AZ));
    }

    private Cidr vpcCidr(ConfigKey key, Map<String, Cidr> named) {
        var cidr = parsed(key, Cidr::parse);
        if (cidr == null) {
            return null;
        }
        if (cidr.prefixLength() < VpcSize.LARGEST || cidr.prefixLength() > VpcSize.SMALLEST) {
            fail(key, cidr.toString(), "a VPC takes a /" + VpcSize.LARGEST + " to /" + VpcSize.SMALLEST
                    + " block (five subnet tiers per AZ need the room); use e.g. 10.20.0.0/16");
        } else if (!cidr.isPrivate()) {
            fail(key, cidr.toString(), "use private (RFC 1918) address space: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
        }
        named.put(key.qualified(), cidr);
        return cidr;
    }

    private List<MigrationConfig.TrafficStep> trafficSteps() {
        var percents = integers(ConfigKey.TRAFFIC_STEPS);
        var bakes = integers(ConfigKey.TRAFFIC_BAKE_MINUTES);
        var steps = new ArrayList<MigrationConfig.TrafficStep>();
        if (percents == null || bakes == null) {
            return steps;
        }
        var raw = JSON.valueToTree(percents).toString();
        if (percents.isEmpty()) {
            fail(ConfigKey.TRAFFIC_STEPS, raw, "list at least one step ending at 100, e.g. [10, 25, 50, 100]");
            return steps;
        }
        for (int i = 0; i < percents.size(); i++) {
            int p = percents.get(i);
            if (p < 1 || p > 100) {
                fail(ConfigKey.TRAFFIC_STEPS, raw, "step " + (i + 1) + " is " + p + "%; each step must be 1-100");
            } else if (i > 0 && p <= percents.get(i - 1)) {
                fail(ConfigKey.TRAFFIC_STEPS, raw, "step " + (i + 1) + " (" + p + "%) does not increase on step " + i
                        + " (" + percents.get(i - 1) + "%); steps must be strictly increasing");
            }
        }
        if (percents.get(percents.size() - 1) != 100) {
            fail(ConfigKey.TRAFFIC_STEPS, raw, "the last step must be 100 so that the shift completes");
        }
        if (bakes.size() != 1 && bakes.size() != percents.size()) {
            fail(ConfigKey.TRAFFIC_BAKE_MINUTES, JSON.valueToTree(bakes).toString(), "give one bake time per traffic "
                    + "step (" + percents.size() + ") or a single one for all steps");
            return steps;
        }
        for (int i = 0; i < percents.size(); i++) {
            int bake = bakes.get(bakes.size() == 1 ? 0 : i);
            if (bake < 0 || bake > 24 * 60) {
                fail(ConfigKey.TRAFFIC_BAKE_MINUTES, String.valueOf(bake), "bake times are 0-1440 minutes");
            }
            steps.add(new MigrationConfig.TrafficStep(percents.get(i), bake));
        }
        return steps;
    }

    private MigrationConfig.TableSelection tableSelection() {
        var includedTexts = strings(ConfigKey.REPLICATED_TABLES);
        if (includedTexts != null && includedTexts.isEmpty()) {
            fail(ConfigKey.REPLICATED_TABLES, "[]", "select at least one table, e.g. [\"payments.%\"]");
        }
        var included = tablePatterns(ConfigKey.REPLICATED_TABLES, includedTexts);
        var excluded = tablePatterns(ConfigKey.EXCLUDED_TABLES, strings(ConfigKey.EXCLUDED_TABLES));
        for (var pattern : excluded) {
            if (included.contains(pattern)) {
                fail(ConfigKey.EXCLUDED_TABLES, pattern.toString(), "is also in " + ConfigKey.REPLICATED_TABLES.qualified()
                        + "; a table is either replicated or excluded");
            }
        }
        return new MigrationConfig.TableSelection(included, excluded);
    }

    private List<TablePattern> tablePatterns(ConfigKey key, List<String> texts) {
        var patterns = new ArrayList<TablePattern>();
        var seen = new HashSet<String>();
        for (int i = 0; texts != null && i < texts.size(); i++) {
            var text = texts.get(i);
            var label = key.qualified() + "[" + i + "]";
            var parts = text.split("\\.", -1);
            if (parts.length != 2 || !TABLE_PART.matcher(parts[0]).matches() || !TABLE_PART.matcher(parts[1]).matches()) {
                problems.add(new ConfigProblem(label, text, "use schema.table with PostgreSQL identifiers "
                        + "(letters, digits, _, $) and % as wildcard, e.g. payments.% or public.transactions"));
            } else if (!seen.add(text)) {
                problems.add(new ConfigProblem(label, text, "is listed twice; remove the duplicate"));
            } else {
                patterns.add(new TablePattern(parts[0], parts[1]));
            }
        }
        return patterns;
    }

    private Map<String, String> extraTags() {
        var tags = new LinkedHashMap<String, String>();
        var entries = strings(ConfigKey.EXTRA_TAGS);
        for (int i = 0; entries != null && i < entries.size(); i++) {
            var entry = entries.get(i);
            int eq = entry.indexOf('=');
            var label = ConfigKey.EXTRA_TAGS.qualified() + "[" + i + "]";
            if (eq <= 0) {
                problems.add(new ConfigProblem(label, entry, "write a tag as Key=Value, e.g. DataClassification=pci"));
                continue;
            }
            var key = entry.substring(0, eq);
            var value = entry.substring(eq + 1);
            if (key.toLowerCase().startsWith("aws:") || key.length() > 128 || !TAG_LABEL.matcher(key).matches()) {
                problems.add(new ConfigProblem(label, entry, "tag keys are 1-128 characters of letters, digits and "
                        + "_.:/=+-@ and may not start with aws:"));
            } else if (!value.isEmpty() && !TAG_LABEL.matcher(value).matches()) {
                problems.add(new ConfigProblem(label, entry, "tag values are up to 256 letters, digits and _.:/=+-@"));
            } else if (tags.put(key, value) != null) {
                problems.add(new ConfigProblem(label, entry, "tag " + key + " is set twice"));
            }
        }
        return tags;
    }

    private String engineVersion() {
        var version = text(ConfigKey.AURORA_ENGINE_VERSION);
        if (version == null) {
            return null;
        }
        var m = ENGINE_VERSION.matcher(version);
        if (!m.matches()) {
            fail(ConfigKey.AURORA_ENGINE_VERSION, version, "use major.minor, e.g. 16.8");
        } else if (Integer.parseInt(m.group(1)) < OLDEST_SUPPORTED_MAJOR) {
            fail(ConfigKey.AURORA_ENGINE_VERSION, version, "major versions below " + OLDEST_SUPPORTED_MAJOR
                    + " are out of standard support; use 16.x or 17.x");
        }
        return version;
    }

    /** The oldest DMS engine version that supports each PostgreSQL major version as a source (AWS DMS guide). */
    private static final Map<Integer, String> DMS_MINIMUM_FOR_POSTGRES = Map.of(15, "3.5.1", 16, "3.5.3", 17, "3.6.1");

    private String dmsEngineVersion(String auroraVersion) {
        var version = text(ConfigKey.DMS_ENGINE_VERSION);
        if (version == null) {
            return null;
        }
        if (!DMS_VERSION.matcher(version).matches()) {
            fail(ConfigKey.DMS_ENGINE_VERSION, version, "use major.minor.patch, e.g. 3.5.4");
            return version;
        }
        var m = auroraVersion == null ? null : ENGINE_VERSION.matcher(auroraVersion);
        if (m != null && m.matches()) {
            var minimum = DMS_MINIMUM_FOR_POSTGRES.get(Integer.parseInt(m.group(1)));
            if (minimum != null && compareVersions(version, minimum) < 0) {
                fail(ConfigKey.DMS_ENGINE_VERSION, version, "PostgreSQL " + m.group(1) + " (" + ConfigKey.AURORA_ENGINE_VERSION.qualified()
                        + ") needs DMS " + minimum + " or later");
            }
        }
        return version;
    }

    private static int compareVersions(String a, String b) {
        var x = a.split("\\.");
        var y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** A PEM with at least one X.509 certificate, every one of them parsable; empty when not set. */
    private String caCertificate(ConfigKey key) {
        var pem = text(key);
        if (pem == null || pem.isBlank()) {
            return "";
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                fail(key, "(" + pem.length() + " characters)", "holds no certificate; set it from the CA's PEM file: "
                        + "pulumi config set " + key.qualified() + " -- \"$(cat ca.pem)\"");
            }
        } catch (CertificateException e) {
            fail(key, "(" + pem.length() + " characters)", "is not a PEM certificate (" + e.getMessage()
                    + "); set it from the CA's PEM file: pulumi config set " + key.qualified() + " -- \"$(cat ca.pem)\"");
        }
        return pem.strip() + "\n";
    }

    /**
     * An HTTPS URL of a backend and the private addresses behind it, which must lie in {@code networks}. Without
     * {@code ipsRequired} the addresses must be absent: the stack's own load balancer is the backend.
     */
    private MigrationConfig.Backend backend(ConfigKey urlKey, ConfigKey ipsKey, List<Cidr> networks, boolean ipsRequired) {
        var url = text(urlKey);
        String host = null;
        int port = 443;
        if (url != null) {
            try {
                var uri = new java.net.URI(url);
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
                    fail(urlKey, url, "use https://host[:port] with no path or query, e.g. https://payments.dc1.internal:8443");
                } else {
                    host = uri.getHost();
                    port = uri.getPort() == -1 ? 443 : uri.getPort();
                }
            } catch (java.net.URISyntaxException e) {
                fail(urlKey, url, "is not a URL; use https://host[:port], e.g. https://payments.dc1.internal:8443");
            }
        }
        var ips = strings(ipsKey);
        if (ips != null && ips.isEmpty() && ipsRequired) {
            fail(ipsKey, "[]", "list at least one IPv4 address of the backend"
                    + (ipsKey == ConfigKey.NEW_BACKEND_IPS ? ", or set " + ConfigKey.SERVICE_ENABLED.qualified()
                    + " true to run the new service in this stack" : ""));
        }
        if (ips != null && !ips.isEmpty() && !ipsRequired) {
            fail(ipsKey, ips.toString(), "must be empty with " + ConfigKey.SERVICE_ENABLED.qualified()
                    + " true: the service's load balancer is the new backend; remove " + ipsKey.qualified());
            return new MigrationConfig.Backend(host, port, List.of());
        }
        var valid = new ArrayList<String>();
        for (int i = 0; ips != null && i < ips.size(); i++) {
            var ip = ips.get(i);
            var label = ipsKey.qualified() + "[" + i + "]";
            if (!isIpv4(ip)) {
                problems.add(new ConfigProblem(label, ip, "is not an IPv4 address"));
            } else if (networks.stream().noneMatch(net -> net.contains(Cidr.parse(ip + "/32")))) {
                problems.add(new ConfigProblem(label, ip, "is outside " + networks
                        + "; the private load balancer reaches only addresses there"));
            } else {
                valid.add(ip);
            }
        }
        return new MigrationConfig.Backend(host, port, valid);
    }

    private MigrationConfig.Service service(boolean enabled, String environment, int listenerPort) {
        var repository = optionalMatching(ConfigKey.SERVICE_IMAGE_REPOSITORY, ECR_REPOSITORY_URI,
                "use an ECR repository URI, e.g. 123456789012.dkr.ecr.eu-central-1.amazonaws.com/payments-service, "
                        + "or leave it empty to have the stack create one");
        var tag = optionalMatching(ConfigKey.SERVICE_IMAGE_TAG, IMAGE_TAG,
                "use an image tag (letters, digits, _.-, up to 128), e.g. 2026.11.3 or a commit hash");
        int port = intInRange(ConfigKey.SERVICE_CONTAINER_PORT, 1024, 65535);
        var healthPath = text(ConfigKey.SERVICE_HEALTH_CHECK_PATH);
        if (healthPath != null && !HEALTH_PATH.matcher(healthPath).matches()) {
            fail(ConfigKey.SERVICE_HEALTH_CHECK_PATH, healthPath,
                    "use an absolute path without spaces, query or quotes (up to 1024 characters), e.g. /health");
        }
        int cpu = intInRange(ConfigKey.SERVICE_CPU, 256, 16384);
        int memory = intInRange(ConfigKey.SERVICE_MEMORY_MB, 512, 122880);
        FargateSize.problem(cpu, memory).ifPresent(problem -> fail(ConfigKey.SERVICE_MEMORY_MB, String.valueOf(memory),
                problem + "; change " + ConfigKey.SERVICE_CPU.qualified() + " or " + ConfigKey.SERVICE_MEMORY_MB.qualified()));
        int min = intInRange(ConfigKey.SERVICE_MIN_TASKS, 1, 100);
        int max = intInRange(ConfigKey.SERVICE_MAX_TASKS, 1, 1000);
        if (max < min) {
            fail(ConfigKey.SERVICE_MAX_TASKS, String.valueOf(max), "must be at least "
                    + ConfigKey.SERVICE_MIN_TASKS.qualified() + " (" + min + ")");
        }
        var certificate = optionalMatching(ConfigKey.SERVICE_CERTIFICATE_ARN, ACM_ARN,
                "use an ACM certificate ARN, e.g. arn:aws:acm:eu-central-1:123456789012:certificate/<id>");
        boolean http = bool(ConfigKey.SERVICE_HTTP_LISTENER);
        var secret = optionalMatching(ConfigKey.SERVICE_DB_SECRET_NAME, SECRET_NAME, "use a Secrets Manager name or ARN");
        var service = new MigrationConfig.Service(enabled, repository, tag, port, healthPath,
                cpu, memory, min, max, intInRange(ConfigKey.SERVICE_CPU_TARGET_PERCENT, 10, 90),
                intInRange(ConfigKey.SERVICE_MEMORY_TARGET_PERCENT, 10, 90), certificate, listenerPort, http, secret);
        if (!enabled) {
            return service;
        }
        for (var required : List.of(ConfigKey.SERVICE_IMAGE_TAG, ConfigKey.SERVICE_CERTIFICATE_ARN,
                ConfigKey.SERVICE_DB_SECRET_NAME)) {
            if (source.get(required.key).orElse("").isEmpty()) {
                fail(required, "", "is required with " + ConfigKey.SERVICE_ENABLED.qualified() + " true ("
                        + required.description + ")");
            }
        }
        if (http && !"dev".equals(environment)) {
            fail(ConfigKey.SERVICE_HTTP_LISTENER, "true", "plain HTTP is for dev stacks only (environment is "
                    + environment + "); remove " + ConfigKey.SERVICE_HTTP_LISTENER.qualified());
        }
        if (http && listenerPort == 80) {
            fail(ConfigKey.NEW_BACKEND_URL, source.get(ConfigKey.NEW_BACKEND_URL.key).orElse(""),
                    "port 80 is the plain HTTP listener's; use another port for the TLS listener, e.g. 443");
        }
        return service;
    }

    private MigrationConfig.Dns dns(boolean serviceEnabled) {
        var domain = text(ConfigKey.DNS_DOMAIN_NAME);
        var zone = optionalMatching(ConfigKey.DNS_HOSTED_ZONE_ID, HOSTED_ZONE_ID,
                "use a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ");
        var label = text(ConfigKey.DNS_RECORD_NAME);
        if (label != null && !DNS_LABEL.matcher(label).matches()) {
            fail(ConfigKey.DNS_RECORD_NAME, label, "use one DNS label (letters, digits, inner hyphens), e.g. payments");
        }
        if (domain == null || domain.isEmpty()) {
            // An existing zone alone is enough: its domain is looked up.
            if (!zone.isEmpty() && !serviceEnabled) {
                fail(ConfigKey.DNS_HOSTED_ZONE_ID, zone, "needs " + ConfigKey.SERVICE_ENABLED.qualified()
                        + " true: the weighted record's new target is the service's load balancer; enable the service "
                        + "or clear " + ConfigKey.DNS_HOSTED_ZONE_ID.qualified());
            }
            return new MigrationConfig.Dns("", zone, label == null ? "" : label);
        }
        if (!HOST.matcher(domain).matches() || !domain.contains(".")) {
            fail(ConfigKey.DNS_DOMAIN_NAME, domain, "use a domain name, e.g. payments.example.internal");
        }
        if (!serviceEnabled) {
            fail(ConfigKey.DNS_DOMAIN_NAME, domain, "needs " + ConfigKey.SERVICE_ENABLED.qualified()
                    + " true: the weighted record's new target is the service's load balancer; enable the service "
                    + "or clear " + ConfigKey.DNS_DOMAIN_NAME.qualified());
        }
        return new MigrationConfig.Dns(domain.toLowerCase(java.util.Locale.ROOT), zone, label == null ? "" : label);
    }

    private String apiDomainName() {
        var domain = text(ConfigKey.API_DOMAIN_NAME);
        if (domain == null || domain.isEmpty()) {
            if (!source.get(ConfigKey.API_CERTIFICATE_ARN.key).orElse("").isEmpty()) {
                fail(ConfigKey.API_DOMAIN_NAME, "", "is required when " + ConfigKey.API_CERTIFICATE_ARN.qualified()
                        + " is set; name the domain the certificate covers");
            }
            return "";
        }
        if (!HOST.matcher(domain).matches() || !domain.contains(".")) {
            fail(ConfigKey.API_DOMAIN_NAME, domain, "use a DNS name, e.g. api.payments.example.com");
        } else if (source.get(ConfigKey.API_CERTIFICATE_ARN.key).orElse("").isEmpty()) {
            fail(ConfigKey.API_CERTIFICATE_ARN, "", "is required with " + ConfigKey.API_DOMAIN_NAME.qualified()
                    + "; use the ACM certificate for " + domain + " in the primary region");
        }
        return domain;
    }

    private String optionalMatching(ConfigKey key, Pattern pattern, String fix) {
        var value = text(key);
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            fail(key, value, fix);
        }
        return value == null ? "" : value;
    }

    private List<String> scopeRoutes() {
        return listMatching(ConfigKey.AUTHORIZER_SCOPE_ROUTES, SCOPE_ROUTE, "[\"payments:read=GET/payments\"]",
                "use scope=METHOD/path,METHOD/path, where a path segment is * (exactly one segment) or letters, digits"
                        + " and ._~-, e.g. payments:read=GET/payments,GET/payments/*");
    }

    private List<String> alertEmails() {
        return listMatching(ConfigKey.ALERT_EMAILS, EMAIL, "[\"payments-oncall@example.com\"]", "is not an e-mail address");
    }

    /** A list of at least one item, each matching {@code pattern}; problems name the item by index. */
    private List<String> listMatching(ConfigKey key, Pattern pattern, String example, String itemFix) {
        var items = strings(key);
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            fail(key, "[]", "list at least one, e.g. " + example);
        }
        for (int i = 0; i < items.size(); i++) {
            if (!pattern.matcher(items.get(i)).matches()) {
                problems.add(new ConfigProblem(key.qualified() + "[" + i + "]", items.get(i), itemFix));
            }
        }
        return items;
    }

    private int logRetention() {
        return oneOf(ConfigKey.LOG_RETENTION_DAYS, LOG_RETENTION_DAYS, "CloudWatch Logs", "days");
    }

    /** A whole number from a fixed set the service accepts; the message lists the set. */
    private int oneOf(ConfigKey key, Set<Integer> accepted, String service, String unit) {
        var value = text(key);
        if (value == null) {
            return 0;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (accepted.contains(number)) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted values
        }
        fail(key, value, service + " accepts only " + accepted.stream().sorted().toList() + " (" + unit + ")");
        return 0;
    }

    /**
     * Each cluster keeps instances in two zones or more unless the stack says it accepts losing one: the secondary
     * cluster is the copy that has to outlive a regional incident, so a single zone is never its silent default.
     */
    private void requireTwoZonesUnlessAccepted(MigrationConfig.Aurora aurora) {
        if (aurora.acceptSingleAz()) {
            return;
        }
        var accept = " or accept losing the cluster with its zone: " + ConfigKey.AURORA_ACCEPT_SINGLE_AZ.qualified() + "=true";
        if (aurora.readerCount() == 0) {
            fail(ConfigKey.AURORA_READER_COUNT, "0", "leaves the primary cluster's writer alone in one availability zone; "
                    + "set 1 or more," + accept);
        }
        if (aurora.secondaryInstanceCount() == 1) {
            fail(ConfigKey.AURORA_SECONDARY_INSTANCE_COUNT, "1", "puts the secondary cluster in one availability zone; "
                    + "set 2 or more," + accept);
        }
    }

    private static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        boolean valid = m.matches();
        for (int i = 1; valid && i <= 4; i++) {
            valid = Integer.parseInt(m.group(i)) <= 255;
        }
        return valid;
    }

    private String publicIpv4(ConfigKey key) {
        var text = text(key);
        if (text == null) {
            return null;
        }
        if (!isIpv4(text)) {
            fail(key, text, "use the IPv4 address of the on-prem VPN device, e.g. 203.0.113.10");
        } else if (Cidr.parse(text + "/32").isPrivate()) {
            fail(key, text, "a site-to-site VPN over the internet needs the device's public address");
        }
        return text;
    }

    // ---- Typed access --------------------------------------------------------------------------------------

    private String text(ConfigKey key) {
        var value = source.get(key.key).orElse(key.defaultValue);
        if (value == null) {
            fail(key, null, "is required; set it with: pulumi config set " + key.qualified() + " <value>  ("
                    + key.description + ")");
        }
        return value;
    }

    private String matching(ConfigKey key, Pattern pattern, String fix) {
        var value = text(key);
        if (value != null && !pattern.matcher(value).matches()) {
            fail(key, value, fix);
        }
        return value;
    }

    private <T> T parsed(ConfigKey key, Function<String, T> parser) {
        var value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            fail(key, value, e.getMessage());
            return null;
        }
    }

    private long longInRange(ConfigKey key, long min, long max) {
        var value = text(key);
        if (value == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                fail(key, value, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            fail(key, value, "must be a whole number between " + min + " and " + max);
            return 0;
        }
    }

    private int intInRange(ConfigKey key, int min, int max) {
        return (int) longInRange(key, min, max);
    }

    private boolean bool(ConfigKey key) {
        var value = text(key);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            fail(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private List<String> strings(ConfigKey key) {
        var array = array(key);
        if (array == null) {
            return null;
        }
        var values = new ArrayList<String>();
        for (var item : array) {
            if (!item.isTextual()) {
                fail(key, array.toString(), "every item must be a string");
                return null;
            }
            values.add(item.asText());
        }
        return values;
    }

    private List<Integer> integers(ConfigKey key) {
        var array = array(key);
        if (array == null) {
            return null;
        }
        var values = new ArrayList<Integer>();
        for (var item : array) {
            // `pulumi config set --path 'trafficSteps[0]' 10` stores a number; a hand-edited file may quote it.
            var text = item.asText();
            if (!(item.isInt() || item.isTextual() && text.matches("-?\\d{1,9}"))) {
                fail(key, array.toString(), "every item must be a whole number");
                return null;
            }
            values.add(Integer.parseInt(text));
        }
        return values;
    }

    private JsonNode array(ConfigKey key) {
        var value = text(key);
        if (value == null) {
            return null;
        }
        try {
            var node = JSON.readTree(value);
            if (node != null && node.isArray()) {
                return node;
            }
        } catch (java.io.IOException ignored) {
            // reported below with the expected form
        }
        fail(key, value, "must be a list, e.g. " + key.defaultValueOrExample()
                + "; in Pulumi.<stack>.yaml write a YAML list, or use pulumi config set --path '" + key.key + "[0]' <value>");
        return null;
    }

    private void fail(ConfigKey key, String value, String message) {
        problems.add(new ConfigProblem(key.qualified(), value, message));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
