package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.machine;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Retry arithmetic, catch matching, timeouts and the States.* errors. */
class ErrorHandlingTest {

    private static final String FAILING_TASK = """
            {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Retry': %s, 'Catch': %s, 'End': true},
             'Caught': {'Type': 'Pass', 'End': true}}
            """;

    /** A catcher for an error nobody raises (every state must be reachable). */
    private static final String NO_CATCH = "[{'ErrorEquals': ['Never.Raised'], 'Next': 'Caught'}]";

    /** Runs a task that always fails with {@code error}; returns the virtual times of its calls. */
    private static List<Instant> callTimes(String retry, String error, long seed) {
        var times = new ArrayList<Instant>();
        new Executor(call -> {
            times.add(call.time());
            throw new TaskFailure(error, "boom");
        }, ExecutorOptions.defaults().withSeed(seed)).execute(machine("Call", FAILING_TASK.formatted(retry, NO_CATCH)), json("{}"));
        return times;
    }

    private static List<Long> gapsInMillis(List<Instant> times) {
        var gaps = new ArrayList<Long>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        return gaps;
    }

    @Test
    void defaultsRetryThreeTimesAfterOneTwoAndFourSeconds() {
        assertThat(gapsInMillis(callTimes("[{'ErrorEquals': ['States.ALL']}]", "Oops", 0)))
                .containsExactly(1000L, 2000L, 4000L);
    }

    @Test
    void backoffIsCappedByMaxDelaySeconds() {
        var retry = "[{'ErrorEquals': ['Oops'], 'IntervalSeconds': 2, 'BackoffRate': 3.0, 'MaxAttempts': 4, 'MaxDelaySeconds': 10}]";
        assertThat(gapsInMillis(callTimes(retry, "Oops", 0))).containsExactly(2000L, 6000L, 10000L, 10000L);
    }

