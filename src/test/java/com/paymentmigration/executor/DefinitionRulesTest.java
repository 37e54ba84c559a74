package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.machine;
import static com.paymentmigration.executor.Machines.noTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definitions that break an ASL rule are refused before running, each problem naming the state and the field. */
class DefinitionRulesTest {

    private static List<String> problems(String definition) {
        return DefinitionRules.problems(json(definition));
    }

    private static List<String> problemsOf(String states) {
        try {
            return DefinitionRules.problems(Machines.JSON.readTree(machine("A", states)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(states, e);
        }
    }

    @Test
    void jsonPathFieldsAreRefusedWithTheirJsonataReplacement() {
        assertThat(problemsOf("{'A': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Parameters': {}, "
                + "'ResultPath': '$.x', 'End': true}}"))
                .anyMatch(p -> p.contains("state 'A'") && p.contains("'Parameters' is JSONPath-only") && p.contains("Arguments"))
                .anyMatch(p -> p.contains("'ResultPath' is JSONPath-only") && p.contains("Output and Assign"));
        assertThat(problemsOf("{'A': {'Type': 'Pass', 'Output': {'x.$': '$.y'}, 'End': true}}")).isEmpty();
        assertThat(problemsOf("{'A': {'Type': 'Pass', 'Result': 1, 'End': true}}"))
                .anyMatch(p -> p.contains("'Result' is JSONPath-only"));
    }

    @Test
    void unknownFieldsAndMissingTransitionsAreRefused() {
        assertThat(problemsOf("{'A': {'Type': 'Pass', 'Nxt': 'B'}, 'B': {'Type': 'Succeed'}}"))
                .anyMatch(p -> p.contains("state 'A'") && p.contains("unknown field 'Nxt'"))
                .anyMatch(p -> p.contains("state 'A'") && p.contains("exactly one of Next"))
                .anyMatch(p -> p.contains("state 'B'") && p.contains("not reachable"));
        assertThat(problemsOf("{'A': {'Type': 'Pass', 'Next': 'Nowhere'}}"))
                .anyMatch(p -> p.contains("Next 'Nowhere' is not a state"));
        assertThat(problemsOf("{'A': {'Type': 'Wait', 'End': true}}"))
                .anyMatch(p -> p.contains("exactly one of Seconds and Timestamp"));
    }

    @Test
    void badJsonataIsRefusedNamingTheField() {
        assertThat(problemsOf("{'A': {'Type': 'Pass', 'Output': {'x': ['{% 1 + %}']}, 'End': true}}"))
                .singleElement().satisfies(p -> assertThat(p).contains("state 'A'").contains("field 'Output.x[0]'")
                        .contains("not valid JSONata"));
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        var retry = "{'A': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'End': true, 'Retry': [%s]}}";
        assertThat(problemsOf(retry.formatted("{'ErrorEquals': ['States.ALL', 'X']}")))
                .anyMatch(p -> p.contains("Retry[0]") && p.contains("States.ALL must appear alone"));
        assertThat(problemsOf(retry.formatted("{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['X']}")))
                .anyMatch(p -> p.contains("Retry[0]") && p.contains("last"));
        assertThat(problemsOf(retry.formatted("{'ErrorEquals': ['X'], 'BackoffRate': 0.5, 'JitterStrategy': 'SOME'}")))
                .anyMatch(p -> p.contains("BackoffRate")).anyMatch(p -> p.contains("JitterStrategy"));
    }

    @Test
    void aNameRepeatedInANestedGraphIsRefused() {
        assertThat(problemsOf("{'A': {'Type': 'Map', 'ItemProcessor': {'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}},"
                + " 'End': true}}")).anyMatch(p -> p.contains("state 'A > A'") && p.contains("unique"));
        assertThat(problemsOf("{'A': {'Type': 'Parallel', 'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Succeed'}}},"
                + " {'StartAt': 'B', 'States': {'B': {'Type': 'Succeed'}}}], 'End': true}}"))
                .anyMatch(p -> p.contains("state 'A > branch 1 > B'") && p.contains("unique"));
    }

    @Test
    void onlyJsonataMachinesAreRun() {
        assertThat(problems("{'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}"))
                .anyMatch(p -> p.contains("QueryLanguage must be \"JSONata\""));
        assertThatThrownBy(() -> new Executor(noTasks()).execute("{not json", json("{}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> new Executor(noTasks()).execute(machine("A", "{'A': {'Type': 'Pass'}}"), json("{}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("state 'A'");
    }

    @Test
    void distributedOnlyFieldsAndUnsupportedOnesAreNamed() {
        assertThat(problemsOf("{'A': {'Type': 'Map', 'ToleratedFailureCount': 1, 'ItemReader': {},"
                + " 'ItemProcessor': {'StartAt': 'B', 'States': {'B': {'Type': 'Succeed'}}}, 'End': true}}"))
                .anyMatch(p -> p.contains("DISTRIBUTED Maps only"))
                .anyMatch(p -> p.contains("'ItemReader'") && p.contains("not supported"));
    }
}
