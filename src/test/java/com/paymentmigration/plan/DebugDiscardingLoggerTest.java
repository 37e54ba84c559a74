package com.paymentmigration.plan;

import com.pulumi.Log;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the SDK's own engine logger: what reaches it, and which messages become tasks the run must wait for. */
class DebugDiscardingLoggerTest {

    /** Counts the tasks the engine logger hands to the runner (one per message it passes on). */
    private static final class CountingRunner implements Runner {
        final List<String> tasks = new ArrayList<>();

        @Override
        public <T> void registerTask(String description, CompletableFuture<T> task) {
            tasks.add(description);
        }

        @Override
        public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
            throw new UnsupportedOperationException("not a run");
        }
    }

    private final CountingRunner runner = new CountingRunner();
    private final MockEngine engine = new MockEngine();
    private final EngineLogger sdk = new DeploymentImpl.DefaultEngineLogger(PulumiTestInternal.logger(Level.OFF),
            () -> runner, () -> engine);
    private final Log log = new Log(new DebugDiscardingLogger(sdk));

    @Test
    void theSdkLoggerMakesATaskOfEveryDebugMessage() {
        new Log(sdk).debug("Preparing resource: t=aws:s3/bucketV2:BucketV2");

        assertThat(runner.tasks).hasSize(1);
    }

    @Test
    void debugMessagesAreDroppedWithoutATask() {
        log.debug("Preparing resource: t=aws:s3/bucketV2:BucketV2");
        log.debug("Registering resource monitor end", null);
        log.debug("Registering resource monitor end", null, 1, false);

        assertThat(runner.tasks).isEmpty();
    }

    @Test
    void levelsBelowInfoAreDroppedAndTheOthersPassedOn() {
        var logger = new DebugDiscardingLogger(sdk);
        for (var level : List.of(Level.FINEST, Level.FINER, Level.FINE, Level.CONFIG)) {
            assertThat(logger.logAsync(level, "debug", null, null, null)).isCompleted();
        }
        assertThat(runner.tasks).isEmpty();

        logger.logAsync(Level.INFO, "info", null, null, null).join();
        logger.logAsync(Level.WARNING, "warning", null, null, null).join();
        logger.logAsync(Level.SEVERE, "severe", null, null, null).join();

        assertThat(runner.tasks).containsExactly("info", "warning", "severe");
    }

    @Test
    void infoWarningsAndErrorsArePassedOnAndErrorsCounted() {
        log.info("info");
        log.warn("warning");
        log.error("the program failed");

        assertThat(runner.tasks).containsExactly("info", "warning", "the program failed");
        assertThat(log.hasLoggedErrors()).isTrue();
        assertThat(log.getErrorCount()).isEqualTo(1);
        assertThat(sdk.getErrorCount()).isEqualTo(1);
    }
}
