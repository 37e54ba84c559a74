package com.paymentmigration.plan;

import com.google.protobuf.Struct;
import com.pulumi.Log;
import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.resources.Resource;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The SDK's mock monitor, keeping what {@link Mocks.ResourceArgs} leaves out: parent, dependencies, resource
 * options and which inputs were unknown or secret. The engine sees the same register requests in a real run.
 */
final class RecordingMonitor extends MockMonitor {

    private final Deserializer deserializer;
    private final List<RecordedResource> recorded = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
        this.deserializer = new Deserializer(log);
    }

    List<RecordedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Answers on a pool thread, not on the thread that called it. The SDK calls the monitor from inside the resource's
     * constructor whenever the inputs are already known, as nearly all are offline, so an inline answer (decoding the
     * inputs twice, the mocks, encoding the state, the SDK formatting the response for its debug log) ran on the
     * program's thread, one resource after another, while the pool's other worker sat idle.
     */
    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        var options = new RecordedResource.Options(request.getProtect(), request.getRetainOnDelete(),
                List.copyOf(request.getIgnoreChangesList()), request.getDeleteBeforeReplace(),
                List.copyOf(request.getAdditionalSecretOutputsList()));
        // The SDK's own helper, which carries the deployment (thread-local in the SDK) to the pool thread. All the work
        // is inside the task: a continuation attached after it could run on the calling thread if the task won the race.
        return ContextAwareCompletableFuture.supplyAsync(() -> {
            var inputs = inputs(request.getObject());
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                recorded.add(new RecordedResource(response.getUrn(), request.getType(), request.getName(),
                        emptyToNull(request.getParent()), emptyToNull(request.getProvider()),
                        request.getDependenciesList().stream().sorted().toList(), request.getCustom(), false,
                        options, inputs));
                return response;
            });
        }).thenCompose(Function.identity());
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        var inputs = inputs(request.getProperties());
        var options = new RecordedResource.Options(false, false, List.of(), false, List.of());
        return super.readResourceAsync(resource, request).thenApply(response -> {
            recorded.add(new RecordedResource(response.getUrn(), request.getType(), request.getName(),
                    emptyToNull(request.getParent()), emptyToNull(request.getProvider()),
                    request.getDependenciesList().stream().sorted().toList(), true, true, options, inputs));
            return response;
        });
    }

    private Map<String, Object> inputs(Struct struct) {
        var inputs = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(field -> {
            var data = deserializer.deserialize(field.getValue());
            if (!data.isKnown()) {
                inputs.put(field.getKey(), RecordedResource.UNKNOWN);
            } else if (data.isSecret()) {
                inputs.put(field.getKey(), RecordedResource.SECRET);
            } else {
                data.getValueOptional().ifPresent(value -> inputs.put(field.getKey(), PlainValues.plain(value)));
            }
        });
        return Collections.unmodifiableMap(inputs);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
