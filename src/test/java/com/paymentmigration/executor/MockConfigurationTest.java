package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step Functions Local's mock configuration, and the execute command that reads it. */
class MockConfigurationTest {

    private static final String DEFINITION = machine("Get", """
            {'Get': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Arguments': {'Payload': 1},
                     'Retry': [{'ErrorEquals': ['Lambda.TooManyRequestsException'], 'MaxAttempts': 2}],
                     'Output': '{% $states.result.Payload %}', 'Next': 'Notify'},
             'Notify': {'Type': 'Task', 'Resource': 'arn:aws:states:::sns:publish', 'Arguments': {'Message': 'x'}, 'End': true}}
            """);
    private static final String CONFIG = Machines.quotes("""
            {'StateMachines': {'orders': {'TestCases': {
                'Throttled': {'Get': 'ThrottledTwice', 'Notify': 'Published'},
                'Unmocked': {'Get': 'ThrottledTwice'}}}},
             'MockedResponses': {
                'ThrottledTwice': {'0-1': {'Throw': {'Error': 'Lambda.TooManyRequestsException', 'Cause': 'slow down'}},
                                   '2': {'Return': {'Payload': {'ok': true}}}},
                'Published': {'0': {'Return': {'MessageId': 'm-1'}}}}}
            """);

    @Test
    void invocationsAreAnsweredByNumberRetriesIncluded() {
        var config = MockConfiguration.read(json(CONFIG));
        var execution = new Executor(config.testCase("orders", "Throttled", ExecuteCommand.unanswered()))
                .execute(DEFINITION, json("{}"));
        assertThat(execution.status()).isEqualTo("SUCCEEDED");
        assertThat(execution.output()).isEqualTo(json("{'MessageId': 'm-1'}"));
        assertThat(execution.events("TaskFailed")).hasSize(2);
    }

    @Test
    void aTaskNoMockAnswersFailsTheExecutionNamingStateAndResource() {
        var config = MockConfiguration.read(json(CONFIG));
        var execution = new Executor(config.testCase("orders", "Unmocked", ExecuteCommand.unanswered()))
                .execute(DEFINITION, json("{}"));
        assertThat(execution.status()).isEqualTo("FAILED");
        assertThat(execution.cause()).contains("'Notify'").contains("arn:aws:states:::sns:publish");
    }

    @Test
    void aMalformedConfigurationIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> MockConfiguration.read(json("""
                {'StateMachines': {'m': {'TestCases': {'t': {'S': 'Missing'}}}},
                 'MockedResponses': {'R': {'first': {'Return': 1}, '0': {'Return': 1, 'Throw': {'Error': 'E'}}}}}
                """))).hasMessageContaining("'Missing', which MockedResponses does not define")
                .hasMessageContaining("MockedResponses.R.first").hasMessageContaining("exactly one of Return and Throw");
        var config = MockConfiguration.read(json(CONFIG));
        assertThatThrownBy(() -> config.testCase("orders", "Nope", ExecuteCommand.unanswered()))
                .hasMessageContaining("no test case 'Nope'").hasMessageContaining("Throttled");
    }

    @Test
    void theCommandPrintsStatusOutputAndEvents(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("machine.json"), DEFINITION);
        Files.writeString(dir.resolve("mocks.json"), CONFIG);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ExecuteCommand.run(new String[]{"--definition", dir.resolve("machine.json").toString(),
                "--input", "{\"a\": 1}", "--mock-config", dir.resolve("mocks.json").toString(), "--test-case", "Throttled"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExecuteCommand.SUCCEEDED);
        var printed = Machines.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(printed.path("output")).isEqualTo(json("{'MessageId': 'm-1'}"));
        assertThat(printed.path("executionArn").asText()).contains(":execution:orders:");
        assertThat(printed.path("events").get(0).path("executionStartedEventDetails").path("input").asText())
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void theCommandExitsOneOnAFailedExecutionAndTwoOnBadArguments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("machine.json"), DEFINITION);
        Files.writeString(dir.resolve("broken.json"), machine("A", "{'A': {'Type': 'Pass', 'Parameters': {}, 'End': true}}"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        var printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(ExecuteCommand.run(new String[]{"--definition", dir.resolve("machine.json").toString()}, printOut,
                printErr)).isEqualTo(ExecuteCommand.FAILED);
        assertThat(Machines.JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("error").asText()).isEqualTo("States.Runtime");
        assertThat(ExecuteCommand.run(new String[]{"--definition", dir.resolve("broken.json").toString()}, printOut,
                printErr)).isEqualTo(ExecuteCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("state 'A'").contains("'Parameters' is JSONPath-only");
        assertThat(ExecuteCommand.run(new String[]{"--definition"}, printOut, printErr)).isEqualTo(ExecuteCommand.ERROR);
        assertThat(ExecuteCommand.run(new String[]{"--definition", dir.resolve("machine.json").toString(),
                "--test-case", "x"}, printOut, printErr)).isEqualTo(ExecuteCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("go together");
    }
}
