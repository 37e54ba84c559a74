package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Arguments, Output and Assign in AWS's order, variable scopes, $states, and undefined results. */
class DataFlowTest {

    @Test
    void outputAndAssignBothReadTheVariablesAsTheyWereOnEntryAndAssignmentsShowFromTheNextState() {
        var execution = run("Init", """
                {'Init': {'Type': 'Pass', 'Assign': {'x': 1, 'y': 10}, 'Next': 'Bump'},
                 'Bump': {'Type': 'Pass', 'Assign': {'x': '{% $x + 1 %}', 'y': '{% $x %}'},
                          'Output': {'xSeenByOutput': '{% $x %}'}, 'Next': 'Read'},
                 'Read': {'Type': 'Pass', 'Output': {'before': '{% $states.input.xSeenByOutput %}', 'x': '{% $x %}',
                          'y': '{% $y %}'}, 'End': true}}
                """, "{}", noTasks());
        // Output saw x = 1 (not the 2 assigned beside it); y was assigned the x of entry (1), not the new one.
        assertThat(execution.output()).isEqualTo(json("{'before': 1, 'x': 2, 'y': 1}"));
    }

    @Test
    void aTaskEvaluatesArgumentsFromItsInputThenOutputAndAssignFromTheResult() {
        var calls = new ArrayList<JsonNode>();
        var execution = run("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke',
                          'Arguments': {'Payload': '{% $states.input.n * 2 %}'},
                          'Assign': {'got': '{% $states.result.value %}', 'input': '{% $states.input.n %}'},
                          'Output': {'out': '{% $states.result.value + $states.input.n %}'}, 'Next': 'After'},
                 'After': {'Type': 'Pass', 'Output': '{% [$got, $input, $states.input.out] %}', 'End': true}}
                """, "{'n': 3}", call -> {
                    calls.add(call.arguments());
                    return json("{'value': 100}");
                });
        assertThat(calls).containsExactly(json("{'Payload': 6}"));
        assertThat(execution.output()).isEqualTo(json("[100, 3, 103]"));
    }

    @Test
    void withoutArgumentsATaskGetsItsInputAndWithoutOutputItPassesTheResultOn() {
        var calls = new ArrayList<JsonNode>();
        var execution = run("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'End': true}}
                """, "{'a': 1}", call -> {
                    calls.add(call.arguments());
                    return json("{'b': 2}");
                });
        assertThat(calls).containsExactly(json("{'a': 1}"));
        assertThat(execution.output()).isEqualTo(json("{'b': 2}"));
    }

    @Test
    void innerScopesReadOuterVariablesAndKeepTheirAssignmentsToThemselves() {
        var execution = run("Init", """
                {'Init': {'Type': 'Pass', 'Assign': {'outer': 5, 'shared': 'outer'}, 'Next': 'Each'},
                 'Each': {'Type': 'Map', 'Items': [1, 2], 'ItemProcessor': {'StartAt': 'Inner', 'States': {
                            'Inner': {'Type': 'Pass', 'Assign': {'shared': 'inner', 'local': 1}, 'Next': 'Use'},
                            'Use': {'Type': 'Pass', 'Output': '{% $states.input + $outer + $local %}', 'End': true}}},
                          'Next': 'Both'},
                 'Both': {'Type': 'Parallel', 'Branches': [{'StartAt': 'B', 'States': {
                            'B': {'Type': 'Pass', 'Assign': {'shared': 'branch'}, 'Output': '{% $shared %}', 'End': true}}}],
                          'Output': {'map': '{% $states.input %}', 'branch': '{% $states.result[0] %}'}, 'Next': 'After'},
                 'After': {'Type': 'Pass', 'Output': {'map': '{% $states.input.map %}', 'branch': '{% $states.input.branch %}',
                           'shared': '{% $shared %}', 'local': '{% $exists($local) %}'}, 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.output()).isEqualTo(json("{'map': [7, 8], 'branch': 'outer', 'shared': 'outer', 'local': false}"));
    }

    @Test
    void aDistributedMapsChildrenSeeNoOuterVariable() {
        var execution = run("Init", """
                {'Init': {'Type': 'Pass', 'Assign': {'outer': 5}, 'Next': 'Each'},
                 'Each': {'Type': 'Map', 'Items': [1], 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED',
                            'ExecutionType': 'STANDARD'}, 'StartAt': 'Inner', 'States': {
                            'Inner': {'Type': 'Pass', 'Output': {'sees': '{% $exists($outer) %}'}, 'End': true}}},
                          'End': true}}
                """, "{}", noTasks());
        assertThat(execution.output()).isEqualTo(json("[{'sees': false}]"));
        assertThat(execution.children()).singleElement().satisfies(child ->
                assertThat(child.events().get(0).details().path("input").asText()).isEqualTo("1"));
    }

    @Test
    void theContextObjectDescribesExecutionStateAndMachine() {
        var execution = new Executor(noTasks(), ExecutorOptions.defaults().withExecutionName("run-1")
                .withStateMachineName("orders")).execute(Machines.machine("Look", """
                {'Look': {'Type': 'Pass', 'Output': '{% $states.context %}', 'End': true}}
                """), json("{'k': 'v'}"));
        var context = execution.output();
        assertThat(context.path("Execution").path("Id").asText())
                .isEqualTo("arn:aws:states:eu-central-1:123456789012:execution:orders:run-1");
        assertThat(context.path("Execution").path("Name").asText()).isEqualTo("run-1");
        assertThat(context.path("Execution").path("Input")).isEqualTo(json("{'k': 'v'}"));
        assertThat(context.path("Execution").path("StartTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(context.path("Execution").path("RoleArn").asText()).startsWith("arn:aws:iam::");
        assertThat(context.path("State").path("Name").asText()).isEqualTo("Look");
        assertThat(context.path("State").path("EnteredTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(context.path("State").path("RetryCount").asInt()).isZero();
        assertThat(context.path("StateMachine").path("Name").asText()).isEqualTo("orders");
        assertThat(context.has("Task")).as("no task token outside .waitForTaskToken").isFalse();
    }

    @Test
    void anItemSelectorSeesTheItemsIndexAndValueAndTheMapsInput() {
        var execution = run("Each", """
                {'Each': {'Type': 'Map', 'Items': '{% $states.input.list %}',
                          'ItemSelector': {'i': '{% $states.context.Map.Item.Index %}', 'v': '{% $states.context.Map.Item.Value %}',
                                           'tag': '{% $states.input.tag %}'},
                          'ItemProcessor': {'StartAt': 'Echo', 'States': {'Echo': {'Type': 'Pass', 'End': true}}}, 'End': true}}
                """, "{'list': ['a', 'b'], 'tag': 't'}", noTasks());
        assertThat(execution.output()).isEqualTo(json("[{'i': 0, 'v': 'a', 'tag': 't'}, {'i': 1, 'v': 'b', 'tag': 't'}]"));
    }

    @Test
    void anUndefinedResultFailsWithQueryEvaluationErrorWhereverItSits() {
        for (var output : new String[]{"'{% $states.input.missing %}'", "{'a': {'b': ['{% $nothing %}']}}"}) {
            var execution = run("P", "{'P': {'Type': 'Pass', 'Output': " + output + ", 'End': true}}", "{}", noTasks());
            assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).contains("returned nothing (undefined)");
            assertThat(execution.events("EvaluationFailed")).singleElement()
                    .satisfies(e -> assertThat(e.details().path("state").asText()).isEqualTo("P"));
        }
    }

    @Test
    void jsonNullIsAValueAndIntegralNumbersStayIntegers() {
        var execution = run("P", """
                {'P': {'Type': 'Pass', 'Output': {'n': '{% $states.input.n %}', 'half': '{% 10 / 4 %}', 'whole': '{% 10 / 5 %}',
                       'none': null}, 'End': true}}
                """, "{'n': null}", noTasks());
        assertThat(execution.output().toString()).isEqualTo("{\"n\":null,\"half\":2.5,\"whole\":2,\"none\":null}");
    }
}
