package com.paymentmigration.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.paymentmigration.plan.Diagram;
import com.paymentmigration.plan.Documents;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.policy.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes what a reviewer reads: resources.json, outputs.json, documents/, diagram.mmd and findings.json. */
public final class PlanWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanWriter() {
    }

    /** Replaces {@code out} with this plan's files; returns how many documents were written. */
    public static int write(Path out, StackRun run, List<Finding> findings) {
        try {
            clean(out);
            Files.createDirectories(out.resolve("documents"));
            JSON.writeValue(out.resolve("resources.json").toFile(), run.resources().stream().map(PlanWriter::entry).toList());
            JSON.writeValue(out.resolve("outputs.json").toFile(), run.outputs());
            JSON.writeValue(out.resolve("findings.json").toFile(), findings);
            Files.writeString(out.resolve("diagram.mmd"), Diagram.mermaid(run));
            var written = new HashSet<String>();
            int count = 0;
            for (var resource : run.resources()) {
                for (var document : Documents.of(resource)) {
                    var name = document.fileName();
                    // Two resources of different types may share a logical name; keep both documents.
                    if (!written.add(name)) {
                        name = Diagram.shortType(resource.type()).replace(' ', '-') + "." + name;
                        written.add(name);
                    }
                    var body = document.parsed() != null ? JSON.writeValueAsString(document.parsed()) : document.text();
                    Files.writeString(out.resolve("documents").resolve(name), body + "\n");
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + out, e);
        }
    }

    private static Map<String, Object> entry(RecordedResource r) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("urn", r.urn());
        entry.put("type", r.type());
        entry.put("name", r.name());
        entry.put("parent", r.parent());
        entry.put("provider", r.provider());
        entry.put("dependsOn", r.dependsOn());
        entry.put("custom", r.custom());
        entry.put("read", r.read());
        entry.put("options", r.options());
        entry.put("inputs", r.inputs());
        return entry;
    }

    private static void clean(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(out)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
