package com.paymentmigration.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's packages and which of them each one uses, read from the Java sources: imports (static and
 * wildcard included) and fully qualified names in code. Comments and string literals are not code, so a class name
 * in a Javadoc or in a handler string is no dependency.
 */
final class SourcePackages {

    static final String ROOT = "com.paymentmigration";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    /** A qualified name of ours: lower-case segments are the package, the first capitalised one (or *) ends it. */
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT) + "((?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*|\\*)");

    /** package -> package it uses -> the files of the first package that use it. */
    private final Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
    private final Map<Path, Integer> lineCounts = new TreeMap<>();

    /** The node of the graph a class belongs to (given as package and simple name; * for a wildcard import). */
    private final BinaryOperator<String> node;

    private SourcePackages(BinaryOperator<String> node) {
        this.node = node;
    }

    static SourcePackages read(Path sourceRoot) {
        return read(sourceRoot, (pkg, type) -> pkg);
    }

    /** As {@link #read(Path)}, with some classes counted as a node of their own: {@code node} names each one's node. */
    static SourcePackages read(Path sourceRoot, BinaryOperator<String> node) {
        var packages = new SourcePackages(node);
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                packages.add(sourceRoot.relativize(file), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private void add(Path file, String source) {
        lineCounts.put(file, (int) source.lines().count());
        var code = JavaText.withoutCommentsAndLiterals(source);
        var declared = PACKAGE.matcher(code);
        var type = file.getFileName().toString().replaceFirst("\\.java$", "");
        var own = node.apply(declared.find() ? declared.group(1) : "", type);
        uses.computeIfAbsent(own, p -> new TreeMap<>());
        var references = REFERENCE.matcher(code);
        while (references.find()) {
            var used = node.apply(ROOT + references.group(1), references.group(2));
            if (!used.equals(own)) {
                uses.get(own).computeIfAbsent(used, p -> new TreeSet<>()).add(file.toString());
            }
        }
    }

    Map<Path, Integer> lineCounts() {
        return lineCounts;
    }

    /** Each group of packages that reach one another (a strongly connected component of two or more), sorted. */
    List<Set<String>> cycles() {
        var cycles = new ArrayList<Set<String>>();
        new Tarjan(uses, cycles).run();
        return cycles;
    }

    /** The edges inside a cycle, with the files that make each one, for a failure message that says what to cut. */
    String describe(Set<String> cycle) {
        var text = new StringBuilder();
        for (var from : cycle) {
            uses.get(from).forEach((to, files) -> {
                if (cycle.contains(to)) {
                    text.append("\n  ").append(from).append(" -> ").append(to).append(" in ").append(files);
                }
            });
        }
        return text.toString();
    }

    /** Tarjan's strongly connected components, iterative so that no package graph can overflow the stack. */
    private static final class Tarjan {
        private final Map<String, Map<String, Set<String>>> graph;
        private final List<Set<String>> cycles;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private int next;

        Tarjan(Map<String, Map<String, Set<String>>> graph, List<Set<String>> cycles) {
            this.graph = graph;
            this.cycles = cycles;
        }

        void run() {
            for (var node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
        }

        private void visit(String root) {
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            enter(root, work);
            while (!work.isEmpty()) {
                var frame = work.peek();
                var node = frame.getKey();
                if (!frame.getValue().isEmpty()) {
                    var target = frame.getValue().remove(0);
                    if (!index.containsKey(target)) {
                        enter(target, work);
                    } else if (onStack.contains(target)) {
                        low.merge(node, index.get(target), Math::min);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    low.merge(work.peek().getKey(), low.get(node), Math::min);
                }
                if (low.get(node).equals(index.get(node))) {
                    var component = new TreeSet<String>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        cycles.add(component);
                    }
                }
            }
        }

        private void enter(String node, Deque<Map.Entry<String, List<String>>> work) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            work.push(Map.entry(node, new ArrayList<>(graph.getOrDefault(node, Map.of()).keySet())));
        }
    }
}
