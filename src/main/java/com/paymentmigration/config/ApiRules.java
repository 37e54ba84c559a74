package com.paymentmigration.config;

import com.paymentmigration.config.Rules.HttpsUrl;

import java.util.ArrayList;
import java.util.List;

import static com.paymentmigration.config.ConfigKey.API_CERTIFICATE_ARN;
import static com.paymentmigration.config.ConfigKey.API_DAILY_QUOTA;
import static com.paymentmigration.config.ConfigKey.API_DOMAIN_NAME;
import static com.paymentmigration.config.ConfigKey.API_STAGE_NAME;
import static com.paymentmigration.config.ConfigKey.API_THROTTLE_BURST;
import static com.paymentmigration.config.ConfigKey.API_THROTTLE_RATE;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_AUDIENCE;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_CACHE_SECONDS;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_ISSUER;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_KEY_SET_MAX_AGE_SECONDS;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_KEY_SET_SECRET_NAME;
import static com.paymentmigration.config.ConfigKey.AUTHORIZER_SCOPE_ROUTES;
import static com.paymentmigration.config.ConfigKey.CREATE_API_GATEWAY_ACCOUNT_ROLE;
import static com.paymentmigration.config.ConfigKey.LEGACY_BACKEND_IPS;
import static com.paymentmigration.config.ConfigKey.LEGACY_BACKEND_URL;
import static com.paymentmigration.config.ConfigKey.MIGRATION_VPC_CIDR;
import static com.paymentmigration.config.ConfigKey.NEW_BACKEND_IPS;
import static com.paymentmigration.config.ConfigKey.NEW_BACKEND_URL;
import static com.paymentmigration.config.ConfigKey.ON_PREM_CIDRS;
import static com.paymentmigration.config.ConfigKey.SECRETS_EXTENSION_LAYER_ARN;
import static com.paymentmigration.config.ConfigKey.SERVICE_ENABLED;
import static com.paymentmigration.config.ConfigKey.WAF_RATE_LIMIT;

/**
 * The API: each backend's addresses inside the networks the private load balancer reaches, the new backend's
 * addresses only when this stack does not run it, and a custom domain only with its certificate.
 */
final class ApiRules {

    static final String LIST_BACKEND_ADDRESSES = "list at least one IPv4 address of the backend";

    private ApiRules() {
    }

    static MigrationConfig.Api api(KeyValues values, MigrationConfig.Networks networks) {
        var legacy = backend(values, LEGACY_BACKEND_URL, LEGACY_BACKEND_IPS,
                values.valid(ON_PREM_CIDRS) ? networks.onPrem() : null, true);
        var next = backend(values, NEW_BACKEND_URL, NEW_BACKEND_IPS,
                values.valid(MIGRATION_VPC_CIDR) ? List.of(networks.migrationVpc()) : null, !values.flag(SERVICE_ENABLED));
        requireCertificateWithDomain(values);
        return new MigrationConfig.Api(legacy, next, values.text(API_STAGE_NAME), values.text(API_DOMAIN_NAME),
                values.text(API_CERTIFICATE_ARN), values.integer(API_THROTTLE_RATE), values.integer(API_THROTTLE_BURST),
                values.integer(API_DAILY_QUOTA), values.flag(CREATE_API_GATEWAY_ACCOUNT_ROLE),
                new MigrationConfig.Waf(values.integer(WAF_RATE_LIMIT)),
                new MigrationConfig.AuthorizerSettings(values.text(AUTHORIZER_KEY_SET_SECRET_NAME),
                        values.text(AUTHORIZER_ISSUER), values.text(AUTHORIZER_AUDIENCE),
                        values.list(AUTHORIZER_SCOPE_ROUTES, String.class), values.integer(AUTHORIZER_CACHE_SECONDS),
                        values.integer(AUTHORIZER_KEY_SET_MAX_AGE_SECONDS), values.text(SECRETS_EXTENSION_LAYER_ARN)));
    }

    /** The port of the new backend's URL: the port the service's TLS listener takes. */
    static int newBackendPort(KeyValues values) {
        var url = values.value(NEW_BACKEND_URL, HttpsUrl.class);
        return url == null ? 443 : url.port();
    }

    /**
     * A backend's URL and the private addresses behind it, which must lie in {@code networks} (null when those are
     * themselves refused). Without {@code addressesRequired} there must be none: the stack's own load balancer is
     * the backend.
     */
    private static MigrationConfig.Backend backend(KeyValues values, ConfigKey urlKey, ConfigKey ipsKey,
                                                   List<Cidr> networks, boolean addressesRequired) {
        var url = values.value(urlKey, HttpsUrl.class);
        var host = url == null ? null : url.host();
        int port = url == null ? 443 : url.port();
        if (!values.valid(ipsKey)) {
            return new MigrationConfig.Backend(host, port, List.of());
        }
        var ips = values.list(ipsKey, String.class);
        if (ips.isEmpty() && addressesRequired) {
            values.fail(ipsKey, "[]", LIST_BACKEND_ADDRESSES + ", or set " + SERVICE_ENABLED.qualified()
                    + " true to run the new service in this stack");
        }
        if (!ips.isEmpty() && !addressesRequired) {
            values.fail(ipsKey, ips.toString(), "must be empty with " + SERVICE_ENABLED.qualified()
                    + " true: the service's load balancer is the new backend; remove " + ipsKey.qualified());
            return new MigrationConfig.Backend(host, port, List.of());
        }
        var inside = new ArrayList<String>();
        for (int i = 0; i < ips.size(); i++) {
            var ip = Cidr.parse(ips.get(i) + "/32");
            if (networks != null && networks.stream().noneMatch(net -> net.contains(ip))) {
                values.fail(ipsKey.qualified() + "[" + i + "]", ips.get(i), "is outside " + networks
                        + "; the private load balancer reaches only addresses there");
            } else {
                inside.add(ips.get(i));
            }
        }
        return new MigrationConfig.Backend(host, port, inside);
    }

    private static void requireCertificateWithDomain(KeyValues values) {
        if (!values.valid(API_DOMAIN_NAME, API_CERTIFICATE_ARN)) {
            return;
        }
        var domain = values.text(API_DOMAIN_NAME);
        var certificate = values.text(API_CERTIFICATE_ARN);
        if (domain.isEmpty() && !certificate.isEmpty()) {
            values.fail(API_DOMAIN_NAME, "", "is required when " + API_CERTIFICATE_ARN.qualified()
                    + " is set; name the domain the certificate covers");
        } else if (!domain.isEmpty() && certificate.isEmpty()) {
            values.fail(API_CERTIFICATE_ARN, "", "is required with " + API_DOMAIN_NAME.qualified()
                    + "; use the ACM certificate for " + domain + " in the primary region");
        }
    }
}
