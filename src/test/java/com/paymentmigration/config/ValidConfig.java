package com.paymentmigration.config;

import java.util.HashMap;
import java.util.Map;

/** A complete, valid config as Pulumi passes it (qualified keys, arrays as JSON), for tests to vary one key of. */
public final class ValidConfig {

    private ValidConfig() {
    }

    public static Map<String, String> map() {
        var config = new HashMap<String, String>();
        config.put("migration:environmentSuffix", "test");
        config.put("migration:environment", "test");
        config.put("migration:costCenter", "cc-1");
        config.put("migration:onPremCidrs", "[\"172.16.0.0/16\"]");
        config.put("migration:onPremVpnPeerIp", "203.0.113.10");
        config.put("migration:sourceDbHost", "pg.dc1.internal");
        config.put("migration:sourceDbName", "payments");
        config.put("migration:sourceDbSecretName", "test/onprem");
        config.put("migration:auroraMasterSecretName", "test/aurora");
        config.put("migration:alertEmails", "[\"ops@example.com\"]");
        config.put("migration:legacyBackendUrl", "https://payments.dc1.internal:8443");
        config.put("migration:legacyBackendIps", "[\"172.16.20.11\"]");
        config.put("migration:newBackendUrl", "https://payments.migration.internal");
        config.put("migration:newBackendIps", "[\"10.20.0.10\"]");
        config.put("migration:authorizerKeySetSecretName", "test/jwks");
        config.put("migration:authorizerIssuer", "https://login.example.com/");
        config.put("migration:authorizerAudience", "payments-api");
        return config;
    }

    /** The valid config with the payment service run by the stack (so no new backend addresses). */
    public static Map<String, String> withService() {
        var config = map();
        config.remove("migration:newBackendIps");
        config.put("migration:serviceEnabled", "true");
        config.put("migration:serviceImageTag", "2026.11.0");
        config.put("migration:serviceCertificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/abc-1");
        config.put("migration:serviceDbSecretName", "test/service-db");
        return config;
    }

    public static Map<String, String> with(String key, String value) {
        return with(map(), key, value);
    }

    /** {@code config} with {@code key} set to {@code value}, or unset when {@code value} is null. */
    public static Map<String, String> with(Map<String, String> config, String key, String value) {
        if (value == null) {
            config.remove("migration:" + key);
        } else {
            config.put("migration:" + key, value);
        }
        return config;
    }
}
