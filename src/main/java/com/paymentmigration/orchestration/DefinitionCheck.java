package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.DefinitionRules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a state machine definition as a graph and lists what breaks the Amazon States Language
 * ({@link DefinitionRules}) or would make it unsafe: a transition to nowhere, a state
 * nothing reaches, a Task or Map without retry or catch-all, a catch that does not lead to the one failure path
 * (for the migration: the rollback), a loop with no exit or no bound. Item processors of Map states are checked the
 * same way, each as its own graph.
 */
public final class DefinitionCheck {

    static final Pattern ARN = Pattern.compile("arn:aws:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:[^\"\\s]+");
    private static final Set<String> RETRYABLE = Set.of("Task", "Map");

    private DefinitionCheck() {
    }

    public static List<String> problems(JsonNode definition) {
        // First the rules of the language itself (JSONata mode, fields, unique names across nested graphs, ...),
        // as CreateStateMachine would hold the definition to them; then our own safety rules.
        var problems = new ArrayList<>(DefinitionRules.problems(definition));
        if (!definition.path("TimeoutSeconds").canConvertToInt()) {
            problems.add("TimeoutSeconds is missing: an execution nobody finishes would run for a year");
        }
        check("", definition, problems, true);
        return problems;
    }

    /** Successors of a state by Next, Default and Choices (not Catch): the paths a healthy run takes. */
    static List<String> transitions(JsonNode state) {
        var next = new ArrayList<String>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(c -> next.add(c.path("Next").asText()));
        return next;
    }

    static List<String> catchTargets(JsonNode state) {
        var targets = new ArrayList<String>();
        state.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
        return targets;
    }

    /** Every ARN a definition names, outside the integrations' own Resource ARNs. */
    public static Set<String> arns(JsonNode definition) {
        var arns = new TreeSet<String>();
        collect(definition, arns);
        return arns;
    }

    private static void collect(JsonNode node, Set<String> arns) {
        if (node.isTextual()) {
            var matcher = ARN.matcher(node.asText());
            while (matcher.find()) {
                if (!matcher.group().startsWith("arn:aws:states:::")) {
                    arns.add(matcher.group());
                }
            }
        }
        node.forEach(child -> collect(child, arns));
    }

