package com.paymentmigration.core;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Output helpers the SDK lacks. */
public final class Outputs {

    private Outputs() {
    }

    /** A map of outputs as one output of the map, keys in the given order. */
    public static Output<Map<String, String>> resolved(Map<String, Output<String>> outputs) {
        var keys = List.copyOf(outputs.keySet());
        return Output.all(keys.stream().map(outputs::get).toList()).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), values.get(i));
            }
            return map;
        });
    }
}
