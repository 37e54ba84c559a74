package com.paymentmigration.plan;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The deployment's engine logger for an offline run: debug messages are dropped at once, everything else goes to the
 * SDK's logger unchanged (errors still count and still fail the run).
 *
 * <p>Why: the SDK (pulumi-java 1.36.1, {@code DeploymentImpl.DefaultEngineLogger}) turns every debug message into an
 * asynchronous task chained after the previous message and registered with the runner, whether or not anything
 * reads it. A plan's mock engine keeps only errors and its standard logger is off, so each of those tasks (several
 * per resource) was work with no reader.
 */
final class DebugDiscardingLogger implements EngineLogger {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final EngineLogger sdk;

    DebugDiscardingLogger(EngineLogger sdk) {
        this.sdk = Objects.requireNonNull(sdk);
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return DONE;
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                            Boolean ephemeral) {
        return isDebug(level) ? DONE : sdk.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return sdk.infoAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return sdk.warnAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return sdk.errorAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return sdk.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return sdk.hasLoggedErrors();
    }

    /** Below INFO: the levels the SDK's logger maps to the engine's DEBUG severity. */
    private static boolean isDebug(Level level) {
        return level.intValue() < Level.INFO.intValue();
    }
}
