package com.paymentmigration.network;

import com.paymentmigration.config.ConfigKey;
import com.paymentmigration.config.ConfigProblem;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesPlainArgs;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;

/**
 * The zones each VPC spreads over. Looked up (not assumed) in each region, and checked against the configured count
 * before any network resource exists: a region with fewer zones is a config error with the fix, not a failed deploy.
 */
public final class AvailabilityZones {

    private AvailabilityZones() {
    }

    public static List<String> resolve(StackContext stack, Region region) {
        var code = region.code(stack);
        var available = AwsFunctions.getAvailabilityZonesPlain(
                        GetAvailabilityZonesPlainArgs.builder().state("available").build(),
                        InvokeOptions.builder().provider(region.provider(stack)).build())
                .join().names();
        int wanted = stack.config().networks().availabilityZoneCount();
        if (available.size() < wanted) {
            throw new InvalidConfigException(List.of(new ConfigProblem(ConfigKey.AVAILABILITY_ZONE_COUNT.qualified(),
                    String.valueOf(wanted), code + " has " + available.size() + " available zones " + available
                    + "; set it to " + available.size() + " or fewer")));
        }
        return available.subList(0, wanted);
    }
}
