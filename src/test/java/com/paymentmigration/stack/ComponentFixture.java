package com.paymentmigration.stack;

import com.paymentmigration.config.ConfigKey;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.AvailabilityZones;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.SubnetPlan;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.plan.OfflineEngine;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.secrets.ExistingSecret;
import com.pulumi.core.Output;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one component alone under the mock engine, with the dev stack's config: the test builds the component from
 * stand-in values for what other components would give it, so what it asserts is traced to its own inputs.
 */
public final class ComponentFixture {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-central-1";

    private ComponentFixture() {
    }

    /** Runs {@code build} as the whole program; fails if the run does. */
    public static StackRun run(Consumer<StackContext> build, String... overrides) {
        var config = StackFiles.config(Path.of("."), "dev", List.of(overrides));
        var run = OfflineEngine.run(ConfigKey.NAMESPACE, "dev", config,
                ctx -> build.accept(StackContext.create(ConfigReader.read(ConfigSource.of(ctx.config())))));
        assertThat(run.errors()).as("errors").isEmpty();
        assertThat(run.exceptions()).as("exceptions").isEmpty();
        return run;
    }

    /** A stand-in for an output another component would give. */
    public static Output<String> given(String value) {
        return Output.of(value);
    }

    /** A fetched secret as the lookup would answer: its ARN and, when not the AWS-managed key, its key's. */
    public static ExistingSecret secret(String name, String keyArn) {
        return new ExistingSecret(name, given("arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + name
                + "-AbCdEf"), given(keyArn));
    }

    /** One VPC of the stack, with what it needs (the keys its flow logs use); for components placed in it. */
    public static Network network(StackContext stack, VpcRole role, EncryptionKeys keys) {
        var config = stack.config();
        var plans = new EnumMap<VpcRole, SubnetPlan>(VpcRole.class);
        for (var each : VpcRole.values()) {
            plans.put(each, SubnetPlan.of(each.cidr(config), config.networks().availabilityZoneCount()));
        }
        return new Network(role.label, stack, role, plans.get(role), AvailabilityZones.resolve(stack, role.region),
                SecurityRules.of(role, plans, config.networks().onPrem()), keys);
    }
}