    private static void check(String scope, JsonNode graph, List<String> problems, boolean topLevel) {
        var states = new LinkedHashMap<String, JsonNode>();
        graph.path("States").fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue()));
        var startAt = graph.path("StartAt").asText();
        if (!states.containsKey(startAt)) {
            problems.add(scope + "StartAt '" + startAt + "' is not a state");
            return;
        }
        states.forEach((name, state) -> {
            var type = state.path("Type").asText();
            for (var target : java.util.stream.Stream.concat(transitions(state).stream(), catchTargets(state).stream()).toList()) {
                if (!states.containsKey(target)) {
                    problems.add(scope + name + " leads to '" + target + "', which is not a state here");
                }
            }
            boolean terminal = type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
            if (!terminal && !type.equals("Choice") && !state.has("Next")) {
                problems.add(scope + name + " has neither Next nor End");
            }
            if (type.equals("Choice") && !state.has("Default")) {
                problems.add(scope + name + " has no Default: an unmatched input would fail the run outside any Catch");
            }
            if (RETRYABLE.contains(type)) {
                checkRetryAndCatch(scope + name, state, problems);
            }
            if (type.equals("Map")) {
                check(scope + name + " > ", state.path("ItemProcessor"), problems, false);
            }
        });
        var reachable = reach(startAt, states, true);
        states.keySet().stream().filter(n -> !reachable.contains(n))
                .forEach(n -> problems.add(scope + n + " is unreachable"));
        if (topLevel) {
            checkSingleFailurePath(scope, states, problems);
        }
        checkLoops(scope, states, problems);
    }

    private static void checkRetryAndCatch(String name, JsonNode state, List<String> problems) {
        boolean backoff = false;
        for (var retrier : state.path("Retry")) {
            if (retrier.path("MaxAttempts").asInt(3) > 0 && retrier.path("BackoffRate").asDouble(2.0) > 1.0) {
                backoff = true;
            }
        }
        if (!backoff) {
            problems.add(name + " has no Retry with backoff");
        }
        boolean catchAll = false;
        for (var handler : state.path("Catch")) {
            for (var error : handler.path("ErrorEquals")) {
                catchAll |= error.asText().equals("States.ALL");
            }
        }
        if (!catchAll) {
            problems.add(name + " has no Catch for States.ALL");
        }
    }

    /**
     * All catch-alls of the top level lead into one failure path: the state the first Task's catch-all names and
     * everything reachable from it (the rollback start, its alert, the final Fail), directly or through states of
     * their own (the rollback's "thaw writes first") that end there.
     */
    private static void checkSingleFailurePath(String scope, Map<String, JsonNode> states, List<String> problems) {
        String entry = null;
        for (var state : states.values()) {
            if (RETRYABLE.contains(state.path("Type").asText()) && state.has("Catch")) {
                entry = lastCatchTarget(state);
                break;
            }
        }
        if (entry == null || !states.containsKey(entry)) {
            return;
        }
        var failurePath = reach(entry, states, true);
        for (var e : states.entrySet()) {
            var target = lastCatchTarget(e.getValue());
            if (RETRYABLE.contains(e.getValue().path("Type").asText()) && !failurePath.contains(target)
                    && !reach(target, states, false).contains(entry)) {
                problems.add(scope + e.getKey() + " catches into '" + lastCatchTarget(e.getValue())
                        + "', outside the failure path that starts at '" + entry + "'");
            }
        }
    }

    private static String lastCatchTarget(JsonNode state) {
        var catches = state.path("Catch");
        return catches.isEmpty() ? "" : catches.get(catches.size() - 1).path("Next").asText();
    }

    /**
     * Each cycle of normal transitions needs a way out (a Choice edge leaving it) and a bound: a counter the cycle
     * increments ({@code + 1} in an Assign) or a clock it reads ({@code $millis()}) in the exit's condition.
     */
    private static void checkLoops(String scope, Map<String, JsonNode> states, List<String> problems) {
        for (var component : stronglyConnected(states)) {
            boolean cycle = component.size() > 1
                    || transitions(states.get(component.iterator().next())).contains(component.iterator().next());
            if (!cycle) {
                continue;
            }
            boolean exit = false;
            boolean bound = false;
            for (var name : component) {
                var state = states.get(name);
                for (var next : transitions(state)) {
                    exit |= !component.contains(next);
                }
                var text = state.toString();
                bound |= state.has("Assign") && text.contains("+ 1");
                bound |= state.path("Type").asText().equals("Choice") && text.contains("$millis()");
                bound |= state.path("Type").asText().equals("Choice") && text.contains("$count(");
            }
            if (!exit) {
                problems.add(scope + "loop " + component + " has no exit");
            }
            if (!bound) {
                problems.add(scope + "loop " + component + " has no bound (no counter and no clock)");
            }
        }
    }

    private static Set<String> reach(String from, Map<String, JsonNode> states, boolean withCatch) {
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>(List.of(from));
        while (!queue.isEmpty()) {
            var name = queue.poll();
            if (!states.containsKey(name) || !seen.add(name)) {
                continue;
            }
            queue.addAll(transitions(states.get(name)));
            if (withCatch) {
                queue.addAll(catchTargets(states.get(name)));
            }
        }
        return seen;
    }

    /** Tarjan's algorithm over normal transitions. */
    private static List<Set<String>> stronglyConnected(Map<String, JsonNode> states) {
        var index = new HashMap<String, Integer>();
        var low = new HashMap<String, Integer>();
        var stack = new ArrayDeque<String>();
        var onStack = new java.util.HashSet<String>();
        var components = new ArrayList<Set<String>>();
        int[] counter = {0};
        for (var name : states.keySet()) {
            if (!index.containsKey(name)) {
                strongConnect(name, states, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void strongConnect(String v, Map<String, JsonNode> states, Map<String, Integer> index,
                                      Map<String, Integer> low, ArrayDeque<String> stack, Set<String> onStack,
                                      List<Set<String>> components, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (var w : transitions(states.get(v))) {
            if (!states.containsKey(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                strongConnect(w, states, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            var component = new LinkedHashSet<String>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }
}
