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

    public List<RecordedResource> childrenOf(RecordedResource parent) {
        return resources.stream().filter(r -> parent.urn().equals(r.parent())).toList();
    }

    /** The component (a non-custom resource other than the stack) that a resource belongs to, if any. */
    public java.util.Optional<RecordedResource> componentOf(RecordedResource resource) {
        var byUrn = resources.stream().collect(Collectors.toMap(RecordedResource::urn, r -> r, (a, b) -> a));
        var current = resource.parent() == null ? null : byUrn.get(resource.parent());
        while (current != null && !current.isComponent()) {
            current = current.parent() == null ? null : byUrn.get(current.parent());
        }
        return java.util.Optional.ofNullable(current);
    }
}
