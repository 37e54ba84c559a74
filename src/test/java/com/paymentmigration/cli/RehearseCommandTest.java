package com.paymentmigration.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RehearseCommandTest {

    private final RehearseRun run = new RehearseRun();

    @Test
    void theHappyPathPrintsItsTimelineAndHoldsEveryInvariant() {
        assertThat(run.rehearse("--stack", "dev")).isEqualTo(RehearseCommand.HELD);
        var printed = run.printed();
        assertThat(printed).contains("rehearse: scenario happy-path on stack dev")
                .containsPattern("T\\+00:00:00 +migration/migration-1 +Record phase preflight +ssm:putParameter +ok")
                .contains("HOLDS  the forward and reverse tasks never run at the same time")
                .doesNotContain("BROKEN");
    }

    @Test
    void anUnknownScenarioOrArgumentIsAnErrorNamingTheChoices() {
        assertThat(run.rehearse("--scenario", "nope")).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.errors()).contains("no scenario nope").contains("happy-path");
        assertThat(run.rehearse("--stak", "dev")).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.errors()).contains("'--stak'").contains("usage: rehearse");
    }

    @Test
    void badConfigIsAnErrorNamingTheKey() {
        assertThat(run.rehearse("--set", "trafficShiftBy=carrier-pigeon")).isEqualTo(RehearseCommand.ERROR);
        assertThat(run.errors()).contains("trafficShiftBy");
    }
}
