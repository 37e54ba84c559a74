package com.paymentmigration.plan;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Runs the program under the Pulumi SDK's mock engine. Config goes in as the engine would pass it
 * ({@code migration:key} to text), so the program reads it through {@code ctx.config()} exactly as under
 * {@code pulumi up}. That needs {@link PulumiTestInternal}: the public test API cannot set config
 * (pulumi-java#1333), and it alone lets the monitor be wrapped to record options and dependencies.
 */
public final class OfflineEngine {

    private OfflineEngine() {
    }

    public static StackRun run(String project, String stack, Map<String, String> config, Consumer<Context> program) {
        var mocks = new PlanMocks();
        var monitor = new AtomicReference<RecordingMonitor>();
        var log = PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.OFF));
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(project).stackName(stack).preview(false).build())
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .mocks(mocks)
                .config(config)
                // The deployment state creates the SDK's runner and logger itself; this is the one place to wrap them.
                .deploymentFactory(state -> {
                    state.runner = new AwaitingRunner(state.runner);
                    state.logger = new DebugDiscardingLogger(state.logger);
                    return new DeploymentImpl(state);
                })
                .monitorDecorator(ignored -> {
                    monitor.set(new RecordingMonitor(mocks, log));
                    return monitor.get();
                })
                .build();
        try {
            TestResult result;
            try {
                result = test.runTest(program);
            } catch (RuntimeException e) {
                // Some failures (a failed invoke) escape the runner instead of landing in the result.
                return new StackRun(sorted(monitor.get().recorded()), Map.of(), List.of(String.valueOf(e.getMessage())),
                        List.of(e), mocks.invokes());
            }
            var exceptions = new ArrayList<Throwable>(result.exceptions());
            var outputs = new LinkedHashMap<String, Object>();
            result.outputs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                try {
                    var data = PulumiTestInternal.extractOutputData(entry.getValue());
                    outputs.put(entry.getKey(), !data.isKnown() ? RecordedResource.UNKNOWN
                            : data.isSecret() ? RecordedResource.SECRET : PlainValues.plain(data.getValueNullable()));
                } catch (RuntimeException e) {
                    // An output whose computation failed (a failed invoke) fails the run.
                    exceptions.add(e);
                }
            });
            return new StackRun(sorted(monitor.get().recorded()), outputs, result.errors(), exceptions, mocks.invokes());
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static List<RecordedResource> sorted(List<RecordedResource> resources) {
        var copy = new ArrayList<>(resources);
        copy.sort(Comparator.comparing(RecordedResource::urn));
        return copy;
    }
}
