package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The execution history in GetExecutionHistory's event types and fields. */
class HistoryTest {

    @Test
    void aTaskThatFailsOnceThenSucceeds() {
        int[] calls = {0};
        var execution = run("Call", """
                {'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::aws-sdk:ssm:getParameter', 'Arguments': {'Name': 'p'},
                          'Retry': [{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 3}], 'Assign': {'v': 1}, 'End': true}}
                """, "{'in': 1}", call -> {
                    if (calls[0]++ == 0) {
                        throw new TaskFailure("Ssm.ThrottlingException", "slow down");
                    }
                    return json("{'Parameter': {'Value': 'x'}}");
                });
        assertThat(execution.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        for (int i = 0; i < execution.events().size(); i++) {
            assertThat(execution.events().get(i).id()).isEqualTo(i + 1);
            assertThat(execution.events().get(i).previousEventId()).isEqualTo(i);
        }
        var json = execution.toJson().get("events");
        assertThat(json.get(0).path("executionStartedEventDetails").path("input").asText()).isEqualTo("{\"in\":1}");
        assertThat(json.get(1).path("stateEnteredEventDetails").path("name").asText()).isEqualTo("Call");
        var scheduled = json.get(2).path("taskScheduledEventDetails");
        assertThat(scheduled.path("resourceType").asText()).isEqualTo("aws-sdk:ssm");
        assertThat(scheduled.path("resource").asText()).isEqualTo("getParameter");
        assertThat(scheduled.path("region").asText()).isEqualTo("eu-central-1");
        assertThat(scheduled.path("parameters").asText()).isEqualTo("{\"Name\":\"p\"}");
        assertThat(json.get(4).path("taskFailedEventDetails")).isEqualTo(json("{'resourceType': 'aws-sdk:ssm',"
                + " 'resource': 'getParameter', 'error': 'Ssm.ThrottlingException', 'cause': 'slow down'}"));
        assertThat(json.get(5).path("timestamp").asText()).as("after the retry interval").isEqualTo("2026-01-01T00:00:03Z");
        assertThat(json.get(7).path("taskSucceededEventDetails").path("output").asText())
                .isEqualTo("{\"Parameter\":{\"Value\":\"x\"}}");
        var exited = json.get(8).path("stateExitedEventDetails");
        assertThat(exited.path("assignedVariables")).isEqualTo(json("{'v': '1'}"));
        assertThat(json.get(9).path("executionSucceededEventDetails").path("output").asText())
                .isEqualTo("{\"Parameter\":{\"Value\":\"x\"}}");
    }

    @Test
    void everyStateTypeHasItsEnteredAndExitedEvents() {
        var execution = run("P", """
                {'P': {'Type': 'Pass', 'Next': 'C'},
                 'C': {'Type': 'Choice', 'Choices': [{'Condition': '{% true %}', 'Next': 'W'}]},
                 'W': {'Type': 'Wait', 'Timestamp': '2026-01-01T01:00:00Z', 'Next': 'M'},
                 'M': {'Type': 'Map', 'Items': [1], 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}},
                       'Next': 'L'},
                 'L': {'Type': 'Parallel', 'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'End': true}}}], 'Next': 'S'},
                 'S': {'Type': 'Succeed'}}
                """, "{}", noTasks());
        assertThat(execution.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "PassStateEntered", "PassStateExited", "ChoiceStateEntered", "ChoiceStateExited",
                "WaitStateEntered", "WaitStateExited",
                "MapStateEntered", "MapStateStarted", "MapIterationStarted", "PassStateEntered", "PassStateExited",
                "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited",
                "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited",
                "ParallelStateSucceeded", "ParallelStateExited", "SucceedStateEntered", "SucceedStateExited",
                "ExecutionSucceeded");
        assertThat(execution.events("WaitStateExited").get(0).timestamp().toString()).isEqualTo("2026-01-01T01:00:00Z");
        assertThat(execution.events("MapStateStarted").get(0).toJson().path("mapStateStartedEventDetails").path("length")
                .asInt()).isEqualTo(1);
        assertThat(execution.events("MapIterationStarted").get(0).toJson().path("mapIterationStartedEventDetails"))
                .isEqualTo(json("{'name': 'M', 'index': 0}"));
    }

    @Test
    void aFailedExecutionEndsWithItsErrorAndCause() {
        var execution = run("F", "{'F': {'Type': 'Fail', 'Error': 'E', 'Cause': 'why'}}", "{}", noTasks());
        assertThat(execution.events()).extracting(HistoryEvent::type)
                .containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        assertThat(execution.toJson().path("events").get(2).path("executionFailedEventDetails"))
                .isEqualTo(json("{'error': 'E', 'cause': 'why'}"));
        assertThat(execution.toJson().has("output")).isFalse();
        assertThat(execution.toJson().path("error").asText()).isEqualTo("E");
    }

    @Test
    void aDistributedMapRecordsItsMapRunAndEachChildItsOwnHistory() {
        var execution = run("M", """
                {'M': {'Type': 'Map', 'Items': [1, 2], 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED',
                       'ExecutionType': 'STANDARD'}, 'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}, 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded");
        assertThat(execution.children()).allSatisfy(child -> assertThat(child.events()).extracting(HistoryEvent::type)
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"));
    }

    @Test
    void theHistoryLimitFailsARunawayExecution() {
        var execution = new Executor(noTasks(), ExecutorOptions.defaults().withMaxHistoryEvents(100))
                .execute(Machines.machine("A", "{'A': {'Type': 'Pass', 'Next': 'B'}, 'B': {'Type': 'Pass', 'Next': 'A'}}"),
                        json("{}"));
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("100 events");
    }
}
