package com.paymentmigration.policy;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.config.MigrationConfig;

import java.util.List;

/** What rules know besides the resources: the environment suffix and the on-prem networks. */
public record PolicyContext(String environmentSuffix, List<Cidr> onPremCidrs) {

    public PolicyContext {
        onPremCidrs = List.copyOf(onPremCidrs);
    }

    public PolicyContext(String environmentSuffix) {
        this(environmentSuffix, List.of());
    }

    public static PolicyContext of(MigrationConfig config) {
        return new PolicyContext(config.environmentSuffix(), config.networks().onPrem());
    }
}
