package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Route 53: the hosted zone the plan's weighted records live in, with those record sets. A change batch is checked
 * as Route 53 checks it (the whole batch or nothing: CREATE of an existing set, DELETE of one that differs, an alias
 * with a TTL, a weighted set without a weight or identifier, a weight outside 0..255) and applied atomically.
 */
public final class HostedZones implements StandIn {

    private final Map<String, Map<String, ResourceRecordSet>> zones = new LinkedHashMap<>();
    private final List<Map<String, Long>> weightHistory = new ArrayList<>();
    private int changes;

    @SuppressWarnings("unchecked")
    HostedZones(PlannedStack stack) {
        for (var record : stack.ofType("aws:route53/record:Record")) {
            var set = ResourceRecordSet.builder().name(record.stringInput("name")).type(record.stringInput("type"))
                    .setIdentifier(record.stringInput("setIdentifier"));
            record.input("weightedRoutingPolicies.0.weight").ifPresent(w -> set.weight(((Number) w).longValue()));
            record.input("ttl").ifPresent(ttl -> set.ttl(((Number) ttl).longValue()));
            record.input("records").ifPresent(values -> set.resourceRecords(((List<Object>) values).stream()
                    .map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(String.valueOf(v))
                            .build()).toList()));
            record.input("aliases.0").ifPresent(alias -> {
                var a = (Map<String, Object>) alias;
                set.aliasTarget(t -> t.dnsName(String.valueOf(a.get("name"))).hostedZoneId(String.valueOf(a.get("zoneId")))
                        .evaluateTargetHealth(Boolean.TRUE.equals(a.get("evaluateTargetHealth"))));
            });
            Optional.ofNullable(record.stringInput("healthCheckId")).ifPresent(set::healthCheckId);
            var built = set.build();
            zones.computeIfAbsent(record.stringInput("zoneId"), z -> new LinkedHashMap<>()).put(key(built), built);
        }
        zones.keySet().forEach(zone -> weightHistory.add(weights(zone)));
    }

    @Override
    public String errorPrefix() {
        return "Route53";
    }

    @Override
    public String validationError() {
        return "InvalidInput";
    }

    /** Set identifier to weight, for the zone's weighted sets. */
    public Map<String, Long> weights(String zoneId) {
        var weights = new LinkedHashMap<String, Long>();
        zones.getOrDefault(zoneId, Map.of()).values().stream().filter(s -> s.weight() != null)
                .forEach(s -> weights.put(s.setIdentifier(), s.weight()));
        return weights;
    }

    public List<Map<String, Long>> weightHistory() {
        return List.copyOf(weightHistory);
    }

    public java.util.Set<String> zoneIds() {
        return zones.keySet();
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        var request = call.request(ChangeResourceRecordSetsRequest.class);
        var zoneId = request.hostedZoneId().replaceFirst("^/hostedzone/", "");
        call.authorize("route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/" + zoneId);
        var zone = zones.get(zoneId);
        if (zone == null) {
            throw call.error("NoSuchHostedZone", "No hosted zone found with ID: " + zoneId);
        }
        var next = new LinkedHashMap<>(zone);
        for (var change : request.changeBatch().changes()) {
            var set = change.resourceRecordSet();
            check(call, set);
            var existing = next.get(key(set));
            if (change.action() == ChangeAction.CREATE && existing != null) {
                throw call.error("InvalidChangeBatch", "Tried to create resource record set " + describe(set)
                        + " but it already exists");
            }
            if (change.action() == ChangeAction.DELETE && !set.equals(existing)) {
                throw call.error("InvalidChangeBatch", "Tried to delete resource record set " + describe(set)
                        + " but it was not found or its values do not match");
            }
            if (change.action() == ChangeAction.DELETE) {
                next.remove(key(set));
            } else {
                next.put(key(set), set);
            }
        }
        zones.put(zoneId, next);
        weightHistory.add(weights(zoneId));
        var info = ChangeInfo.builder().id("/change/C" + String.format("%012d", ++changes)).status(ChangeStatus.PENDING)
                .submittedAt(call.time()).comment(request.changeBatch().comment()).build();
        return SdkShapes.write(ChangeResourceRecordSetsResponse.builder().changeInfo(info).build());
    }

    private void check(Call call, ResourceRecordSet set) throws TaskFailure {
        boolean alias = set.aliasTarget() != null;
        if (alias && (set.ttl() != null || set.hasResourceRecords())) {
            throw call.error("InvalidInput", "Invalid request: an alias resource record set " + describe(set)
                    + " cannot have a TTL or ResourceRecords");
        }
        if (!alias && (set.ttl() == null || !set.hasResourceRecords())) {
            throw call.error("InvalidInput", "Invalid request: " + describe(set) + " needs a TTL and ResourceRecords");
        }
        if ((set.weight() == null) != (set.setIdentifier() == null)) {
            throw call.error("InvalidInput", "Invalid request: a weighted record set needs both Weight and SetIdentifier ("
                    + describe(set) + ")");
        }
        if (set.weight() != null && (set.weight() < 0 || set.weight() > 255)) {
            throw call.error("InvalidInput", "Invalid request: Weight " + set.weight() + " is outside 0..255");
        }
    }

    private static String key(ResourceRecordSet set) {
        return normalise(set.name()) + "|" + set.typeAsString() + "|" + set.setIdentifier();
    }

    private static String normalise(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String describe(ResourceRecordSet set) {
        return "[name='" + set.name() + "', type='" + set.typeAsString() + "', set-identifier='" + set.setIdentifier() + "']";
    }
}
