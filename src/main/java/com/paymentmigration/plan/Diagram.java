package com.paymentmigration.plan;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Mermaid flowchart a reviewer can read: one box per component holding its resource types with counts, and an
 * arrow where a component's resources depend on another component's.
 */
public final class Diagram {

    private Diagram() {
    }

    public static String mermaid(StackRun run) {
        var byUrn = run.byUrn();
        var contents = new TreeMap<String, Map<String, Integer>>();
        var components = new TreeMap<String, RecordedResource>();
        var edges = new LinkedHashSet<String>();
        for (var resource : run.resources()) {
            if (resource.isComponent()) {
                components.put(resource.urn(), resource);
                continue;
            }
            if (!resource.custom() || resource.isProvider()) {
                continue;
            }
            var owner = StackRun.componentOf(resource, byUrn).map(RecordedResource::urn).orElse("stack");
            contents.computeIfAbsent(owner, k -> new TreeMap<>()).merge(shortType(resource.type()), 1, Integer::sum);
            for (var dependency : resource.dependsOn()) {
                var target = byUrn.get(dependency);
                if (target == null) {
                    continue;
                }
                var targetOwner = target.isComponent() ? target.urn()
                        : StackRun.componentOf(target, byUrn).map(RecordedResource::urn).orElse("stack");
                if (!targetOwner.equals(owner)) {
                    edges.add(id(owner) + " --> " + id(targetOwner));
                }
            }
        }
        var out = new StringBuilder("flowchart LR\n");
        Set<String> drawn = new LinkedHashSet<>(components.keySet());
        if (contents.containsKey("stack")) {
            drawn.add("stack");
        }
        for (var urn : drawn) {
            var label = urn.equals("stack") ? "stack" : components.get(urn).name() + " (" + components.get(urn).type() + ")";
            out.append("  subgraph ").append(id(urn)).append("[\"").append(label).append("\"]\n");
            var types = contents.getOrDefault(urn, Map.of());
            if (types.isEmpty()) {
                out.append("    ").append(id(urn)).append("_empty[\"(no resources yet)\"]\n");
            }
            types.forEach((type, count) -> out.append("    ").append(id(urn + type)).append("[\"").append(type)
                    .append(count > 1 ? " ×" + count : "").append("\"]\n"));
            out.append("  end\n");
        }
        edges.forEach(edge -> out.append("  ").append(edge).append('\n'));
        return out.toString();
    }

    /** {@code aws:s3/bucketV2:BucketV2} reads as {@code s3 BucketV2}. */
    public static String shortType(String type) {
        var parts = type.split(":");
        return parts.length == 3 ? parts[1].split("/")[0] + " " + parts[2] : type;
    }

    private static String id(String text) {
        return "n" + Integer.toHexString(text.hashCode()).replace('-', 'm');
    }
}
