package com.paymentmigration.core;

import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.naming.Tags;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;

/**
 * One explicit AWS provider per region. Default tags belong to a provider, so each one carries them; no resource
 * uses Pulumi's default provider (the tagging policy rule checks that).
 */
public record RegionalProviders(Provider primary, Provider secondary) {

    public static final String TYPE = "pulumi:providers:aws";

    public static RegionalProviders create(MigrationConfig config) {
        return new RegionalProviders(
                provider("aws-primary", config.regions().primary(), config),
                provider("aws-secondary", config.regions().secondary(), config));
    }

    private static Provider provider(String name, String region, MigrationConfig config) {
        return new Provider(name, ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Tags.defaults(config)).build())
                .build());
    }
}
