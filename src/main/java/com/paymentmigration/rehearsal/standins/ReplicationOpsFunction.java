package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * lambda/replication-ops' contract ({@code ReplicationOps.handle}): the event's {@code operation} and fields, its
 * answers, and its errors by class name ({@code OperationException} for a bad event or a refused operation,
 * {@code PrerequisitesMissingException} naming what a database lacks). Stateful: replication slots per database with
 * increasing LSNs, the sequence syncs with their virtual time, the prerequisites a scenario takes away, and the drain
 * markers: the table exists on a database once a marker was written there (the function creates it), and a marker
 * is seen on the other database once replication has applied it ({@link MarkerReplication}).
 */
public final class ReplicationOpsFunction {

    static final String HANDLER = "com.paymentmigration.lambda.replicationops.ReplicationOpsHandler::handleRequest";
    private static final String ERRORS = "com.paymentmigration.lambda.replicationops.";
    static final String OPERATION_ERROR = ERRORS + "OperationException";
    static final String PREREQUISITES_ERROR = ERRORS + "PrerequisitesMissingException";
    private static final List<String> DATABASES = List.of("onprem", "aurora");
    /** As the function lists them (Prerequisites.ITEMS). */
    private static final List<String> CHECKED = List.of("wal_level", "max_replication_slots", "max_wal_senders",
            "wal_sender_timeout", "logical decoding", "replication role", "session_replication_role",
            "control schema", "drain marker", "tables selected", "primary keys", "identity columns", "table privileges");
    /** pg_create_logical_replication_slot's positions advance with WAL; any increasing sequence serves. */
    private static final long LSN_STEP = 0x2_0000;

    /** One syncSequences call that succeeded. */
    public record SequenceSync(Instant at, String from, String to) {
    }

    /** One slot's life: where it starts, when it was created and (if) dropped. */
    public record Slot(String database, String name, String lsn, Instant created, Optional<Instant> dropped) {
    }

    /** Whether replication has applied, by {@code now}, a row committed on {@code source} at {@code committed}. */
    @FunctionalInterface
    public interface MarkerReplication {
        boolean applied(String source, String target, Instant committed, Instant now);
    }

    /** One marker written: where and when. */
    public record Marker(String database, String marker, Instant written) {
    }

    /** One drainMarkerSeen call and its answer. */
    public record DrainCheck(Instant at, String database, String marker, boolean seen) {
    }

    private final Map<String, String> missingPrerequisites = new LinkedHashMap<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<DrainCheck> drainChecks = new ArrayList<>();
    private MarkerReplication replication = (source, target, committed, now) -> false;
    private final List<SequenceSync> syncs = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private long nextLsn = 0x1_6B3_7A0L;

    /** {@code checkPrerequisites} on {@code database} fails from now on, naming {@code missing}. */
    public void withhold(String database, String missing) {
        if (!DATABASES.contains(database)) {
            throw new IllegalArgumentException("database must be one of " + DATABASES + ", not " + database);
        }
        missingPrerequisites.put(database, missing);
    }

    public List<SequenceSync> sequenceSyncs() {
        return List.copyOf(syncs);
    }

    public List<Slot> slots() {
        return List.copyOf(slots);
    }

    public List<Marker> drainMarkers() {
        return List.copyOf(markers);
    }

    public List<DrainCheck> drainChecks() {
        return List.copyOf(drainChecks);
    }

    void markerReplication(MarkerReplication replication) {
        this.replication = replication;
    }

    /** A slot the stack's DMS endpoint created when a CDC task first ran (DMS names it; the function finds it idle). */
    void slotCreatedByDms(String database, String name, Instant at) {
        if (live(database, name).isEmpty()) {
            slots.add(new Slot(database, name, lsn(), at, Optional.empty()));
        }
    }

