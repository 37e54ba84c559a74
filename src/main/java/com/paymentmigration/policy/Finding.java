package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;

/** One violation of a policy rule by one resource. */
public record Finding(String rule, String urn, String type, String name, String message) {

    static Finding of(PolicyRule rule, RecordedResource resource, String message) {
        return new Finding(rule.id(), resource.urn(), resource.type(), resource.name(), message);
    }

    @Override
    public String toString() {
        return "[" + rule + "] " + type + " " + name + ": " + message;
    }
}
