package com.paymentmigration.orchestration;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.dns.WeightedName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Both definitions walked as graphs, their expressions parsed by a JSONata engine, their ARNs held to ours. */
class DefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Targets targets = SampleTargets.targets();
    private final JsonNode migration = parse(MigrationDefinition.of(targets, SampleTargets.settings())
            .definition("migration", MigrationDefinition.TIMEOUT_SECONDS));
    private final JsonNode rollback = parse(RollbackDefinition.of(targets, SampleTargets.settings())
            .definition("rollback", RollbackDefinition.TIMEOUT_SECONDS));

    @Test
    void bothDefinitionsPassTheGraphCheck() {
        assertThat(DefinitionCheck.problems(migration)).isEmpty();
        assertThat(DefinitionCheck.problems(rollback)).isEmpty();
    }

    @Test
    void everyTaskOfTheMigrationRetriesWithBackoffAndCatchesIntoTheRollback() {
        var tasks = allStates(migration).entrySet().stream()
                .filter(e -> List.of("Task", "Map").contains(e.getValue().path("Type").asText())).toList();
        assertThat(tasks).hasSizeGreaterThan(40);
        for (var task : tasks) {
            assertThat(task.getValue().path("Retry").findValuesAsText("BackoffRate")).as(task.getKey()).contains("2.0");
            var catchAll = task.getValue().path("Catch").get(task.getValue().path("Catch").size() - 1);
            assertThat(catchAll.path("ErrorEquals").get(0).asText()).as(task.getKey()).isEqualTo("States.ALL");
        }
        // Top-level catch-alls lead to the rollback start (or, from the failure path itself, to its alert and end).
        var topLevel = states(migration);
        var targetsOfCatches = new TreeSet<String>();
        topLevel.forEach((name, state) -> state.path("Catch").forEach(c -> targetsOfCatches.add(c.path("Next").asText())));
        assertThat(targetsOfCatches).containsExactlyInAnyOrder(MigrationDefinition.ROLL_BACK,
                "Alert rollback not started", MigrationDefinition.FAILED);
        assertThat(topLevel.get(MigrationDefinition.ROLL_BACK).path("Arguments").path("StateMachineArn").asText())
                .isEqualTo(targets.rollbackMachineArn());
        // Every failed gate (a Pass shaped like a caught error) also leads to the rollback start.
        topLevel.values().stream().filter(s -> s.path("Type").asText().equals("Pass") && s.path("Output").has("failedState"))
                .forEach(s -> assertThat(s.path("Next").asText()).isEqualTo(MigrationDefinition.ROLL_BACK));
    }

    @Test
    void everyJsonataExpressionParses() {
        var expressions = new ArrayList<String>();
        collectExpressions(migration, expressions);
        collectExpressions(rollback, expressions);
        assertThat(expressions).hasSizeGreaterThan(80);
        for (var expression : expressions) {
            Jsonata.jsonata(expression);
        }
    }

    @Test
    void everyArnInTheDefinitionsIsOneOfTheStacksOwn() {
        var own = new HashSet<String>(List.of(targets.migrationMachineArn(), targets.rollbackMachineArn(),
                targets.replicationInstanceArn(), targets.forwardTaskArn(), targets.reverseTaskArn(),
                targets.statusTopicArn(), targets.alarmTopicArn(), targets.validatorFunctionArn(),
                targets.replicationOpsFunctionArn(), targets.globalClusterArn()));
        own.addAll(targets.endpointArns());
        own.addAll(targets.secretArns());
        assertThat(DefinitionCheck.arns(migration)).isNotEmpty().isSubsetOf(own);
        assertThat(DefinitionCheck.arns(rollback)).isNotEmpty().isSubsetOf(own);
        assertThat(migration.toString()).contains("\"Bucket\":\"" + targets.checkpointBucket() + "\"")
                .contains("\"RestApiId\":\"a1b2c3d4e5\"").doesNotContain("arn:aws:iam::");
    }

    @Test
    void theMigrationWalksThePhasesInOrder() {
        var order = List.of("Record phase preflight", "Test endpoints", "Check alarms before starting",
                "Record phase replicating", "Start forward task", "Poll full load", "Record phase cdc-catch-up",
                "Measure CDC latency", "Record phase validating", "Validate initial partitions", "Checkpoint before traffic shift",
                "Record phase traffic-shift", "Shift traffic", "Checkpoint before cutover", "Record phase cutover",
                "Create the change slots", "Validate pre-freeze partitions",
                "Freeze writes", "Let writers see the freeze on on-prem", "Write drain marker on on-prem",
                "Look for drain marker on Aurora", "Validate final partitions", "Stop forward task", "Start reverse task",
                "Make Aurora the writer", "Let writers see Aurora as the writer", "Thaw writes", "Record freeze duration",
                "Drop the change slots", "Validate after-thaw partitions", "Record phase baking",
                "Bake after cutover", "Record phase completed", "Migration complete");
        var states = states(migration);
        for (int i = 0; i + 1 < order.size(); i++) {
            assertThat(reachable(states, order.get(i), Set.of())).as(order.get(i) + " leads to " + order.get(i + 1))
                    .contains(order.get(i + 1));
            assertThat(reachable(states, order.get(i + 1), Set.of())).as(order.get(i + 1) + " does not lead back to "
                    + order.get(i)).doesNotContain(order.get(i));
        }
    }

    @Test
    void theCutoverStopsTheForwardTaskBeforeTheReverseOneStartsAndFlipsTheWriterOnlyAfterIt() {
        var states = states(migration);
        // No path from the freeze reaches the reverse task's start without the forward task's stop decision.
        assertThat(reachable(states, "Freeze writes", Set.of("forward task: stop needed?"))).doesNotContain("Start reverse task");
        assertThat(reachable(states, "Freeze writes", Set.of("reverse task: started?", "reverse task: running?")))
                .doesNotContain("Make Aurora the writer");
        assertThat(states.get("Make Aurora the writer").path("Arguments").path("Value").asText()).isEqualTo("aurora");
    }

    @Test
    void theRollbackHandsTheWriterBackOnlyAfterTheReverseDrainAndNeverLeavesWritesFrozen() {
        var states = states(rollback);
        assertThat(reachable(states, "Start", Set.of("Drain marker on on-prem?"))).doesNotContain("Make on-prem the writer");
        assertThat(states.get("Drain marker on on-prem?").path("Choices").get(0).path("Condition").asText())
                .isEqualTo("{% $drainMarkerSeen %}");
        // Every path that froze writes thaws them before it ends, whether on-prem or Aurora ends up the writer, or
        // nobody could tell which. A thaw is any state that writes "off" to the write-freeze flag.
        var thaws = new java.util.TreeSet<String>();
        states.forEach((name, state) -> {
            if (state.path("Arguments").path("Name").asText().equals(targets.parameter(Targets.WRITE_FREEZE))
                    && state.path("Arguments").path("Value").asText().equals("off")) {
                thaws.add(name);
            }
        });
        assertThat(thaws).containsExactlyInAnyOrder("Thaw writes", RollbackDefinition.BLOCKED, "Thaw writes, flip failed",
                RollbackDefinition.WRITER_UNKNOWN);
        for (var end : List.of("Rolled back", "Rollback stopped")) {
            assertThat(reachable(states, "Freeze writes for rollback", thaws)).doesNotContain(end);
        }
        // A failed write of the writer flag is read back before anything is concluded from it.
        assertThat(states.get(RollbackDefinition.FLIP).path("Catch").get(0).path("Next").asText())
                .isEqualTo(RollbackDefinition.FLIP_FAILED);
        assertThat(states.get("Did the flip land?").path("Choices").get(0).path("Next").asText())
                .isEqualTo("Let writers see on-prem as the writer");
        assertThat(states.get("Stop migration runs").path("Items").asText()).isEqualTo("{% $runsToStop %}");
        assertThat(states.get("Migration in flight?").path("Choices").get(0).path("Condition").asText())
                .contains("\"traffic-shift\"").contains("\"cutover\"").doesNotContain("\"completed\"");
    }

    @Test
    void withDnsEachStepMovesBothWeightsInOneBatchAndTheRollbackReturnsThem() {
        var dns = SampleTargets.withDns();
        var withDns = parse(MigrationDefinition.of(dns, SampleTargets.settings()).definition("m", 3600));
        var back = parse(RollbackDefinition.of(dns, SampleTargets.settings()).definition("r", 3600));
        assertThat(DefinitionCheck.problems(withDns)).isEmpty();
        assertThat(DefinitionCheck.problems(back)).isEmpty();
        var states = states(withDns);
        assertThat(reachable(states, "Shift traffic", Set.of())).contains("Record traffic share", "Shift DNS weights");
        var shift = states.get("Shift DNS weights");
        assertThat(shift.path("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:route53:changeResourceRecordSets");
        assertThat(shift.at("/Arguments/HostedZoneId").asText()).isEqualTo(SampleTargets.ZONE.id());
        var changes = shift.at("/Arguments/ChangeBatch/Changes");
        assertThat(changes.get(0).at("/ResourceRecordSet/Weight").asText())
                .isEqualTo("{% 100 - $trafficSteps[$trafficIndex].percent %}");
        assertThat(changes.get(1).at("/ResourceRecordSet/Weight").asText())
                .isEqualTo("{% $trafficSteps[$trafficIndex].percent %}");
        // Everything but the weights is the record sets as deployed: a batch that changed them would rewrite them.
        var batch = shift.at("/Arguments/ChangeBatch").deepCopy();
        ((ObjectNode) batch.at("/Changes/0/ResourceRecordSet")).put("Weight", 1);
        ((ObjectNode) batch.at("/Changes/1/ResourceRecordSet")).put("Weight", 2);
        assertThat(batch).isEqualTo(parse(WeightedName.changeBatch(SampleTargets.ZONE.recordSets(), "1", "2")));
        assertThat(states.get("Shift DNS weights: record new weight").at("/Arguments/Name").asText())
                .isEqualTo("/migration/dev/dns/new-weight");
        var rollbackStates = states(back);
        var legacy = rollbackStates.get("Send all DNS traffic to legacy");
        assertThat(legacy.at("/Arguments/ChangeBatch/Changes/0/ResourceRecordSet/Weight").asText()).isEqualTo("{% 100 %}");
        assertThat(legacy.at("/Arguments/ChangeBatch/Changes/1/ResourceRecordSet/Weight").asText()).isEqualTo("{% 0 %}");
        assertThat(reachable(rollbackStates, "Record traffic share zero", Set.of())).contains("Send all DNS traffic to legacy");
        assertThat(reachable(rollbackStates, "Send all DNS traffic to legacy", Set.of())).contains("Read active writer");
        var expressions = new ArrayList<String>();
        collectExpressions(withDns, expressions);
        collectExpressions(back, expressions);
        expressions.forEach(Jsonata::jsonata);
        var migrationRights = MigrationDefinition.of(dns, SampleTargets.settings()).permissions();
        assertThat(migrationRights.get("route53:ChangeResourceRecordSets"))
                .containsExactly("arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ");
        assertThat(RollbackDefinition.of(dns, SampleTargets.settings()).permissions()).containsKey("route53:ChangeResourceRecordSets");
        assertThat(MigrationDefinition.of(targets, SampleTargets.settings()).permissions())
                .doesNotContainKey("route53:ChangeResourceRecordSets");
    }

    @Test
    void byDnsAloneTheCanaryIsNotTouched() {
        var dnsOnly = parse(MigrationDefinition.of(SampleTargets.withDns(), SampleTargets.settings(false))
                .definition("m", 3600));
        assertThat(DefinitionCheck.problems(dnsOnly)).isEmpty();
        var states = states(dnsOnly);
        assertThat(states).doesNotContainKeys("Shift traffic", "Record traffic share").containsKey("Shift DNS weights");
        assertThat(reachable(states, "Check alarms before traffic step", Set.of("Announce traffic share")))
                .contains("Shift DNS weights", "Shift DNS weights: record new weight");
    }

    @Test
    void trafficStepsComeFromConfigAndEachIsGatedOnTheAlarms() {
        var start = states(migration).get("Start").path("Assign").path("trafficSteps");
        assertThat(start.findValuesAsText("percent")).containsExactly("10", "25", "50", "100");
        assertThat(start.findValuesAsText("bakeSeconds")).containsExactly("300", "300", "600", "600");
        var states = states(migration);
        assertThat(states.get("Check alarms before traffic step: quiet?").path("Default").asText())
                .isEqualTo("Alarm during traffic shift");
        assertThat(reachable(states, "More traffic steps?", Set.of("Check alarms before traffic step")))
                .doesNotContain("Shift traffic");
        assertThat(states.get("Shift traffic").path("Arguments").path("PatchOperations").get(0).path("Path").asText())
                .isEqualTo("/canarySettings/percentTraffic");
    }

    @Test
    void pollingStaysFarBelowTheExecutionHistoryLimit() {
        // About 9 events per poll (wait 2, task 5, choice 2); the worst case of every loop together.
        int events = 9 * (MigrationDefinition.FULL_LOAD_CHECKS + MigrationDefinition.CDC_CHECKS
                + 4 * Steps.TASK_STATE_CHECKS + SampleTargets.settings().writeFreezeMaxSeconds() / ReplicationSteps.DRAIN_POLL_SECONDS
                + 4 * 40 /* endpoint tests */) + 12 * SampleTargets.settings().trafficSteps().size() + 200;
        assertThat(events).as("every loop at its bound at once, which no run can do").isLessThan(20_000);
    }

    @Test
    void theValidationFansOutOverADistributedMapAndResumesUnfinishedPartitions() {
        var map = states(migration).get("Validate initial partitions");
        assertThat(map.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.path("ToleratedFailurePercentage").asInt()).isZero();
        var partition = map.path("ItemProcessor").path("States");
        assertThat(partition.path("initial partition finished?").path("Default").asText())
                .isEqualTo("Validate initial partition");
        assertThat(partition.path("Validate initial partition").path("Retry").get(0).path("ErrorEquals").toString())
                .contains("SchemaMismatchException");
        var plan = states(migration).get("Plan initial validation").path("Arguments").path("Payload");
        assertThat(plan.path("include").toString()).isEqualTo("[\"payments.%\",\"ledger.entries\"]");
        assertThat(plan.path("exclude").toString()).isEqualTo("[\"payments.tmp_%\"]");
    }

    @Test
    void insideTheFreezeOnlyWhatChangedSinceThePreFreezeRunIsCheckedAndNothingMayMove() {
        var states = states(migration);
        var slots = states.get("Create the change slots");
        assertThat(slots.path("Arguments").path("Payload").toString())
                .isEqualTo("{\"operation\":\"createChangeSlots\",\"slotName\":\"migration_changes_dev\"}");
        assertThat(slots.path("Next").asText()).isEqualTo("Plan pre-freeze validation");
        assertThat(states.get("Plan pre-freeze validation").path("Arguments").path("Payload").path("changeSlot").asText())
                .isEqualTo("migration_changes_dev");
        var plan = states.get("Plan final validation").path("Arguments").path("Payload");
        assertThat(plan.path("changesSince").asText()).isEqualTo(
                "{% 'validation/' & $states.context.Execution.Name & '/pre-freeze' %}");
        assertThat(plan.path("options").toString()).isEqualTo("{\"recheckAttempts\":0}");
        // A MATCH that excused differences as transient does not pass inside the freeze; before it, it does.
        assertThat(states.get("final validation passed?").path("Choices").get(0).path("Condition").asText())
                .contains("$validation.transientDifferences = 0");
        assertThat(states.get("pre-freeze validation passed?").path("Choices").get(0).path("Condition").asText())
                .doesNotContain("transientDifferences");
        // The slots are dropped once the freeze is over, and by every rollback.
        assertThat(states.get("Record freeze duration").path("Next").asText()).isEqualTo("Drop the change slots");
        assertThat(states(rollback).get("Drop the change slots").path("Arguments").path("Payload").path("operation").asText())
                .isEqualTo("dropChangeSlots");
        // After the thaw the pair replicating back is validated in full; its mismatch is an error the rollback refuses.
        assertThat(states.get("after-thaw validation failed").path("Output").path("error").path("Error").asText())
                .isEqualTo(ValidationSteps.REVERSE_MISMATCH);
        assertThat(states(rollback).get("On-prem out of step?").path("Choices").get(0).path("Next").asText())
                .isEqualTo("Record phase " + ValidationSteps.REVERSE_OUT_OF_STEP);
    }

    @Test
    void theCheckCatchesWhatItIsMeantToCatch() {
        var broken = (ObjectNode) migration.deepCopy();
        var states = (ObjectNode) broken.get("States");
        ((ObjectNode) states.get("Shift traffic")).remove("Catch");
        ((ObjectNode) states.get("Record traffic share")).remove("Retry");
        ((ObjectNode) states.get("CDC caught up?")).put("Default", "Wait between CDC checks");
        ((ObjectNode) states.get("CDC caught up?")).putArray("Choices").addObject()
                .put("Condition", "{% true %}").put("Next", "Wait between CDC checks");
        states.putObject("Orphan").put("Type", "Succeed");
        ((ObjectNode) states.get("Poll full load")).remove("Assign");
        ((ObjectNode) states.get("Announce cutover")).put("Next", "Nowhere");

        assertThat(DefinitionCheck.problems(broken)).anyMatch(p -> p.contains("Shift traffic has no Catch"))
                .anyMatch(p -> p.contains("Record traffic share has no Retry"))
                .anyMatch(p -> p.contains("Orphan is unreachable"))
                .anyMatch(p -> p.contains("has no exit") && p.contains("Measure CDC latency"))
                .anyMatch(p -> p.contains("has no bound") && p.contains("Poll full load"))
                .anyMatch(p -> p.contains("Announce cutover leads to 'Nowhere'"));
    }

    @Test
    void stateNamesAreUniqueAcrossTheWholeMachine() {
        var names = new ArrayList<String>();
        collectStateNames(migration, names);
        assertThat(names).doesNotHaveDuplicates();
        names.clear();
        collectStateNames(rollback, names);
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void theCheckRejectsADuplicateNameAnywhere() {
        // In two item processors (the defect the validation Maps had).
        var twoProcessors = (ObjectNode) migration.deepCopy();
        var initial = (ObjectNode) twoProcessors.path("States").path("Validate initial partitions").path("ItemProcessor");
        var finalOne = (ObjectNode) twoProcessors.path("States").path("Validate final partitions").path("ItemProcessor");
        ((ObjectNode) finalOne.get("States")).set("Start initial partition",
                initial.path("States").path("Start initial partition").deepCopy());
        assertThat(DefinitionCheck.problems(twoProcessors)).anyMatch(p -> p.contains(
                "state 'Validate final partitions > Start initial partition': repeats a state name already used at "
                        + "state 'Validate initial partitions > Start initial partition'"));

        // Between the top level and a Parallel branch.
        var withBranch = (ObjectNode) migration.deepCopy();
        var parallel = ((ObjectNode) withBranch.get("States")).putObject("Side work");
        parallel.put("Type", "Parallel").put("End", true);
        var branch = parallel.putArray("Branches").addObject().put("StartAt", "Start");
        branch.putObject("States").putObject("Start").put("Type", "Succeed");
        assertThat(DefinitionCheck.problems(withBranch)).anyMatch(p -> p.contains(
                "state 'Side work > branch 0 > Start': repeats a state name already used at state 'Start'"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, JsonNode> states(JsonNode graph) {
        var states = new java.util.LinkedHashMap<String, JsonNode>();
        graph.path("States").fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }

    /** States of the top level and of every item processor. */
    private static Map<String, JsonNode> allStates(JsonNode graph) {
        var all = new java.util.LinkedHashMap<String, JsonNode>();
        states(graph).forEach((name, state) -> {
            all.put(name, state);
            if (state.has("ItemProcessor")) {
                allStates(state.get("ItemProcessor")).forEach((n, s) -> all.put(name + " > " + n, s));
            }
        });
        return all;
    }

    /** States reachable from {@code from} by any transition or catch, not passing through {@code barriers}. */
    private static Set<String> reachable(Map<String, JsonNode> states, String from, Set<String> barriers) {
        assertThat(states).as("state " + from).containsKey(from);
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(from));
        while (!queue.isEmpty()) {
            var name = queue.poll();
            if (!seen.add(name) || barriers.contains(name) && !name.equals(from)) {
                continue;
            }
            var state = states.get(name);
            queue.addAll(DefinitionCheck.transitions(state));
            queue.addAll(DefinitionCheck.catchTargets(state));
        }
        seen.remove(from);
        seen.removeAll(barriers);
        return seen;
    }

    private static void collectStateNames(JsonNode graph, List<String> names) {
        graph.path("States").fields().forEachRemaining(e -> {
            names.add(e.getKey());
            if (e.getValue().has("ItemProcessor")) {
                collectStateNames(e.getValue().get("ItemProcessor"), names);
            }
            e.getValue().path("Branches").forEach(branch -> collectStateNames(branch, names));
        });
    }

    private static void collectExpressions(JsonNode node, List<String> out) {
        if (node.isTextual() && node.asText().startsWith("{%")) {
            var text = node.asText();
            assertThat(text).endsWith(" %}");
            out.add(text.substring(2, text.length() - 2).trim());
        }
        node.forEach(child -> collectExpressions(child, out));
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> assertThat(f).as("no JSONPath '.$' fields").doesNotEndWith(".$"));
        }
    }
}