    @Test
    void fullJitterDrawsEachDelayBelowTheComputedOneFromTheSeed() {
        var retry = "[{'ErrorEquals': ['Oops'], 'IntervalSeconds': 10, 'MaxAttempts': 5, 'JitterStrategy': 'FULL'}]";
        var gaps = gapsInMillis(callTimes(retry, "Oops", 42));
        assertThat(gaps).hasSize(5);
        for (int i = 0; i < gaps.size(); i++) {
            assertThat(gaps.get(i)).isBetween(0L, 10_000L * (1L << i));
        }
        assertThat(gapsInMillis(callTimes(retry, "Oops", 42))).as("same seed, same delays").isEqualTo(gaps);
        assertThat(gapsInMillis(callTimes(retry, "Oops", 43))).as("another seed").isNotEqualTo(gaps);
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndASpentRetrierDoesNotFallThrough() {
        assertThat(callTimes("[{'ErrorEquals': ['Oops'], 'MaxAttempts': 0}, {'ErrorEquals': ['States.ALL']}]", "Oops", 0))
                .hasSize(1);
        assertThat(callTimes("[{'ErrorEquals': ['Oops'], 'MaxAttempts': 1}, {'ErrorEquals': ['States.ALL']}]", "Oops", 0))
                .hasSize(2);
        assertThat(callTimes("[{'ErrorEquals': ['Other'], 'MaxAttempts': 1}, {'ErrorEquals': ['States.ALL'], 'MaxAttempts': 2}]",
                "Oops", 0)).as("the first matching retrier is the one used").hasSize(3);
    }

    @Test
    void errorNamesMatchAsDocumented() {
        assertThat(ErrorNames.matches(List.of("States.ALL"), "Lambda.ServiceException")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.ALL"), "States.Timeout")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.TaskFailed"), "Lambda.ServiceException")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.TaskFailed"), "States.Timeout")).isFalse();
        assertThat(ErrorNames.matches(List.of("States.TaskFailed"), "States.HeartbeatTimeout")).isFalse();
        assertThat(ErrorNames.matches(List.of("States.Timeout"), "States.HeartbeatTimeout")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.ALL"), "States.Runtime")).isFalse();
        assertThat(ErrorNames.matches(List.of("States.Runtime"), "States.Runtime")).isFalse();
        assertThat(ErrorNames.matches(List.of("States.ALL"), "States.DataLimitExceeded")).isFalse();
        assertThat(ErrorNames.matches(List.of("Custom"), "custom")).as("exact and case-sensitive").isFalse();
    }

    @Test
    void theFirstMatchingCatcherTakesTheErrorWithItsOutputAndAssign() {
        var catches = "[{'ErrorEquals': ['Other'], 'Next': 'Caught'},"
                + " {'ErrorEquals': ['States.TaskFailed'], 'Next': 'Caught', 'Assign': {'why': '{% $states.errorOutput.Cause %}'},"
                + "  'Output': {'error': '{% $states.errorOutput.Error %}', 'input': '{% $states.input %}'}},"
                + " {'ErrorEquals': ['States.ALL'], 'Next': 'Caught'}]";
        var execution = run("Call", FAILING_TASK.formatted("[]", catches).replace("'Caught': {'Type': 'Pass', 'End': true}",
                "'Caught': {'Type': 'Pass', 'Output': {'caught': '{% $states.input %}', 'why': '{% $why %}'}, 'End': true}"),
                "{'n': 1}", call -> {
                    throw new TaskFailure("Lambda.Unknown", "it broke");
                });
        assertThat(execution.output()).isEqualTo(json(
                "{'caught': {'error': 'Lambda.Unknown', 'input': {'n': 1}}, 'why': 'it broke'}"));
    }

    @Test
    void withoutCatchOutputTheErrorOutputPassesOn() {
        var execution = run("Call", FAILING_TASK.formatted("[]", "[{'ErrorEquals': ['States.ALL'], 'Next': 'Caught'}]"),
                "{}", call -> {
                    throw new TaskFailure("E", "c");
                });
        assertThat(execution.output()).isEqualTo(json("{'Error': 'E', 'Cause': 'c'}"));
    }

    @Test
    void aTaskRunningPastTimeoutSecondsFailsWithStatesTimeoutAtTheTimeout() {
        var definition = machine("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'TimeoutSeconds': '{% 30 %}',
                          'Catch': [{'ErrorEquals': ['States.TaskFailed'], 'Next': 'Failed'},
                                    {'ErrorEquals': ['States.Timeout'], 'Next': 'TimedOut'}], 'End': true},
                 'Failed': {'Type': 'Fail', 'Error': 'WrongCatch'},
                 'TimedOut': {'Type': 'Succeed'}}
                """);
        TaskHandler slow = new TaskHandler() {
            public com.fasterxml.jackson.databind.JsonNode invoke(TaskInvocation call) {
                return json("{}");
            }

            @Override
            public TaskResult call(TaskInvocation call) {
                return new TaskResult(json("{}"), Duration.ofSeconds(45));
            }
        };
        var execution = new Executor(slow).execute(definition, json("{}"));
        assertThat(execution.status()).isEqualTo("SUCCEEDED");
        assertThat(execution.events("TaskTimedOut")).singleElement()
                .satisfies(e -> assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z")));
        assertThat(execution.events("TaskScheduled").get(0).details().path("timeoutInSeconds").asInt()).isEqualTo(30);
    }

    @Test
    void aTaskWithinItsTimeoutSucceedsAfterTheTimeItTook() {
        TaskHandler quick = new TaskHandler() {
            public com.fasterxml.jackson.databind.JsonNode invoke(TaskInvocation call) {
                return json("{'ok': true}");
            }

            @Override
            public TaskResult call(TaskInvocation call) {
                return new TaskResult(invoke(call), Duration.ofSeconds(30));
            }
        };
        var execution = new Executor(quick).execute(machine("Call",
                "{'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'TimeoutSeconds': 30, 'End': true}}"),
                json("{}"));
        assertThat(execution.output()).isEqualTo(json("{'ok': true}"));
        assertThat(execution.stopDate()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
    }

    @Test
    void aStandInCanRaiseStatesTimeoutItself() {
        var execution = run("Call", FAILING_TASK.formatted("[{'ErrorEquals': ['States.TaskFailed']}]", NO_CATCH), "{}", call -> {
            throw new TaskFailure("States.Timeout", "no answer");
        });
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.events("TaskTimedOut")).as("not retried by States.TaskFailed").hasSize(1);
    }

    @Test
    void statesRuntimeIsNeitherRetriedNorCaught() {
        var execution = run("Call", FAILING_TASK.formatted("[{'ErrorEquals': ['States.ALL']}]",
                "[{'ErrorEquals': ['States.ALL'], 'Next': 'Caught'}]"), "{}", ExecuteCommand.unanswered());
        assertThat(execution.status()).isEqualTo("FAILED");
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("'Call'").contains("arn:aws:states:::lambda:invoke");
        assertThat(execution.events("TaskScheduled")).hasSize(1);
    }

    @Test
    void aQueryEvaluationErrorInArgumentsIsCaughtByTheState() {
        var execution = run("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Arguments': {'x': '{% $nope %}'},
                          'Catch': [{'ErrorEquals': ['States.QueryEvaluationError'], 'Next': 'Caught'}], 'End': true},
                 'Caught': {'Type': 'Pass', 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.output().path("Error").asText()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.events("TaskScheduled")).isEmpty();
    }

    @Test
    void anUnmatchedChoiceWithoutDefaultFailsWithNoChoiceMatched() {
        var execution = run("C", """
                {'C': {'Type': 'Choice', 'Choices': [{'Condition': '{% false %}', 'Next': 'D'}]}, 'D': {'Type': 'Succeed'}}
                """, "{}", noTasks());
        assertThat(execution.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void aFailStateTakesErrorAndCauseFromJsonata() {
        var execution = run("F", "{'F': {'Type': 'Fail', 'Error': '{% $states.input.e %}', 'Cause': '{% \\'because \\' & $states.input.c %}'}}",
                "{'e': 'Bad', 'c': 'x'}", noTasks());
        assertThat(execution.status()).isEqualTo("FAILED");
        assertThat(execution.error()).isEqualTo("Bad");
        assertThat(execution.cause()).isEqualTo("because x");
        assertThat(execution.lastEvent().orElseThrow().details()).isEqualTo(json("{'error': 'Bad', 'cause': 'because x'}"));
    }

    @Test
    void anExecutionPastTheMachinesTimeoutSecondsTimesOut() {
        var definition = "{\"QueryLanguage\": \"JSONata\", \"TimeoutSeconds\": 60, \"StartAt\": \"W\", \"States\": "
                + Machines.quotes("{'W': {'Type': 'Wait', 'Seconds': 120, 'End': true}}") + "}";
        var execution = new Executor(noTasks()).execute(definition, json("{}"));
        assertThat(execution.status()).isEqualTo("TIMED_OUT");
        assertThat(execution.lastEvent().orElseThrow().type()).isEqualTo("ExecutionTimedOut");
        assertThat(execution.stopDate()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    void theRetryCountIsInTheContext() {
        var seen = new ArrayList<Integer>();
        run("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke',
                          'Arguments': {'retry': '{% $states.context.State.RetryCount %}'},
                          'Retry': [{'ErrorEquals': ['States.ALL'], 'MaxAttempts': 2}], 'End': true}}
                """, "{}", call -> {
                    seen.add(call.arguments().path("retry").asInt());
                    assertThat(call.attempt()).isEqualTo(seen.size() - 1);
                    throw new TaskFailure("E", "c");
                });
        assertThat(seen).containsExactly(0, 1, 2);
    }
}
