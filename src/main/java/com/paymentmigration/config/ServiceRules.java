package com.paymentmigration.config;

import java.util.List;
import java.util.Locale;

import static com.paymentmigration.config.ConfigKey.DNS_DOMAIN_NAME;
import static com.paymentmigration.config.ConfigKey.DNS_HOSTED_ZONE_ID;
import static com.paymentmigration.config.ConfigKey.DNS_RECORD_NAME;
import static com.paymentmigration.config.ConfigKey.ENVIRONMENT;
import static com.paymentmigration.config.ConfigKey.NEW_BACKEND_URL;
import static com.paymentmigration.config.ConfigKey.SERVICE_CERTIFICATE_ARN;
import static com.paymentmigration.config.ConfigKey.SERVICE_CONTAINER_PORT;
import static com.paymentmigration.config.ConfigKey.SERVICE_CPU;
import static com.paymentmigration.config.ConfigKey.SERVICE_CPU_TARGET_PERCENT;
import static com.paymentmigration.config.ConfigKey.SERVICE_DB_SECRET_NAME;
import static com.paymentmigration.config.ConfigKey.SERVICE_ENABLED;
import static com.paymentmigration.config.ConfigKey.SERVICE_HEALTH_CHECK_PATH;
import static com.paymentmigration.config.ConfigKey.SERVICE_HTTP_LISTENER;
import static com.paymentmigration.config.ConfigKey.SERVICE_IMAGE_REPOSITORY;
import static com.paymentmigration.config.ConfigKey.SERVICE_IMAGE_TAG;
import static com.paymentmigration.config.ConfigKey.SERVICE_MAX_TASKS;
import static com.paymentmigration.config.ConfigKey.SERVICE_MEMORY_MB;
import static com.paymentmigration.config.ConfigKey.SERVICE_MEMORY_TARGET_PERCENT;
import static com.paymentmigration.config.ConfigKey.SERVICE_MIN_TASKS;

/**
 * The new payment service and the weighted name in front of it: a size Fargate runs, the settings it cannot start
 * without, plain HTTP for dev only, and weighted DNS only with the service (its load balancer is the new target).
 */
final class ServiceRules {

    private static final List<ConfigKey> REQUIRED_WITH_SERVICE = List.of(SERVICE_IMAGE_TAG, SERVICE_CERTIFICATE_ARN,
            SERVICE_DB_SECRET_NAME);
    /** The port of the plain HTTP listener. */
    private static final int HTTP_PORT = 80;

    private ServiceRules() {
    }

    static MigrationConfig.Service service(KeyValues values) {
        int cpu = values.integer(SERVICE_CPU);
        int memory = values.integer(SERVICE_MEMORY_MB);
        if (values.valid(SERVICE_CPU, SERVICE_MEMORY_MB)) {
            FargateSize.problem(cpu, memory).ifPresent(problem -> values.fail(SERVICE_MEMORY_MB, String.valueOf(memory),
                    problem + "; change " + SERVICE_CPU.qualified() + " or " + SERVICE_MEMORY_MB.qualified()));
        }
        int min = values.integer(SERVICE_MIN_TASKS);
        int max = values.integer(SERVICE_MAX_TASKS);
        if (values.valid(SERVICE_MIN_TASKS, SERVICE_MAX_TASKS) && max < min) {
            values.fail(SERVICE_MAX_TASKS, String.valueOf(max), "must be at least " + SERVICE_MIN_TASKS.qualified()
                    + " (" + min + ")");
        }
        boolean enabled = values.flag(SERVICE_ENABLED);
        boolean http = values.flag(SERVICE_HTTP_LISTENER);
        int listenerPort = ApiRules.newBackendPort(values);
        if (enabled) {
            requireWhatTheServiceNeeds(values, http, listenerPort);
        }
        return new MigrationConfig.Service(enabled, values.text(SERVICE_IMAGE_REPOSITORY), values.text(SERVICE_IMAGE_TAG),
                values.integer(SERVICE_CONTAINER_PORT), values.text(SERVICE_HEALTH_CHECK_PATH), cpu, memory, min, max,
                values.integer(SERVICE_CPU_TARGET_PERCENT), values.integer(SERVICE_MEMORY_TARGET_PERCENT),
                values.text(SERVICE_CERTIFICATE_ARN), listenerPort, http, values.text(SERVICE_DB_SECRET_NAME));
    }

    private static void requireWhatTheServiceNeeds(KeyValues values, boolean http, int listenerPort) {
        for (var required : REQUIRED_WITH_SERVICE) {
            if ("".equals(values.text(required))) {
                values.fail(required, "", "is required with " + SERVICE_ENABLED.qualified() + " true ("
                        + required.description + ")");
            }
        }
        var environment = values.text(ENVIRONMENT);
        if (http && values.valid(ENVIRONMENT) && !"dev".equals(environment)) {
            values.fail(SERVICE_HTTP_LISTENER, "true", "plain HTTP is for dev stacks only (environment is "
                    + environment + "); remove " + SERVICE_HTTP_LISTENER.qualified());
        }
        if (http && values.valid(NEW_BACKEND_URL) && listenerPort == HTTP_PORT) {
            values.fail(NEW_BACKEND_URL, values.given(NEW_BACKEND_URL),
                    "port " + HTTP_PORT + " is the plain HTTP listener's; use another port for the TLS listener, e.g. 443");
        }
    }

    /** Weighted DNS is on when a domain or an existing zone is given; either needs the service. */
    static MigrationConfig.Dns dns(KeyValues values) {
        var domain = values.text(DNS_DOMAIN_NAME);
        var zone = values.text(DNS_HOSTED_ZONE_ID);
        if (values.valid(DNS_DOMAIN_NAME, DNS_HOSTED_ZONE_ID, SERVICE_ENABLED) && !values.flag(SERVICE_ENABLED)) {
            // An existing zone alone is enough to turn it on: its domain is looked up.
            var given = !domain.isEmpty() ? DNS_DOMAIN_NAME : !zone.isEmpty() ? DNS_HOSTED_ZONE_ID : null;
            if (given != null) {
                values.fail(given, values.text(given), "needs " + SERVICE_ENABLED.qualified() + " true: the weighted "
                        + "record's new target is the service's load balancer; enable the service or clear " + given.qualified());
            }
        }
        var label = values.text(DNS_RECORD_NAME);
        return new MigrationConfig.Dns(domain == null ? null : domain.toLowerCase(Locale.ROOT), zone,
                label == null ? "" : label);
    }
}
