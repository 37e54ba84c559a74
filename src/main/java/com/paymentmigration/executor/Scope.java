package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables ("Passing data between states with variables"). The top-level states share one scope; each
 * Parallel branch and inline Map iteration runs in a scope of its own that reads the outer ones, and its assignments
 * stay inside it. A distributed Map's child execution starts from an empty root scope: it sees no outer variable.
 */
final class Scope {

    private final Scope parent;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    private Scope(Scope parent) {
        this.parent = parent;
    }

    static Scope root() {
        return new Scope(null);
    }

    Scope child() {
        return new Scope(this);
    }

    /** The variables visible here, inner ones over outer ones of the same name. */
    Map<String, JsonNode> visible() {
        var all = parent == null ? new LinkedHashMap<String, JsonNode>() : new LinkedHashMap<>(parent.visible());
        all.putAll(values);
        return all;
    }

    /** Takes effect after the assigning state: every expression of that state read the values from its entry. */
    void assign(Map<String, JsonNode> assigned) {
        values.putAll(assigned);
    }
}
