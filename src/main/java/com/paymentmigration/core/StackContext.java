package com.paymentmigration.core;

import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.naming.Names;

/** What every component gets from the stack: the validated config, the naming scheme and the regional providers. */
public record StackContext(MigrationConfig config, Names names, RegionalProviders providers) {

    public static StackContext create(MigrationConfig config) {
        return new StackContext(config, new Names(config.environmentSuffix()), RegionalProviders.create(config));
    }
}
