package com.paymentmigration.lambda.validator.database;

import com.paymentmigration.lambda.validator.QueryFailedException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Source and target, queried at the same time: the comparison costs the slower side, not the sum of both. */
public final class Sides implements AutoCloseable {

    /** One value per side. */
    public record Pair<T>(T source, T target) {
    }

    private final Side source;
    private final Side target;
    private final ExecutorService targetThread = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "validator-target");
        thread.setDaemon(true);
        return thread;
    });

    public Sides(Side source, Side target) {
        this.source = source;
        this.target = target;
    }

    /** Opens both connections, or neither. */
    public static Sides open(DatabaseAddress source, DatabaseAddress target) {
        var from = source.open("source");
        try {
            return new Sides(from, target.open("target"));
        } catch (RuntimeException e) {
            from.close();
            throw e;
        }
    }

    public Side source() {
        return source;
    }

    public Side target() {
        return target;
    }

    /** Runs the same work on both sides, the target's on its own thread; a failure on either side is rethrown. */
    public <T> Pair<T> both(Function<Side, T> work) {
        Future<T> onTarget = targetThread.submit(() -> work.apply(target));
        T fromSource;
        try {
            fromSource = work.apply(source);
        } catch (RuntimeException e) {
            onTarget.cancel(true);
            throw e;
        }
        try {
            return new Pair<>(fromSource, onTarget.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailedException("interrupted while waiting for the target database", e);
        }
    }

    @Override
    public void close() {
        targetThread.shutdownNow();
        source.close();
        target.close();
    }
}
