package com.paymentmigration.plan;

import com.pulumi.deployment.internal.Runner;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Waits for the program's fire-and-forget tasks by blocking on them, then lets the SDK's runner finish (its error
 * handling and exit codes unchanged).
 *
 * <p>Why: the SDK's runner (pulumi-java 1.36.1, {@code DeploymentImpl.DefaultRunner}) waits by re-queuing a check of
 * every task in flight, and each check formats the whole set into a FINEST log message whether or not that level is
 * logged. The program runs asynchronously to that loop and keeps hundreds of tasks in flight, so the loop never
 * rests: on a common pool of two workers (see {@code cli.CommonPool}) a plan of the dev stack took about 23 s of CPU
 * with it and 12.5 s without it. Here nothing polls: each wait is on the tasks known at that moment, and it ends
 * early when one of them fails, as the SDK's loop does.
 */
final class AwaitingRunner implements Runner {

    private final Runner sdk;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

    AwaitingRunner(Runner sdk) {
        this.sdk = Objects.requireNonNull(sdk);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.add(task);
        task.whenComplete((value, failure) -> {
            if (failure != null) {
                firstFailure.completeExceptionally(failure);
            }
            pending.remove(task);
        });
    }

    /** The SDK's runner runs the callback and then every task, whose failure it reports as it would its own. */
    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return sdk.runAsync(() -> {
            var value = callback.get();
            awaitPending();
            return value;
        });
    }

    /** Tasks register more tasks as they complete, so wait until a wait finds none left. */
    private void awaitPending() {
        while (!pending.isEmpty()) {
            List<CompletableFuture<?>> snapshot = List.copyOf(pending);
            CompletableFuture.anyOf(CompletableFuture.allOf(snapshot.toArray(CompletableFuture[]::new)), firstFailure)
                    .join();
        }
        // A task that failed and left the set before a wait saw it (or before the first wait) still fails the run:
        // without this, a bad config whose error surfaced in a task could end as a successful plan.
        if (firstFailure.isCompletedExceptionally()) {
            firstFailure.join();
        }
    }
}
