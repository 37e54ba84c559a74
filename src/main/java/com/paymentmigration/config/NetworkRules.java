package com.paymentmigration.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static com.paymentmigration.config.ConfigKey.AVAILABILITY_ZONE_COUNT;
import static com.paymentmigration.config.ConfigKey.MIGRATION_VPC_CIDR;
import static com.paymentmigration.config.ConfigKey.NAT_PER_AZ;
import static com.paymentmigration.config.ConfigKey.ON_PREM_CIDRS;
import static com.paymentmigration.config.ConfigKey.PRIMARY_REGION;
import static com.paymentmigration.config.ConfigKey.PRODUCTION_VPC_CIDR;
import static com.paymentmigration.config.ConfigKey.SECONDARY_REGION;
import static com.paymentmigration.config.ConfigKey.SECONDARY_VPC_CIDR;

/** Regions and networks: two different regions, and address ranges of which no two overlap. */
final class NetworkRules {

    private NetworkRules() {
    }

    static MigrationConfig.Regions regions(KeyValues values) {
        var primary = values.text(PRIMARY_REGION);
        var secondary = values.text(SECONDARY_REGION);
        if (values.valid(PRIMARY_REGION, SECONDARY_REGION) && primary.equals(secondary)) {
            values.fail(SECONDARY_REGION, secondary, "must differ from " + PRIMARY_REGION.qualified()
                    + " so that the global database and replicated buckets survive a regional outage");
        }
        return new MigrationConfig.Regions(primary, secondary);
    }

    static MigrationConfig.Networks networks(KeyValues values) {
        var onPrem = values.list(ON_PREM_CIDRS, Cidr.class);
        var named = new LinkedHashMap<String, Cidr>();
        for (var vpc : List.of(PRODUCTION_VPC_CIDR, MIGRATION_VPC_CIDR, SECONDARY_VPC_CIDR)) {
            if (values.valid(vpc)) {
                named.put(vpc.qualified(), values.value(vpc, Cidr.class));
            }
        }
        for (int i = 0; i < onPrem.size(); i++) {
            named.put(ON_PREM_CIDRS.qualified() + "[" + i + "]", onPrem.get(i));
        }
        // Routing through the Transit Gateway is by destination prefix: any overlap makes a route ambiguous.
        var labels = new ArrayList<>(named.keySet());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                var a = named.get(labels.get(i));
                var b = named.get(labels.get(j));
                if (a.overlaps(b)) {
                    values.fail(labels.get(j), b.toString(), "overlaps " + labels.get(i) + " (" + a
                            + "); every VPC and on-prem network needs its own address range");
                }
            }
        }
        return new MigrationConfig.Networks(values.value(PRODUCTION_VPC_CIDR, Cidr.class),
                values.value(MIGRATION_VPC_CIDR, Cidr.class), values.value(SECONDARY_VPC_CIDR, Cidr.class), onPrem,
                values.integer(AVAILABILITY_ZONE_COUNT), values.flag(NAT_PER_AZ));
    }
}
