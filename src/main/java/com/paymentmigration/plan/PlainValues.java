package com.paymentmigration.plan;

import com.pulumi.asset.AssetOrArchive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns deserialized Pulumi values into plain, sorted Java values that serialize the same way every time. */
final class PlainValues {

    private PlainValues() {
    }

    static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), plain(v)));
            return new LinkedHashMap<>(sorted);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        // Lambda code and other assets: record what the engine would upload, e.g. {"archive": {"path": "..."}}.
        if (value instanceof AssetOrArchive asset) {
            var internal = AssetOrArchive.AssetOrArchiveInternal.from(asset);
            var kind = asset instanceof com.pulumi.asset.Archive ? "archive" : "asset";
            return new LinkedHashMap<String, Object>(Map.of(kind, Map.of(internal.getPropName(), String.valueOf(internal.getValue()))));
        }
        // Protobuf carries every number as a double; 365.0 reads wrong in a plan of retention days.
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return value;
    }
}
