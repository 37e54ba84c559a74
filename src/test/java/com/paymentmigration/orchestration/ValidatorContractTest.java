package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the migration machine and lambda/validator, held against the function's source: every field
 * a plan event carries (and every option) is one the function reads, and every error the machine treats as
 * permanent is an exception the function has.
 */
class ValidatorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("lambda/validator/src/main/java/com/paymentmigration/lambda/validator");

    @Test
    void everyPlanFieldAndOptionSentIsOneTheFunctionReads() throws Exception {
        var events = Files.readString(SOURCES.resolve("Events.java"));
        var fields = new TreeSet<String>();
        var options = new TreeSet<String>();
        var definition = MigrationDefinition.of(SampleTargets.targets(), SampleTargets.settings()).definition("m", 60);
        JSON.readTree(definition).path("States").forEach(state -> {
            var payload = state.at("/Arguments/Payload");
            if (payload.path("action").asText().equals("plan")) {
                payload.fieldNames().forEachRemaining(fields::add);
                payload.path("options").fieldNames().forEachRemaining(options::add);
            }
        });
        assertThat(fields).contains("changeSlot", "changesSince", "options");
        for (var field : fields) {
            assertThat(events).as("plan field " + field).contains("\"" + field + "\"");
        }
        assertThat(options).containsExactly("recheckAttempts");
        for (var option : options) {
            assertThat(events).as("option " + option).contains("\"" + option + "\"");
        }
    }

    @Test
    void thePermanentErrorsExistOnTheFunctionsSide() {
        for (var error : ValidationSteps.VALIDATOR_PERMANENT_ERRORS) {
            assertThat(SOURCES.resolve(error.substring(error.lastIndexOf('.') + 1) + ".java")).as(error).exists();
        }
    }
}