    JsonNode handle(JsonNode event, Instant at) throws FunctionError {
        var operation = event == null ? "" : event.path("operation").asText("");
        var answer = SdkShapes.JSON.createObjectNode();
        switch (operation) {
            case "checkPrerequisites" -> {
                var database = database(event.path("database").asText(null), "database");
                text(event, "controlSchema");
                strings(event, "include");
                strings(event, "exclude");
                if (missingPrerequisites.containsKey(database)) {
                    throw new FunctionError(PREREQUISITES_ERROR, database + " is not ready for replication: "
                            + missingPrerequisites.get(database));
                }
                answer.put("database", database);
                CHECKED.forEach(answer.putArray("checked")::add);
            }
            case "syncSequences" -> {
                var from = database(event.path("from").asText(null), "from");
                var to = database(event.path("to").asText(null), "to");
                if (from.equals(to)) {
                    throw new FunctionError(OPERATION_ERROR, "'from' and 'to' are both " + from
                            + "; sequences move between the two");
                }
                strings(event, "include");
                strings(event, "exclude");
                syncs.add(new SequenceSync(at, from, to));
                answer.putObject("sequences");
            }
            case "createSlot" -> {
                var database = database(event.path("database").asText(null), "database");
                var name = slotName(event);
                live(database, name).ifPresent(slot -> drop(slot, at));
                var slot = new Slot(database, name, lsn(), at, Optional.empty());
                slots.add(slot);
                answer.put("slotName", name).put("lsn", slot.lsn());
            }
            case "dropSlot" -> {
                var database = database(event.path("database").asText(null), "database");
                var dropped = answer.putArray("dropped");
                if (event.path("idleDecodingSlots").asBoolean(false)) {
                    var keep = strings(event, "keep");
                    for (var slot : List.copyOf(slots)) {
                        if (slot.database().equals(database) && slot.dropped().isEmpty() && !keep.contains(slot.name())) {
                            drop(slot, at);
                            dropped.add(slot.name());
                        }
                    }
                } else {
                    var name = slotName(event);
                    var slot = live(database, name);
                    if (slot.isPresent()) {
                        drop(slot.get(), at);
                        dropped.add(name);
                    }
                }
            }
            case "createChangeSlots" -> {
                var name = slotName(event);
                answer.put("slotName", name);
                for (var database : DATABASES) {
                    live(database, name).ifPresent(slot -> drop(slot, at));
                    var slot = new Slot(database, name, lsn(), at, Optional.empty());
                    slots.add(slot);
                    answer.put(database, slot.lsn());
                }
            }
            case "dropChangeSlots" -> {
                var name = slotName(event);
                var dropped = answer.putArray("dropped");
                for (var database : DATABASES) {
                    live(database, name).ifPresent(slot -> {
                        drop(slot, at);
                        dropped.add(database);
                    });
                }
            }
            case "truncateTables" -> {
                var database = database(event.path("database").asText(null), "database");
                if (!database.equals("aurora")) {
                    throw new FunctionError(OPERATION_ERROR, "truncateTables empties the full load's target, aurora, "
                            + "never " + database);
                }
                strings(event, "exclude");
                strings(event, "include").forEach(answer.putArray("truncated")::add);
            }
            case "reportSlotLag" -> {
                text(event, "environment");
                DATABASES.forEach(database -> answer.put(database, 0L));
            }
            case "writeDrainMarker" -> {
                var database = database(event.path("database").asText(null), "database");
                // Repeatable across runs: the n-th marker of a rehearsal always has the same id.
                var marker = UUID.nameUUIDFromBytes(("drain-marker-" + markers.size()).getBytes(StandardCharsets.UTF_8));
                markers.add(new Marker(database, marker.toString(), at));
                answer.put("marker", marker.toString());
            }
            case "drainMarkerSeen" -> {
                var database = database(event.path("database").asText(null), "database");
                var marker = text(event, "marker");
                try {
                    UUID.fromString(marker);
                } catch (IllegalArgumentException e) {
                    throw new FunctionError(OPERATION_ERROR, "'marker' must be the UUID writeDrainMarker returned, not "
                            + marker);
                }
                if (markers.stream().noneMatch(m -> m.database().equals(database))) {
                    throw new FunctionError(OPERATION_ERROR, "migration_control.drain_marker does not exist on "
                            + database + ", so no drain marker can arrive there");
                }
                var seen = markers.stream().filter(m -> m.marker().equals(marker)).findFirst()
                        .map(m -> m.database().equals(database) || replication.applied(m.database(), database,
                                m.written(), at)).orElse(false);
                drainChecks.add(new DrainCheck(at, database, marker, seen));
                answer.put("seen", seen);
            }
            default -> throw new FunctionError(OPERATION_ERROR, "unknown operation '" + operation + "'; one of "
                    + "checkPrerequisites, syncSequences, createSlot, dropSlot, createChangeSlots, dropChangeSlots, "
                    + "truncateTables, reportSlotLag, writeDrainMarker, drainMarkerSeen");
        }
        return answer;
    }

    /** The slot of that name on that database, unless it was dropped. */
    Optional<Slot> live(String database, String name) {
        return slots.stream().filter(s -> s.database().equals(database) && s.name().equals(name) && s.dropped().isEmpty())
                .findFirst();
    }

    private void drop(Slot slot, Instant at) {
        slots.set(slots.indexOf(slot), new Slot(slot.database(), slot.name(), slot.lsn(), slot.created(), Optional.of(at)));
    }

    /** PostgreSQL's pg_lsn text form: two hexadecimal halves. */
    private String lsn() {
        nextLsn += LSN_STEP;
        return Long.toHexString(nextLsn >>> 32).toUpperCase() + "/" + Long.toHexString(nextLsn & 0xFFFF_FFFFL).toUpperCase();
    }

    private static String database(String name, String field) throws FunctionError {
        if (name == null || !DATABASES.contains(name)) {
            throw new FunctionError(OPERATION_ERROR, "'" + field + "' must be \"onprem\" or \"aurora\", not " + name);
        }
        return name;
    }

    private static String slotName(JsonNode event) throws FunctionError {
        var name = text(event, "slotName");
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new FunctionError(OPERATION_ERROR, "'slotName' must be 1 to 63 lower-case letters, digits or "
                    + "underscores, not " + name);
        }
        return name;
    }

    private static String text(JsonNode event, String field) throws FunctionError {
        if (!event.path(field).isTextual() || event.path(field).asText().isBlank()) {
            throw new FunctionError(OPERATION_ERROR, "the event lacks '" + field + "'");
        }
        return event.path(field).asText();
    }

    private static List<String> strings(JsonNode event, String field) throws FunctionError {
        var node = event.path(field);
        if (!node.isMissingNode() && !node.isArray()) {
            throw new FunctionError(OPERATION_ERROR, "'" + field + "' must be a list of strings");
        }
        var values = new ArrayList<String>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
