package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.util.List;
import java.util.Map;

/** Hand-built recorded resources for rule tests: only what the rule under test reads. */
final class Resources {

    static final String PROVIDER_REF = "urn:pulumi:dev::migration::pulumi:providers:aws::aws-primary::aws-primary-provider-id";
    static final RecordedResource.Options PLAIN = new RecordedResource.Options(false, false, List.of(), false, List.of());

    private Resources() {
    }

    static RecordedResource resource(String type, String name, Map<String, Object> inputs) {
        return new RecordedResource("urn:pulumi:dev::migration::" + type + "::" + name, type, name, null, PROVIDER_REF,
                List.of(), true, false, PLAIN, inputs);
    }

    /** {@code r} depending on the given resources (as the engine records an input taken from their outputs). */
    static RecordedResource dependingOn(RecordedResource r, RecordedResource... dependencies) {
        return new RecordedResource(r.urn(), r.type(), r.name(), r.parent(), r.provider(),
                java.util.Arrays.stream(dependencies).map(RecordedResource::urn).toList(), r.custom(), r.read(),
                r.options(), r.inputs());
    }

    static RecordedResource withOptions(RecordedResource r, RecordedResource.Options options) {
        return new RecordedResource(r.urn(), r.type(), r.name(), r.parent(), r.provider(), r.dependsOn(), r.custom(),
                r.read(), options, r.inputs());
    }

    static RecordedResource taggedProvider() {
        return new RecordedResource("urn:pulumi:dev::migration::pulumi:providers:aws::aws-primary",
                "pulumi:providers:aws", "aws-primary", null, null, List.of(), true, false, PLAIN,
                Map.of("region", "eu-central-1", "defaultTags", "{\"tags\":{\"Environment\":\"dev\",\"MigrationPhase\":"
                        + "\"migration\",\"CostCenter\":\"cc\",\"EnvironmentSuffix\":\"dev\"}}"));
    }

    static StackRun run(RecordedResource... resources) {
        return new StackRun(List.of(resources), Map.of(), List.of(), List.of());
    }

    static List<Finding> check(PolicyRule rule, RecordedResource... resources) {
        return rule.check(run(resources), new PolicyContext("dev", List.of(com.paymentmigration.config.Cidr.parse("172.16.0.0/16"))));
    }
}
