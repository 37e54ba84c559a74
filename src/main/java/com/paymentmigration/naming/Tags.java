package com.paymentmigration.naming;

import com.paymentmigration.config.MigrationConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags every resource carries, applied once per region through the providers' default tags. */
public final class Tags {

    /** The keys the tagging policy rule requires on every provider. */
    public static final List<String> REQUIRED = List.of("Environment", "MigrationPhase", "CostCenter", "EnvironmentSuffix");

    private Tags() {
    }

    public static Map<String, String> defaults(MigrationConfig config) {
        var tags = new LinkedHashMap<String, String>(config.labels().extraTags());
        tags.put("Environment", config.labels().environment());
        tags.put("MigrationPhase", config.labels().migrationPhase());
        tags.put("CostCenter", config.labels().costCenter());
        tags.put("EnvironmentSuffix", config.environmentSuffix());
        tags.put("ManagedBy", "pulumi/" + Names.PREFIX);
        return Map.copyOf(tags);
    }
}
