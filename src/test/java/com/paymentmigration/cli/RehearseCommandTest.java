package com.paymentmigration.cli;

import com.paymentmigration.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RehearseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int rehearse(String... args) {
        return RehearseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Main::stack);
    }

    @Test
    void theHappyPathPrintsItsTimelineAndHoldsEveryInvariant() {
        assertThat(rehearse("--stack", "dev")).isEqualTo(RehearseCommand.HELD);
        var printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("rehearse: scenario happy-path on stack dev")
                .containsPattern("T\\+00:00:00 +migration/migration-1 +Record phase preflight +ssm:putParameter +ok")
                .contains("HOLDS  the forward and reverse tasks never run at the same time")
                .doesNotContain("BROKEN");
    }

    @Test
    void anUnknownScenarioOrArgumentIsAnErrorNamingTheChoices() {
        assertThat(rehearse("--scenario", "nope")).isEqualTo(RehearseCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no scenario nope").contains("happy-path");
        assertThat(rehearse("--stak", "dev")).isEqualTo(RehearseCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--stak'").contains("usage: rehearse");
    }

    @Test
    void badConfigIsAnErrorNamingTheKey() {
        assertThat(rehearse("--set", "trafficShiftBy=carrier-pigeon")).isEqualTo(RehearseCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("trafficShiftBy");
    }
}
