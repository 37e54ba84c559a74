package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most one direction runs, and each writer flip carries sequences and slots with it: checked on the definitions as
 * graphs. "X guards Y" means every path from StartAt to Y passes through X (remove X and Y is unreachable).
 */
class DirectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Targets T = SampleTargets.targets();
    private static final JsonNode MIGRATION = parse(MigrationDefinition.of(T, SampleTargets.settings())
            .definition("m", MigrationDefinition.TIMEOUT_SECONDS));
    private static final JsonNode ROLLBACK = parse(RollbackDefinition.of(T, SampleTargets.settings())
            .definition("r", RollbackDefinition.TIMEOUT_SECONDS));

    @Test
    void everyStartOfATaskInEitherMachineIsGuardedByTheOtherDirectionBeingAtRest() {
        for (var definition : List.of(MIGRATION, ROLLBACK)) {
            var starts = statesCalling(definition, Integration.DMS_START_TASK);
            assertThat(starts).isNotEmpty();
            for (var start : starts) {
                var task = definition.at("/States/" + start + "/Arguments/ReplicationTaskArn").asText();
                var other = task.equals(T.forwardTaskArn()) ? T.reverseTaskArn() : T.forwardTaskArn();
                var guards = guardsOf(definition, other);
                assertThat(guards).as(start + ": a check that the other task is at rest").isNotEmpty();
                assertThat(reachable(definition, guards)).as(start + " reachable around the guard").doesNotContain(start);
            }
        }
    }

    @Test
    void theMigrationStopsTheReverseTaskAndRefusesAStandingCutoverBeforeTheForwardTaskStarts() {
        var start = "Start forward task";
        assertThat(guards(MIGRATION, "Describe reverse task before stopping", start)).isTrue();
        assertThat(guards(MIGRATION, "Check on-prem prerequisites", start)).isTrue();
        assertThat(guards(MIGRATION, "Check Aurora prerequisites", start)).isTrue();
        assertThat(guards(MIGRATION, "Read global writer", start)).isTrue();
        var writer = MIGRATION.at("/States/On-prem is the writer?");
        assertThat(writer.at("/Choices/0/Condition").asText()).contains("$writerBefore = 'onprem'");
        assertThat(MIGRATION.at("/States/" + writer.path("Default").asText() + "/Output/error/Error").asText())
                .isEqualTo("AuroraIsTheWriter");
        // A first start and the first start after a rollback load from an emptied target; anything else resumes.
        var startType = MIGRATION.at("/States/Read forward task/Assign/forwardStart").asText();
        assertThat(startType).contains("'start-replication'", "'reload-target'", "'resume-processing'", "'rolled-back'");
        assertThat(MIGRATION.at("/States/Forward task loads from scratch?/Choices/0/Next").asText())
                .isEqualTo("Empty the Aurora tables");
        assertThat(MIGRATION.at("/States/Empty the Aurora tables/Arguments/Payload/operation").asText())
                .isEqualTo("truncateTables");
    }

    @Test
    void theCutoverCarriesSequencesAndStartsTheReverseTaskAtTheSlotItCreatedInsideTheFreeze() {
        var start = "Start reverse task";
        for (var before : List.of("Freeze writes", "Describe forward task before stopping", "Read global writer at cutover",
                "Carry sequences to Aurora", "Create the reverse slot")) {
            assertThat(guards(MIGRATION, before, start)).as(before + " before " + start).isTrue();
        }
        assertThat(guards(MIGRATION, "Describe reverse task", "Make Aurora the writer")).isTrue();
        assertThat(guards(MIGRATION, "Make Aurora the writer", "Thaw writes")).isTrue();
        assertThat(guards(MIGRATION, "Make Aurora the writer", "Drop the forward slot")).isTrue();

        var sync = MIGRATION.at("/States/Carry sequences to Aurora/Arguments/Payload");
        assertThat(sync.path("operation").asText()).isEqualTo("syncSequences");
        assertThat(sync.path("from").asText() + ">" + sync.path("to").asText()).isEqualTo("onprem>aurora");
        assertThat(sync.path("include").toString()).isEqualTo(JSON.valueToTree(SampleTargets.settings().tableIncludes()).toString());
        var slot = MIGRATION.at("/States/Create the reverse slot");
        assertThat(slot.at("/Arguments/Payload/slotName").asText()).isEqualTo(T.reverseSlotName());
        assertThat(slot.at("/Assign/reverseSlotLsn").asText()).contains("$states.result.Payload.lsn");
        var arguments = MIGRATION.at("/States/" + start + "/Arguments");
        assertThat(arguments.path("StartReplicationTaskType").asText()).isEqualTo("start-replication");
        assertThat(arguments.path("CdcStartPosition").asText()).contains("$reverseSlotLsn");
        var drop = MIGRATION.at("/States/Drop the forward slot/Arguments/Payload");
        assertThat(drop.path("database").asText()).isEqualTo("onprem");
        assertThat(drop.path("idleDecodingSlots").asBoolean()).isTrue();
    }

    @Test
    void theRollbackOnlyEverResumesTheReverseTaskAndCarriesSequencesBackBeforeTheFlip() {
        for (var start : statesCalling(ROLLBACK, Integration.DMS_START_TASK)) {
            assertThat(ROLLBACK.at("/States/" + start + "/Arguments/ReplicationTaskArn").asText()).isEqualTo(T.reverseTaskArn());
            assertThat(ROLLBACK.at("/States/" + start + "/Arguments/StartReplicationTaskType").asText())
                    .isEqualTo("resume-processing");
            assertThat(guards(ROLLBACK, "Describe forward task before stopping", start)).isTrue();
        }
        var sync = ROLLBACK.at("/States/Carry sequences to on-prem/Arguments/Payload");
        assertThat(sync.path("from").asText() + ">" + sync.path("to").asText()).isEqualTo("aurora>onprem");
        assertThat(guards(ROLLBACK, "Drain marker on on-prem?", "Carry sequences to on-prem")).isTrue();
        assertThat(guards(ROLLBACK, "Carry sequences to on-prem", "Make on-prem the writer")).isTrue();
        assertThat(ROLLBACK.at("/States/Carry sequences to on-prem/Catch/0/Next").asText())
                .as("a failure while frozen thaws with Aurora still the writer").isEqualTo(RollbackDefinition.BLOCKED);
        // Afterwards nothing runs: the reverse task is stopped and its slot dropped on every way to the end.
        assertThat(guards(ROLLBACK, "Describe reverse task before stopping", "Drop the reverse slot")).isTrue();
        assertThat(guards(ROLLBACK, "Drop the reverse slot", "Rolled back")).isTrue();
        assertThat(guards(ROLLBACK, "Describe forward task before stopping", "Rolled back")).isTrue();
        assertThat(ROLLBACK.at("/States/Drop the reverse slot/Arguments/Payload/slotName").asText())
                .isEqualTo(T.reverseSlotName());
    }

    // ---- the graph -----------------------------------------------------------------------------------------

    /** Choice states that route onward only when a describe of {@code taskArn} just reported it at rest. */
    private static Set<String> guardsOf(JsonNode definition, String taskArn) {
        var guards = new HashSet<String>();
        definition.path("States").fields().forEachRemaining(e -> {
            var state = e.getValue();
            if (state.path("Resource").asText().equals(Integration.DMS_DESCRIBE_TASKS.resource)
                    && state.at("/Arguments/Filters/0/Values/0").asText().equals(taskArn)) {
                var next = definition.at("/States/" + state.path("Next").asText());
                if (next.path("Type").asText().equals("Choice") && next.at("/Choices/0/Condition").asText()
                        .contains(MigrationDefinition.json(ReplicationSteps.AT_REST))) {
                    guards.add(state.path("Next").asText());
                }
            }
        });
        return guards;
    }

    private static boolean guards(JsonNode definition, String guard, String target) {
        assertThat(definition.path("States").has(guard)).as(guard).isTrue();
        assertThat(definition.path("States").has(target)).as(target).isTrue();
        return reachable(definition, Set.of()).contains(target) && !reachable(definition, Set.of(guard)).contains(target);
    }

    private static Set<String> reachable(JsonNode definition, Set<String> removed) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(definition.path("StartAt").asText()));
        while (!queue.isEmpty()) {
            var name = queue.poll();
            if (removed.contains(name) || !seen.add(name)) {
                continue;
            }
            var state = definition.at("/States/" + name);
            state.path("Choices").forEach(c -> queue.add(c.path("Next").asText()));
            state.path("Catch").forEach(c -> queue.add(c.path("Next").asText()));
            for (var field : List.of("Next", "Default")) {
                if (state.has(field)) {
                    queue.add(state.path(field).asText());
                }
            }
        }
        return seen;
    }

    private static List<String> statesCalling(JsonNode definition, Integration integration) {
        var names = new ArrayList<String>();
        definition.path("States").fields().forEachRemaining(e -> {
            if (e.getValue().path("Resource").asText().equals(integration.resource)) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
