package com.paymentmigration.plan;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** What one offline run of the program registered and exported; the plan's files and the stack tests read this. */
public record StackRun(List<RecordedResource> resources, Map<String, Object> outputs, List<String> errors,
                       List<Throwable> exceptions, List<Invoke> invokes) {

    /** A data-source lookup the program made (token and arguments), e.g. the existing secrets it fetched. */
    public record Invoke(String token, Map<String, Object> args) {
    }

    /** Immutable, so tests may share one run; outputs keep their order and may hold nulls. */
    public StackRun {
        resources = List.copyOf(resources);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        errors = List.copyOf(errors);
        exceptions = List.copyOf(exceptions);
        invokes = List.copyOf(invokes);
    }

    public StackRun(List<RecordedResource> resources, Map<String, Object> outputs, List<String> errors,
                    List<Throwable> exceptions) {
        this(resources, outputs, errors, exceptions, List.of());
    }

    public List<Invoke> invokes(String token) {
        return invokes.stream().filter(i -> i.token().equals(token)).toList();
    }

    public boolean succeeded() {
        return errors.isEmpty() && exceptions.isEmpty();
    }

    public List<RecordedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The resource of that type and logical name; fails listing the names that do exist. */
    public RecordedResource one(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type + " named " + name + "; registered: "
                        + ofType(type).stream().map(RecordedResource::name).collect(Collectors.joining(", "))));
    }

    /** Resources by URN, built once; callers that walk parents or dependencies keep it for the whole walk. */
    public Map<String, RecordedResource> byUrn() {
        return resources.stream().collect(Collectors.toMap(RecordedResource::urn, r -> r, (a, b) -> a));
    }

    /** The component (a non-custom resource other than the stack) that a resource belongs to, if any. */
    public static java.util.Optional<RecordedResource> componentOf(RecordedResource resource,
                                                                     Map<String, RecordedResource> byUrn) {
        var current = resource.parent() == null ? null : byUrn.get(resource.parent());
        while (current != null && !current.isComponent()) {
            current = current.parent() == null ? null : byUrn.get(current.parent());
        }
        return java.util.Optional.ofNullable(current);
    }
}
