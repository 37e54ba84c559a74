package com.paymentmigration.core;

import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.naming.Names;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

/**
 * What every component gets from the stack: the validated config, the naming scheme, the regional providers and
 * the account the stack deploys into (policies and globally unique names need it).
 */
public record StackContext(MigrationConfig config, Names names, RegionalProviders providers, Output<String> accountId) {

    public static StackContext create(MigrationConfig config) {
        var providers = RegionalProviders.create(config);
        var accountId = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.Empty, InvokeOptions.builder().provider(providers.primary()).build())
                .applyValue(GetCallerIdentityResult::accountId);
        return new StackContext(config, new Names(config.environmentSuffix()), providers, accountId);
    }
}
