package com.paymentmigration.config;

import com.paymentmigration.config.MigrationConfig.TablePattern;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** The rules several keys share, and the forms of AWS and PostgreSQL names they check. */
final class Rules {

    /** The default of a key that has none: it must be set. */
    static final String REQUIRED = null;

    static final String HOST = "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";
    /** A host name with at least two labels. */
    static final String DOMAIN = "(?=.*\\.)" + HOST;
    static final String SECRET_NAME_FORM = "[A-Za-z0-9/_+=.@-]{1,512}";
    static final String ACM_ARN = "arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+";
    /** The authorizer's route grammar (its ScopeRoutes): a segment is * (exactly one segment) or a literal. */
    private static final String ROUTE = "(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\*)/(?:(?:\\*|[A-Za-z0-9._~-]+)"
            + "(?:/(?:\\*|[A-Za-z0-9._~-]+))*)?";
    static final String SCOPE_ROUTE = "[^=\\s;]+=" + ROUTE + "(?:," + ROUTE + ")*";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern TABLE_PART = Pattern.compile("[A-Za-z_%][A-Za-z0-9_$%]{0,62}");
    private static final Pattern ENGINE_VERSION = Pattern.compile("(\\d{2})\\.(\\d{1,2})");
    private static final int OLDEST_SUPPORTED_MAJOR = 13;

    static final TextRule SECRET_NAME = TextRule.matching(SECRET_NAME_FORM,
            "use a Secrets Manager name: letters, digits and /_+=.@-, up to 512");
    static final TextRule TAG_LABEL = TextRule.matching(TAG_CHARACTERS.pattern(), "use {range} letters, digits and _.:/=+-@")
            .lengthBetween(1, 256);
    static final TextRule ACM_CERTIFICATE = TextRule.matching(ACM_ARN,
            "use an ACM certificate ARN, e.g. arn:aws:acm:eu-central-1:123456789012:certificate/<id>").orEmpty();
    static final ParsedRule<Boolean> TRUE_OR_FALSE = ParsedRule.trueOrFalse();
    static final PemRule PEM = new PemRule();
    static final ParsedRule<String> IPV4_ADDRESS = ParsedRule.text(text -> {
        if (!isIpv4(text)) {
            throw new IllegalArgumentException("is not an IPv4 address");
        }
        return text;
    });
    static final ParsedRule<Cidr> CIDR = ParsedRule.text(Cidr::parse);
    /** Private, and wide enough for the subnet plan (see {@link VpcSize}). */
    static final ParsedRule<Cidr> VPC_CIDR = new ParsedRule<>(ConfigKey.Type.STRING,
            "/" + VpcSize.LARGEST + " to /" + VpcSize.SMALLEST, text -> {
        var cidr = Cidr.parse(text);
        if (cidr.prefixLength() < VpcSize.LARGEST || cidr.prefixLength() > VpcSize.SMALLEST) {
            throw new IllegalArgumentException("a VPC takes a /" + VpcSize.LARGEST + " to /" + VpcSize.SMALLEST
                    + " block (five subnet tiers per AZ need the room); use e.g. 10.20.0.0/16");
        }
        if (!cidr.isPrivate()) {
            throw new IllegalArgumentException("use private (RFC 1918) address space: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
        }
        return cidr;
    });
    static final ParsedRule<String> PUBLIC_IPV4 = ParsedRule.text(text -> {
        if (!isIpv4(text)) {
            throw new IllegalArgumentException("use the IPv4 address of the on-prem VPN device, e.g. 203.0.113.10");
        }
        if (Cidr.parse(text + "/32").isPrivate()) {
            throw new IllegalArgumentException("a site-to-site VPN over the internet needs the device's public address");
        }
        return text;
    });
    static final ParsedRule<String> POSTGRES_VERSION = ParsedRule.text(text -> {
        var m = ENGINE_VERSION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("use major.minor, e.g. 16.8");
        }
        if (Integer.parseInt(m.group(1)) < OLDEST_SUPPORTED_MAJOR) {
            throw new IllegalArgumentException("major versions below " + OLDEST_SUPPORTED_MAJOR
                    + " are out of standard support; use 16.x or 17.x");
        }
        return text;
    });
    static final ParsedRule<HttpsUrl> HTTPS_URL = ParsedRule.text(Rules::httpsUrl);
    static final ParsedRule<TablePattern> TABLE = ParsedRule.text(text -> {
        var parts = text.split("\\.", -1);
        if (parts.length != 2 || !TABLE_PART.matcher(parts[0]).matches() || !TABLE_PART.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("use schema.table with PostgreSQL identifiers (letters, digits, _, $) "
                    + "and % as wildcard, e.g. payments.% or public.transactions");
        }
        return new TablePattern(parts[0], parts[1]);
    });
    /** {@code Key=Value}, as AWS takes a tag (a value may be empty). */
    static final ParsedRule<Tag> TAG = ParsedRule.text(entry -> {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("write a tag as Key=Value, e.g. DataClassification=pci");
        }
        var key = entry.substring(0, eq);
        var value = entry.substring(eq + 1);
        if (key.toLowerCase().startsWith("aws:") || key.length() > 128 || !TAG_CHARACTERS.matcher(key).matches()) {
            throw new IllegalArgumentException("tag keys are 1-128 characters of letters, digits and _.:/=+-@ and may "
                    + "not start with aws:");
        }
        if (value.length() > 256 || !TAG_CHARACTERS.matcher(value).matches()) {
            throw new IllegalArgumentException("tag values are up to 256 letters, digits and _.:/=+-@");
        }
        return new Tag(key, value);
    });

    record Tag(String key, String value) {
    }

    /** The host and port of an {@code https://host[:port]} URL. */
    record HttpsUrl(String host, int port) {
    }

    private Rules() {
    }

    static TextRule region(String example) {
        return TextRule.matching("[a-z]{2}(?:-gov)?-[a-z]+-\\d", "use an AWS region code like " + example);
    }

    private static HttpsUrl httpsUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL; use https://host[:port], e.g. https://payments.dc1.internal:8443");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("use https://host[:port] with no path or query, e.g. https://payments.dc1.internal:8443");
        }
        return new HttpsUrl(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort());
    }

    static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        boolean valid = m.matches();
        for (int i = 1; valid && i <= 4; i++) {
            valid = Integer.parseInt(m.group(i)) <= 255;
        }
        return valid;
    }
}
