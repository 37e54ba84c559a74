package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Choice rules with their own Output and Assign; Wait by Seconds and by Timestamp. */
class ChoiceAndWaitTest {

    private static final String CHOICE = """
            {'C': {'Type': 'Choice', 'Choices': [{'Condition': '{% $states.input.n > 0 %}', 'Next': 'Done',
                    'Output': {'rule': '{% $states.input.n %}'}, 'Assign': {'path': 'rule'}}],
                   'Default': 'Done', 'Output': {'default': true}, 'Assign': {'path': 'default'}},
             'Done': {'Type': 'Pass', 'Output': {'in': '{% $states.input %}', 'path': '{% $path %}'}, 'End': true}}
            """;

    @Test
    void aMatchingRuleAppliesItsOwnOutputAndAssignAndDefaultTheStates() {
        assertThat(run("C", CHOICE, "{'n': 3}", noTasks()).output()).isEqualTo(json("{'in': {'rule': 3}, 'path': 'rule'}"));
        assertThat(run("C", CHOICE, "{'n': 0}", noTasks()).output())
                .isEqualTo(json("{'in': {'default': true}, 'path': 'default'}"));
    }

    @Test
    void aConditionThatIsNoBooleanIsAQueryEvaluationError() {
        var execution = run("C", CHOICE.replace("$states.input.n > 0", "$states.input.n"), "{'n': 3}", noTasks());
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).contains("Choices[0].Condition").contains("boolean");
    }

    @Test
    void waitsBySecondsOrUntilATimestampInAnyOffsetAndNotBackwards() {
        var execution = run("S", """
                {'S': {'Type': 'Wait', 'Seconds': '{% $states.input.s %}', 'Next': 'T'},
                 'T': {'Type': 'Wait', 'Timestamp': '2026-01-01T02:00:00+01:00', 'Next': 'Past'},
                 'Past': {'Type': 'Wait', 'Timestamp': '2025-01-01T00:00:00Z', 'End': true}}
                """, "{'s': 600}", noTasks());
        assertThat(execution.events("WaitStateExited")).extracting(e -> e.timestamp().toString())
                .containsExactly("2026-01-01T00:10:00Z", "2026-01-01T01:00:00Z", "2026-01-01T01:00:00Z");
        assertThat(execution.stopDate()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void badWaitValuesAreQueryEvaluationErrors() {
        for (var seconds : new String[]{"-1", "1.5", "\\'ten\\'"}) {
            var execution = run("S", "{'S': {'Type': 'Wait', 'Seconds': '{% " + seconds + " %}', 'End': true}}", "{}",
                    noTasks());
            assertThat(execution.error()).as(seconds).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).as(seconds).contains("non-negative integer");
        }
        var execution = run("T", "{'T': {'Type': 'Wait', 'Timestamp': 'tomorrow', 'End': true}}", "{}", noTasks());
        assertThat(execution.cause()).contains("ISO 8601");
    }
}
