package com.paymentmigration.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.paymentmigration.parameters.ParameterKey;

import java.util.List;

/**
 * The weighted name clients use: one record set per backend under the same name and type, told apart by their
 * set identifiers. The weights start at 100/0 and then belong to whoever shifts traffic (the runbook's command or
 * an operator), so a deploy never resets them.
 */
public final class WeightedName {

    public static final String LEGACY = "legacy";
    public static final String NEW = "new";
    public static final int INITIAL_LEGACY_WEIGHT = 100;
    public static final int INITIAL_NEW_WEIGHT = 0;
    /** Short, so that a shift (or a shift back) reaches clients within a minute. */
    public static final int TTL_SECONDS = 60;
    /** Where the weights are mirrored, under the stack's parameter root. */
    public static final ParameterKey LEGACY_WEIGHT_PARAMETER = ParameterKey.DNS_LEGACY_WEIGHT;
    public static final ParameterKey NEW_WEIGHT_PARAMETER = ParameterKey.DNS_NEW_WEIGHT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Both record sets as they are, with given weights.
     *
     * @param legacyHealthCheck health check of the legacy set
     * @param aliasDnsName      the service load balancer's DNS name, target of the new set
     * @param aliasZoneId       the load balancer's own hosted zone (not the record's)
     */
    public record RecordSets(String name, List<String> legacyIps, String legacyHealthCheck, String aliasDnsName,
                             String aliasZoneId, String newHealthCheck) {
        public RecordSets {
            legacyIps = List.copyOf(legacyIps);
        }
    }

    /** The deployed record sets and the hosted zone they are in. */
    public record Zone(String id, RecordSets recordSets) {
    }

    private WeightedName() {
    }

    /**
     * A Route 53 change batch that upserts both sets; the weights are written as {@code legacyWeight} and
     * {@code newWeight} verbatim, so a caller may pass printf placeholders ({@code %d}) as well as numbers.
     */
    public static String changeBatch(RecordSets sets, String legacyWeight, String newWeight) {
        return changeBatch(sets, JSON.getNodeFactory().rawValueNode(new RawValue(legacyWeight)),
                JSON.getNodeFactory().rawValueNode(new RawValue(newWeight))).toString();
    }

    /** As above, with the weights as any JSON value (a state machine passes JSONata expressions). */
    public static ObjectNode changeBatch(RecordSets sets, JsonNode legacyWeight, JsonNode newWeight) {
        var root = JSON.createObjectNode();
        root.put("Comment", "Shift the weighted name " + sets.name() + " between legacy and new");
        var changes = root.putArray("Changes");
        var legacy = recordSet(changes.addObject(), sets.name(), LEGACY, legacyWeight, sets.legacyHealthCheck());
        legacy.put("TTL", TTL_SECONDS);
        var records = legacy.putArray("ResourceRecords");
        sets.legacyIps().forEach(ip -> records.addObject().put("Value", ip));
        var next = recordSet(changes.addObject(), sets.name(), NEW, newWeight, sets.newHealthCheck());
        var alias = next.putObject("AliasTarget");
        alias.put("HostedZoneId", sets.aliasZoneId());
        alias.put("DNSName", sets.aliasDnsName());
        alias.put("EvaluateTargetHealth", true);
        return root;
    }

    private static ObjectNode recordSet(ObjectNode change, String name, String setIdentifier, JsonNode weight,
                                        String healthCheck) {
        change.put("Action", "UPSERT");
        var set = change.putObject("ResourceRecordSet");
        set.put("Name", name);
        set.put("Type", "A");
        set.put("SetIdentifier", setIdentifier);
        set.set("Weight", weight);
        set.put("HealthCheckId", healthCheck);
        return set;
    }
}
