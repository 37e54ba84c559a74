package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig.WriterContract;
import com.paymentmigration.parameters.ParameterKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writers' contract, held against both machines' graphs: writers may act on a flag cached up to
 * {@code writerFlagMaxAgeSeconds} and keep a transaction open {@code longestWriteTransactionSeconds}, so no path from
 * setting the freeze reaches the drain gate without waiting out both, and no path from a writer flip reaches the
 * thaw without waiting out the cache. Every such pair in either machine is checked, not named ones.
 */
class FlagWaitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DRAIN_OPERATIONS = Set.of("writeDrainMarker", "drainMarkerSeen");

    @ParameterizedTest(name = "flag age {0} s, transactions {1} s")
    @CsvSource({"5, 5", "1, 0", "60, 600"})
    void theDrainIsMeasuredOnlyAfterTheCachesAndTransactionsAndTheThawOnlyAfterTheCachesAgain(int flagAge, int transaction)
            throws Exception {
        var writers = new WriterContract(flagAge, transaction);
        var s = SampleTargets.settings();
        var settings = new Settings(s.trafficSteps(), s.cdcLatencySeconds(), s.cdcConsecutiveChecks(),
                s.cutoverBakeMinutes(), s.writeFreezeMaxSeconds(), s.tableIncludes(), s.tableExcludes(),
                s.partitionsPerTable(), s.validationConcurrency(), s.shiftsApi(), writers);
        var targets = SampleTargets.targets();
        for (var definition : List.of(MigrationDefinition.of(targets, settings).definition("m", 60),
                RollbackDefinition.of(targets, settings).definition("r", 60))) {
            var states = JSON.readTree(definition).path("States");
            var freezes = names(states, state -> puts(state, targets, Targets.WRITE_FREEZE, "on"));
            var drains = names(states, FlagWaitsTest::measuresDrain);
            var flips = names(states, state -> puts(state, targets, Targets.ACTIVE_WRITER, null));
            var thaws = names(states, state -> puts(state, targets, Targets.WRITE_FREEZE, "off"));
            assertThat(freezes).isNotEmpty();
            assertThat(drains).as("every freeze is drained by the marker").isNotEmpty();
            assertThat(flips).isNotEmpty();
            for (var freeze : freezes) {
                assertThat(reachableWithoutWaiting(states, freeze, writers.freezeWaitSeconds()))
                        .as("from %s without waiting %d s", freeze, writers.freezeWaitSeconds())
                        .doesNotContainAnyElementsOf(drains);
                assertThat(reachableWithoutWaiting(states, freeze, 0)).containsAnyElementsOf(drains);
            }
            for (var flip : flips) {
                assertThat(reachableWithoutWaiting(states, flip, writers.flipWaitSeconds()))
                        .as("from %s without waiting %d s", flip, writers.flipWaitSeconds())
                        .doesNotContainAnyElementsOf(thaws);
                assertThat(reachableWithoutWaiting(states, flip, 0)).containsAnyElementsOf(thaws);
            }
        }
    }

    /**
     * States reachable after {@code from} succeeded (its Next; a failed put changed nothing), by any transition or
     * catch, without passing a Wait of at least {@code seconds}.
     */
    private static Set<String> reachableWithoutWaiting(JsonNode states, String from, int seconds) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>();
        queue.add(states.path(from).path("Next").asText());
        while (!queue.isEmpty()) {
            var name = queue.poll();
            var state = states.path(name);
            if (!seen.add(name) || state.path("Type").asText().equals("Wait") && state.path("Seconds").isInt()
                    && state.path("Seconds").asInt() >= seconds && seconds > 0) {
                continue;
            }
            queue.addAll(DefinitionCheck.transitions(state));
            queue.addAll(DefinitionCheck.catchTargets(state));
        }
        return seen;
    }

    private static Set<String> names(JsonNode states, Predicate<JsonNode> test) {
        var names = new HashSet<String>();
        states.fields().forEachRemaining(e -> {
            if (test.test(e.getValue())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** A put of {@code key} (to {@code value}, or to anything when null). */
    private static boolean puts(JsonNode state, Targets targets, ParameterKey key, String value) {
        return state.path("Resource").asText().equals(Integration.SSM_PUT_PARAMETER.resource)
                && state.at("/Arguments/Name").asText().equals(targets.parameter(key))
                && (value == null || state.at("/Arguments/Value").asText().equals(value));
    }

    private static boolean measuresDrain(JsonNode state) {
        return DRAIN_OPERATIONS.contains(state.at("/Arguments/Payload/operation").asText());
    }
}
