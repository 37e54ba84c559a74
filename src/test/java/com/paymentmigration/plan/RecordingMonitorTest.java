package com.paymentmigration.plan;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingMonitorTest {

    /** True on a thread while it runs the program's own code (the resource constructors). */
    private static final ThreadLocal<Boolean> IN_PROGRAM = ThreadLocal.withInitial(() -> false);

    private final List<String> answeredInsideTheProgram = new CopyOnWriteArrayList<>();
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final Mocks mocks = args -> {
        answered.add(args.name);
        if (IN_PROGRAM.get()) {
            answeredInsideTheProgram.add(args.name);
        }
        return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
    };

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void registrationsAreAnsweredOffTheProgramsThreadAndAllRecorded() {
        var log = PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.OFF));
        var monitor = new RecordingMonitor(mocks, log);
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("migration").stackName("dev").build())
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .mocks(mocks)
                .monitorDecorator(ignored -> monitor)
                .build()
                .runTest(ctx -> {
                    IN_PROGRAM.set(true);
                    try {
                        var bucket = new BucketV2("logs", BucketV2Args.builder().bucket("migration-logs-dev").build());
                        new BucketVersioningV2("logs-versioning", BucketVersioningV2Args.builder().bucket(bucket.id())
                                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                        .status("Enabled").build())
                                .build());
                        new BucketV2("archive", BucketV2Args.builder().bucket("migration-archive-dev").build());
                    } finally {
                        IN_PROGRAM.set(false);
                    }
                })
                .throwOnError();

        assertThat(result.exitCode()).isZero();
        assertThat(answered).containsExactlyInAnyOrder("logs", "logs-versioning", "archive");
        assertThat(answeredInsideTheProgram).isEmpty();
        assertThat(monitor.recorded()).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("migration-dev", "logs", "logs-versioning", "archive");
        assertThat(monitor.recorded()).filteredOn(r -> r.name().equals("logs-versioning")).singleElement()
                .satisfies(r -> assertThat(r.inputs()).containsEntry("bucket", "logs-id"));
    }
}
