package com.paymentmigration.config;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.paymentmigration.config.ConfigKey.ALERT_EMAILS;
import static com.paymentmigration.config.ConfigKey.COST_CENTER;
import static com.paymentmigration.config.ConfigKey.CUTOVER_BAKE_MINUTES;
import static com.paymentmigration.config.ConfigKey.ENVIRONMENT;
import static com.paymentmigration.config.ConfigKey.ENVIRONMENT_SUFFIX;
import static com.paymentmigration.config.ConfigKey.EXTRA_TAGS;
import static com.paymentmigration.config.ConfigKey.LOG_RETENTION_DAYS;
import static com.paymentmigration.config.ConfigKey.MIGRATION_PHASE;
import static com.paymentmigration.config.ConfigKey.MODE;
import static com.paymentmigration.config.ConfigKey.ON_PREM_BGP_ASN;
import static com.paymentmigration.config.ConfigKey.ON_PREM_STATIC_ROUTING;
import static com.paymentmigration.config.ConfigKey.ON_PREM_VPN_PEER_IP;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_HOST;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_NAME;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_PORT;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_SECRET_NAME;

/**
 * Reads and validates the whole config before any resource exists: every key by its own rule (declared with the key
 * in {@link ConfigKey}), then the rules that tie keys together, section by section. Every problem is collected, each
 * naming the key, the value and the fix, and all are thrown together as one {@link InvalidConfigException}.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    public static MigrationConfig read(ConfigSource source) {
        var problems = new Problems();
        UnknownKeys.report(source, problems);
        var values = KeyValues.read(source, problems);

        var networks = NetworkRules.networks(values);
        var regions = NetworkRules.regions(values);
        var aurora = AuroraRules.aurora(values);
        var secretRotation = AuroraRules.secretRotation(values);
        var dms = DmsRules.dms(values);
        var api = ApiRules.api(values, networks);
        var service = ServiceRules.service(values);
        var dns = ServiceRules.dns(values);
        var steps = TrafficRules.steps(values);
        var shift = TrafficRules.shift(values, dns);
        var thresholds = TrafficRules.thresholds(values);
        var writerContract = TrafficRules.writerContract(values);
        problems.throwIfAny();

        var onPrem = new MigrationConfig.OnPrem(values.text(ON_PREM_VPN_PEER_IP), values.wholeNumber(ON_PREM_BGP_ASN),
                values.flag(ON_PREM_STATIC_ROUTING), values.text(SOURCE_DB_HOST), values.integer(SOURCE_DB_PORT),
                values.text(SOURCE_DB_NAME), values.text(SOURCE_DB_SECRET_NAME));
        return new MigrationConfig(values.value(MODE, Mode.class), values.text(ENVIRONMENT_SUFFIX), labels(values),
                regions, networks, onPrem, aurora, dms, api, service, dns, steps, shift,
                values.integer(CUTOVER_BAKE_MINUTES), thresholds, values.list(ALERT_EMAILS, String.class),
                values.integer(LOG_RETENTION_DAYS), secretRotation, writerContract);
    }

    private static MigrationConfig.Labels labels(KeyValues values) {
        Map<String, String> extraTags = new LinkedHashMap<>();
        for (var tag : values.list(EXTRA_TAGS, Rules.Tag.class)) {
            extraTags.put(tag.key(), tag.value());
        }
        return new MigrationConfig.Labels(values.text(ENVIRONMENT), values.text(COST_CENTER), values.text(MIGRATION_PHASE),
                extraTags);
    }
}
