package com.paymentmigration.plan;

import com.pulumi.deployment.internal.Runner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitingRunnerTest {

    /** Stands in for the SDK's runner: runs the callback and reports its value or failure. */
    private static final Runner SDK = new Runner() {
        @Override
        public <T> void registerTask(String description, CompletableFuture<T> task) {
            throw new AssertionError("every task goes to the awaiting runner");
        }

        @Override
        public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
            return CompletableFuture.supplyAsync(callback).thenApply(value -> new Result<T>(0, List.of(), Optional.of(value)) {
            });
        }
    };

    private final AwaitingRunner runner = new AwaitingRunner(SDK);

    @Test
    void theRunEndsOnlyWhenEveryTaskHasIncludingTasksRegisteredByTasks() throws Exception {
        var first = new CompletableFuture<String>();
        var second = new CompletableFuture<String>();
        var secondDone = new AtomicBoolean();
        first.thenRun(() -> {
            runner.registerTask("second", second);
            second.thenRun(() -> secondDone.set(true));
        });
        var run = runner.runAsync(() -> {
            runner.registerTask("first", first);
            return "program";
        });

        first.complete("done");
        assertThat(run).isNotDone();
        TimeUnit.MILLISECONDS.sleep(50);
        assertThat(run).isNotDone();
        second.complete("done");

        assertThat(run.get(10, TimeUnit.SECONDS).result()).contains("program");
        assertThat(secondDone).isTrue();
    }

    @Test
    void aFailedTaskEndsTheRunWithItsFailureWhileAnotherNeverCompletes() {
        var run = runner.runAsync(() -> {
            runner.registerTask("never", new CompletableFuture<Void>());
            runner.registerTask("fails", CompletableFuture.failedFuture(new IllegalStateException("boom")));
            return "program";
        });

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom");
    }

    @Test
    void aTaskThatFailedBeforeTheFirstWaitStillFailsTheRun() {
        var run = runner.runAsync(() -> {
            runner.registerTask("fails at once", CompletableFuture.failedFuture(new IllegalStateException("early")));
            return "program";
        });

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("early");
    }

    @Test
    void aFailingProgramFailsTheRun() {
        var run = runner.runAsync(() -> {
            throw new IllegalArgumentException("bad program");
        });

        assertThatThrownBy(run::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("bad program");
    }
}
