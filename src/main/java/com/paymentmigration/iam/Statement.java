package com.paymentmigration.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One IAM policy statement, built fluently; {@link PolicyDocument} renders it. */
public final class Statement {

    final String sid;
    final String effect;
    final List<String> actions = new ArrayList<>();
    final List<String> resources = new ArrayList<>();
    final Map<String, List<String>> principals = new TreeMap<>();
    /** operator to (condition key to values) */
    final Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();

    private Statement(String sid, String effect) {
        this.sid = sid;
        this.effect = effect;
    }

    public static Statement allow(String sid) {
        return new Statement(sid, "Allow");
    }

    public static Statement deny(String sid) {
        return new Statement(sid, "Deny");
    }

    public Statement actions(String... actions) {
        this.actions.addAll(List.of(actions));
        return this;
    }

    public Statement actions(List<String> actions) {
        this.actions.addAll(actions);
        return this;
    }

    public Statement resources(String... resources) {
        this.resources.addAll(List.of(resources));
        return this;
    }

    public Statement resources(List<String> resources) {
        this.resources.addAll(resources);
        return this;
    }

    public Statement service(String... services) {
        principals.computeIfAbsent("Service", k -> new ArrayList<>()).addAll(List.of(services));
        return this;
    }

    public Statement aws(String... arns) {
        principals.computeIfAbsent("AWS", k -> new ArrayList<>()).addAll(List.of(arns));
        return this;
    }

    /** {@code Principal: "*"}, for deny statements that must bind everyone. */
    public Statement anyone() {
        principals.put("*", List.of());
        return this;
    }

    public Statement condition(String operator, String key, String... values) {
        conditions.computeIfAbsent(operator, k -> new TreeMap<>()).put(key, List.of(values));
        return this;
    }
}
