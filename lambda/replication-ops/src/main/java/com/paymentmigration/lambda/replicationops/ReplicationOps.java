package com.paymentmigration.lambda.replicationops;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The operations the state machines (and the slot-lag schedule) invoke, by the event's {@code operation}:
 * <ul>
 *   <li>{@code checkPrerequisites} {database, include, exclude, controlSchema}: fails naming every missing item</li>
 *   <li>{@code syncSequences} {from, to, include, exclude, margin?}: sequences past the values in use</li>
 *   <li>{@code createSlot} {database, slotName}: a fresh slot and its start LSN</li>
 *   <li>{@code dropSlot} {database, slotName} or {database, idleDecodingSlots: true, keep?}</li>
 *   <li>{@code createChangeSlots} {slotName}: the change slots, one per database, and where each starts</li>
 *   <li>{@code dropChangeSlots} {slotName}: both dropped where present</li>
 *   <li>{@code truncateTables} {database: aurora, include, exclude}: one TRUNCATE before a full load</li>
 *   <li>{@code reportSlotLag} {environment}: retained WAL per database as a CloudWatch metric</li>
 *   <li>{@code writeDrainMarker} {database}: creates the marker table if missing, commits a new marker, returns it</li>
 *   <li>{@code drainMarkerSeen} {database, marker}: whether replication has brought that marker there</li>
 * </ul>
 */
public final class ReplicationOps {

    /** The metric the dashboard and the slot-lag alarm read (embedded metric format: no API call, no permission). */
    public static final String NAMESPACE = "PaymentMigration/Replication";
    public static final String SLOT_METRIC = "OldestSlotRetainedWalBytes";

    private final Connections connections;
    private final PrintStream metrics;
    private final LongSupplier clock;

    public ReplicationOps(Connections connections, PrintStream metrics, LongSupplier clock) {
        this.connections = connections;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Map<String, Object> handle(JsonNode event) {
        var operation = event.path("operation").asText("");
        try {
            return switch (operation) {
                case "checkPrerequisites" -> new Prerequisites(connections).check(database(event, "database"),
                        selection(event), required(event, "controlSchema"));
                case "syncSequences" -> Map.of("sequences", new Sequences(connections).sync(database(event, "from"),
                        database(event, "to"), selection(event), event.path("margin").asLong(Sequences.DEFAULT_MARGIN)));
                case "createSlot" -> new LinkedHashMap<>(new Slots(connections).create(database(event, "database"),
                        required(event, "slotName")));
                case "dropSlot" -> Map.of("dropped", event.path("idleDecodingSlots").asBoolean(false)
                        ? new Slots(connections).dropIdleDecodingSlots(database(event, "database"), strings(event, "keep"))
                        : new Slots(connections).drop(database(event, "database"), required(event, "slotName")));
                case "createChangeSlots" -> new LinkedHashMap<>(new Slots(connections).createOnBoth(required(event, "slotName")));
                case "dropChangeSlots" -> Map.of("dropped", new Slots(connections).dropOnBoth(required(event, "slotName")));
                case "truncateTables" -> Map.of("truncated", new Tables(connections).truncate(database(event, "database"),
                        selection(event)));
                case "reportSlotLag" -> reportSlotLag(required(event, "environment"));
                case "writeDrainMarker" -> Map.of("marker",
                        new DrainMarkers(connections).write(database(event, "database")).toString());
                case "drainMarkerSeen" -> Map.of("seen", new DrainMarkers(connections).seen(database(event, "database"),
                        DrainMarkers.parse(required(event, "marker"))));
                default -> throw new OperationException("unknown operation '" + operation + "'; one of checkPrerequisites, "
                        + "syncSequences, createSlot, dropSlot, createChangeSlots, dropChangeSlots, truncateTables, "
                        + "reportSlotLag, writeDrainMarker, drainMarkerSeen");
            };
        } catch (SQLException e) {
            // Connection and query failures are worth a retry (the state machines retry them); the message says where.
            throw new IllegalStateException(operation + " failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> reportSlotLag(String environment) throws SQLException {
        var line = new LinkedHashMap<String, Object>();
        var values = new LinkedHashMap<String, Object>();
        for (var database : Database.values()) {
            values.put(database.label(), new Slots(connections).retainedWalBytes(database));
        }
        // One line per database: the Database dimension tells the two series apart.
        for (var entry : values.entrySet()) {
            line.clear();
            line.put("_aws", Map.of("Timestamp", clock.getAsLong(), "CloudWatchMetrics", List.of(Map.of(
                    "Namespace", NAMESPACE, "Dimensions", List.of(List.of("Environment", "Database")),
                    "Metrics", List.of(Map.of("Name", SLOT_METRIC, "Unit", "Bytes"))))));
            line.put("Environment", environment);
            line.put("Database", entry.getKey());
            line.put(SLOT_METRIC, entry.getValue());
            metrics.println(Json.write(line));
        }
        return values;
    }

    private static Database database(JsonNode event, String field) {
        return Database.of(event.path(field).isTextual() ? event.path(field).asText() : null, field);
    }

    private static TableSelection selection(JsonNode event) {
        return new TableSelection(strings(event, "include"), strings(event, "exclude"));
    }

    private static String required(JsonNode event, String field) {
        if (!event.path(field).isTextual() || event.path(field).asText().isBlank()) {
            throw new OperationException("the event lacks '" + field + "'");
        }
        return event.path(field).asText();
    }

    private static List<String> strings(JsonNode event, String field) {
        var values = new ArrayList<String>();
        var node = event.path(field);
        if (!node.isMissingNode() && !node.isArray()) {
            throw new OperationException("'" + field + "' must be a list of strings");
        }
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
