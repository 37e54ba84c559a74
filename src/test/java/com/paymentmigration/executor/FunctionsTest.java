package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.noTasks;
import static com.paymentmigration.executor.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The functions Step Functions adds to JSONata, and the built-ins it changes. */
class FunctionsTest {

    private static Execution evaluate(String expression) {
        var definition = Machines.JSON.createObjectNode().put("QueryLanguage", "JSONata").put("StartAt", "P");
        definition.putObject("States").putObject("P").put("Type", "Pass").put("Output", "{% " + expression + " %}")
                .put("End", true);
        return new Executor(noTasks()).execute(definition, json("{}"));
    }

    private static String value(String expression) {
        var execution = evaluate(expression);
        assertThat(execution.status()).as(execution.cause()).isEqualTo("SUCCEEDED");
        return execution.output().toString();
    }

    private static String error(String expression) {
        var execution = evaluate(expression);
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        return execution.cause();
    }

    @Test
    void partitionSplitsIntoChunksTheLastOneShorter() {
        assertThat(value("$partition([1,2,3,4,5,6,7], 3)")).isEqualTo("[[1,2,3],[4,5,6],[7]]");
        assertThat(value("$partition([], 3)")).isEqualTo("[]");
        assertThat(error("$partition([1], 0)")).contains("chunk size");
    }

    @Test
    void rangeCountsFromStartToEndInclusiveBySteps() {
        assertThat(value("$range(0, 10, 2)")).isEqualTo("[0,2,4,6,8,10]");
        assertThat(value("$range(5, 1, -2)")).isEqualTo("[5,3,1]");
        assertThat(error("$range(0, 1, 0)")).contains("step");
        assertThat(error("$range(1, 5000, 1)")).contains("1000");
    }

    @Test
    void hashGivesTheHexDigestOfTheNamedAlgorithm() {
        assertThat(value("$hash('abc', 'SHA-256')"))
                .isEqualTo("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
        assertThat(value("$hash('abc', 'MD5')")).isEqualTo("\"900150983cd24fb0d6963f7d28e17f72\"");
        assertThat(value("$hash('abc', 'SHA-1')")).isEqualTo("\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
        assertThat(error("$hash('abc', 'SHA-3')")).contains("MD5").contains("SHA-512");
    }

    @Test
    void randomIsBelowOneAndTheSameForTheSameSeed() {
        var seeded = value("$random(7)");
        assertThat(value("$random(7)")).isEqualTo(seeded);
        assertThat(value("$random(8)")).isNotEqualTo(seeded);
        assertThat(Double.parseDouble(value("$random()"))).isBetween(0.0, 1.0);
        assertThat(value("$random()")).as("the execution's seed makes a run repeatable").isEqualTo(value("$random()"));
    }

    @Test
    void uuidIsAVersionFourUuid() {
        assertThat(value("$uuid()")).matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
        assertThat(value("$uuid() = $uuid()")).isEqualTo("false");
    }

    @Test
    void parseReadsJsonText() {
        assertThat(value("$parse('{\"a\": [1, null, true]}')")).isEqualTo("{\"a\":[1,null,true]}");
        assertThat(error("$parse('{not json')")).contains("not JSON");
    }

    @Test
    void evalIsNotAvailable() {
        assertThat(error("$eval('1 + 1')")).contains("$parse");
    }

    @Test
    void nowAndMillisReadTheVirtualClock() {
        var execution = run("W", """
                {'W': {'Type': 'Wait', 'Seconds': 90, 'Next': 'P'},
                 'P': {'Type': 'Pass', 'Output': ['{% $now() %}', '{% $millis() %}', '{% $now(\\'[H01]:[m01]\\') %}'], 'End': true}}
                """, "{}", noTasks());
        assertThat(execution.output()).isEqualTo(json("['2026-01-01T00:01:30.000Z', 1767225690000, '00:01']"));
    }
}
