package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Map (inline and distributed) and Parallel: results, virtual concurrency, failures and their tolerance. */
class MapAndParallelTest {

    private static String waitingMap(String concurrency) {
        return """
                {'Each': {'Type': 'Map', 'Items': [1, 2, 3], %s
                          'ItemProcessor': {'StartAt': 'Work', 'States': {'Work': {'Type': 'Wait', 'Seconds': 10,
                                            'Output': '{%% $states.input * 10 %%}', 'End': true}}}, 'End': true}}
                """.formatted(concurrency);
    }

    private static Duration took(Execution execution) {
        return Duration.between(execution.startDate(), execution.stopDate());
    }

    @Test
    void anInlineMapKeepsItemOrderAndRunsMaxConcurrencyItemsAtATime() {
        var unbounded = run("Each", waitingMap(""), "{}", noTasks());
        assertThat(unbounded.output()).isEqualTo(json("[10, 20, 30]"));
        assertThat(took(unbounded)).isEqualTo(Duration.ofSeconds(10));
        assertThat(took(run("Each", waitingMap("'MaxConcurrency': 2,"), "{}", noTasks()))).isEqualTo(Duration.ofSeconds(20));
        assertThat(took(run("Each", waitingMap("'MaxConcurrency': '{% 1 %}',"), "{}", noTasks()))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aParallelGivesEachBranchTheSameInputAndEndsWithTheSlowestBranch() {
        var execution = run("Both", """
                {'Both': {'Type': 'Parallel', 'Arguments': {'n': '{% $states.input.n + 1 %}'}, 'Branches': [
                            {'StartAt': 'Slow', 'States': {'Slow': {'Type': 'Wait', 'Seconds': 30, 'End': true}}},
                            {'StartAt': 'Fast', 'States': {'Fast': {'Type': 'Pass', 'Output': '{% $states.input.n * 2 %}', 'End': true}}}],
                          'End': true}}
                """, "{'n': 1}", noTasks());
        assertThat(execution.output()).isEqualTo(json("[{'n': 2}, 4]"));
        assertThat(took(execution)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFailedBranchFailsTheParallelWithItsOwnError() {
        var execution = run("Both", """
                {'Both': {'Type': 'Parallel', 'Branches': [
                            {'StartAt': 'Ok', 'States': {'Ok': {'Type': 'Wait', 'Seconds': 5, 'End': true}}},
                            {'StartAt': 'Broken', 'States': {'Broken': {'Type': 'Fail', 'Error': 'BranchBroke', 'Cause': 'b'}}}],
                          'Retry': [{'ErrorEquals': ['BranchBroke'], 'MaxAttempts': 1, 'IntervalSeconds': 10}], 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.error()).isEqualTo("BranchBroke");
        assertThat(execution.events("ParallelStateStarted")).as("retried as a whole").hasSize(2);
        assertThat(execution.events("ParallelStateFailed")).hasSize(2);
    }

    @Test
    void aFailedIterationFailsTheMapWithItsOwnErrorWhichTheMapsCatchTakes() {
        var execution = run("Each", """
                {'Each': {'Type': 'Map', 'Items': [1, 2],
                          'ItemProcessor': {'StartAt': 'Check', 'States': {
                             'Check': {'Type': 'Choice', 'Choices': [{'Condition': '{% $states.input = 2 %}', 'Next': 'Bad'}], 'Default': 'Good'},
                             'Bad': {'Type': 'Fail', 'Error': 'ItemBad', 'Cause': 'two'},
                             'Good': {'Type': 'Succeed'}}},
                          'Catch': [{'ErrorEquals': ['ItemBad'], 'Next': 'Handled'}], 'End': true},
                 'Handled': {'Type': 'Pass', 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.output()).isEqualTo(json("{'Error': 'ItemBad', 'Cause': 'two'}"));
        assertThat(execution.events("MapIterationFailed")).singleElement()
                .satisfies(e -> assertThat(e.details().path("index").asInt()).isEqualTo(1));
        assertThat(execution.events("MapStateFailed")).hasSize(1);
    }

    private static String distributed(String tolerance) {
        return """
                {'Each': {'Type': 'Map', 'Items': [1, 2, 3, 4], %s
                          'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},
                            'StartAt': 'Check', 'States': {
                             'Check': {'Type': 'Choice', 'Choices': [{'Condition': '{%% $states.input %% 2 = 0 %%}', 'Next': 'Bad'}],
                                       'Default': 'Good'},
                             'Bad': {'Type': 'Fail', 'Error': 'Even', 'Cause': '{%% $string($states.input) %%}'},
                             'Good': {'Type': 'Succeed'}}}, 'End': true}}
                """.formatted(tolerance);
    }

    @Test
    void aDistributedMapRunsEachItemAsAChildExecution() {
        var execution = run("Each", distributed("'ToleratedFailureCount': 2,"), "{}", noTasks());
        assertThat(execution.status()).isEqualTo("SUCCEEDED");
        assertThat(execution.output()).isEqualTo(json("[1, {'Error': 'Even', 'Cause': '2'}, 3, {'Error': 'Even', 'Cause': '4'}]"));
        assertThat(execution.children()).hasSize(4);
        assertThat(execution.children().get(1).status()).isEqualTo("FAILED");
        assertThat(execution.children().get(0).executionArn())
                .startsWith("arn:aws:states:eu-central-1:123456789012:execution:state-machine/Each:");
        assertThat(execution.events("MapRunStarted").get(0).details().path("mapRunArn").asText())
                .startsWith("arn:aws:states:eu-central-1:123456789012:mapRun:state-machine/Each:");
        assertThat(execution.events("MapRunSucceeded")).hasSize(1);
        assertThat(execution.statesEntered()).as("the children's states are in their own histories").containsExactly("Each");
    }

    @Test
    void passingTheToleratedFailuresFailsTheMapRun() {
        for (var tolerance : new String[]{"", "'ToleratedFailureCount': 1,", "'ToleratedFailurePercentage': 25,",
                "'ToleratedFailureCount': 5, 'ToleratedFailurePercentage': 25,"}) {
            var execution = run("Each", distributed(tolerance), "{}", noTasks());
            assertThat(execution.error()).as(tolerance).isEqualTo("States.ExceedToleratedFailureThreshold");
            assertThat(execution.events("MapRunFailed")).as(tolerance).hasSize(1);
        }
        assertThat(run("Each", distributed("'ToleratedFailurePercentage': 50,"), "{}", noTasks()).status())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void toleranceArithmetic() {
        assertThat(Branches.exceeds(1, 10, null, null)).as("nothing tolerated by default").isTrue();
        assertThat(Branches.exceeds(0, 10, null, null)).isFalse();
        assertThat(Branches.exceeds(2, 10, 2, null)).isFalse();
        assertThat(Branches.exceeds(3, 10, 2, null)).isTrue();
        assertThat(Branches.exceeds(3, 10, null, 30.0)).isFalse();
        assertThat(Branches.exceeds(4, 10, null, 30.0)).isTrue();
        assertThat(Branches.exceeds(3, 10, 2, 50.0)).as("either threshold").isTrue();
    }
}
