package com.paymentmigration.config;

import com.paymentmigration.config.MigrationConfig.TablePattern;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

import static com.paymentmigration.config.ConfigKey.AURORA_CA_CERTIFICATE;
import static com.paymentmigration.config.ConfigKey.AURORA_ENGINE_VERSION;
import static com.paymentmigration.config.ConfigKey.CREATE_DMS_ACCOUNT_ROLES;
import static com.paymentmigration.config.ConfigKey.DMS_ALLOCATED_STORAGE_GB;
import static com.paymentmigration.config.ConfigKey.DMS_ENGINE_VERSION;
import static com.paymentmigration.config.ConfigKey.DMS_INSTANCE_CLASS;
import static com.paymentmigration.config.ConfigKey.EXCLUDED_TABLES;
import static com.paymentmigration.config.ConfigKey.REPLICATED_TABLES;
import static com.paymentmigration.config.ConfigKey.SOURCE_DB_CA_CERTIFICATE;

/** The replication instance: an engine that supports the Aurora major version, and a table either in or out. */
final class DmsRules {

    /** The oldest DMS engine version that supports each PostgreSQL major version as a source (AWS DMS guide). */
    private static final Map<Integer, String> MINIMUM_FOR_POSTGRES = new TreeMap<>(Map.of(15, "3.5.1", 16, "3.5.3", 17, "3.6.1"));

    private DmsRules() {
    }

    /** For the key's description: {@code PostgreSQL 15 needs 3.5.1 or later, 16 needs 3.5.3, ...}. */
    static String minimumVersionsInWords() {
        var words = new ArrayList<String>();
        MINIMUM_FOR_POSTGRES.forEach((major, version) -> words.add(words.isEmpty()
                ? "PostgreSQL " + major + " needs " + version + " or later" : major + " needs " + version));
        return String.join(", ", words);
    }

    static MigrationConfig.Dms dms(KeyValues values) {
        var version = values.text(DMS_ENGINE_VERSION);
        if (values.valid(DMS_ENGINE_VERSION, AURORA_ENGINE_VERSION)) {
            var aurora = values.text(AURORA_ENGINE_VERSION);
            int major = Integer.parseInt(aurora.substring(0, aurora.indexOf('.')));
            var minimum = MINIMUM_FOR_POSTGRES.get(major);
            if (minimum != null && compareVersions(version, minimum) < 0) {
                values.fail(DMS_ENGINE_VERSION, version, "PostgreSQL " + major + " (" + AURORA_ENGINE_VERSION.qualified()
                        + ") needs DMS " + minimum + " or later");
            }
        }
        var included = values.list(REPLICATED_TABLES, TablePattern.class);
        var excluded = values.list(EXCLUDED_TABLES, TablePattern.class);
        for (var pattern : excluded) {
            if (included.contains(pattern)) {
                values.fail(EXCLUDED_TABLES, pattern.toString(), "is also in " + REPLICATED_TABLES.qualified()
                        + "; a table is either replicated or excluded");
            }
        }
        return new MigrationConfig.Dms(values.text(DMS_INSTANCE_CLASS), values.integer(DMS_ALLOCATED_STORAGE_GB), version,
                values.flag(CREATE_DMS_ACCOUNT_ROLES), values.text(SOURCE_DB_CA_CERTIFICATE),
                values.text(AURORA_CA_CERTIFICATE), new MigrationConfig.TableSelection(included, excluded));
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
}
