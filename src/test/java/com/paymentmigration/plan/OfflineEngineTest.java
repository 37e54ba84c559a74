package com.paymentmigration.plan;

import com.paymentmigration.config.ConfigKey;
import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.outputs.GetAvailabilityZonesResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The recording monitor sees what a reviewer needs: parents, providers, dependencies, options, exact inputs. */
class OfflineEngineTest {

    static final class Box extends ComponentResource {
        Box(String name) {
            super("test:box:Box", name, (ComponentResourceOptions) null);
        }
    }

    private static void program(Context ctx) {
        var provider = new Provider("aws-primary", ProviderArgs.builder().region("eu-central-1").build());
        var box = new Box("box");
        var bucket = new BucketV2("box-bucket", BucketV2Args.builder().bucket("migration-box-dev").forceDestroy(true).build(),
                CustomResourceOptions.builder().parent(box).provider(provider).ignoreChanges("tags").build());
        new BucketVersioningV2("box-versioning", BucketVersioningV2Args.builder().bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), CustomResourceOptions.builder().parent(box).provider(provider).dependsOn(bucket).build());
        ctx.export("bucketArn", bucket.arn());
        ctx.export("zones", AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().build(),
                com.pulumi.deployment.InvokeOptions.builder().provider(provider).build()).applyValue(GetAvailabilityZonesResult::names));
        ctx.export("secret", Output.ofSecret("hunter2"));
    }

    private static StackRun run(java.util.function.Consumer<Context> program) {
        return OfflineEngine.run(ConfigKey.NAMESPACE, "dev", Map.of(), program);
    }

    @Test
    void recordsParentProviderDependenciesOptionsAndInputs() {
        var run = run(OfflineEngineTest::program);
        assertThat(run.succeeded()).isTrue();
        var box = run.one("test:box:Box", "box");
        var bucket = run.one("aws:s3/bucketV2:BucketV2", "box-bucket");
        var versioning = run.one("aws:s3/bucketVersioningV2:BucketVersioningV2", "box-versioning");

        assertThat(bucket.parent()).isEqualTo(box.urn());
        assertThat(bucket.providerName()).contains("aws-primary");
        assertThat(bucket.options().ignoreChanges()).containsExactly("tags");
        assertThat(bucket.inputs()).containsEntry("bucket", "migration-box-dev").containsEntry("forceDestroy", true);
        assertThat(versioning.dependsOn()).contains(bucket.urn());
        assertThat(versioning.input("versioningConfiguration.status")).contains("Enabled");
        assertThat(versioning.inputs()).containsEntry("bucket", "migration-box-dev");
        assertThat(StackRun.componentOf(versioning, run.byUrn())).contains(box);
    }

    @Test
    void mockOutputsAreRealisticAndDeterministic() {
        var first = run(OfflineEngineTest::program);
        var second = run(OfflineEngineTest::program);
        assertThat(first.outputs()).containsEntry("bucketArn", "arn:aws:s3:::migration-box-dev")
                .containsEntry("zones", List.of("eu-central-1a", "eu-central-1b", "eu-central-1c"))
                .containsEntry("secret", RecordedResource.SECRET);
        assertThat(first.resources()).isEqualTo(second.resources());
    }

    @Test
    void anUnmockedInvokeFailsTheRunInsteadOfReturningNull() {
        var run = run(ctx -> ctx.export("param", SsmFunctions.getParameter(GetParameterArgs.builder().name("/x").build())
                .applyValue(r -> r.value())));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.exceptions()).anySatisfy(e -> assertThat(e)
                .hasRootCauseInstanceOf(PlanMocks.UnmockedInvokeException.class)
                .rootCause().hasMessageContaining("aws:ssm/getParameter:getParameter"));
    }
}
