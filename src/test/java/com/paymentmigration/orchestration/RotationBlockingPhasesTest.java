package com.paymentmigration.orchestration;

import com.paymentmigration.functions.RotationSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The phases in which the rotation function refuses to run are phases the state machines actually record. */
class RotationBlockingPhasesTest {

    @Test
    void everyBlockingPhaseIsWrittenByAStateMachine() {
        var definitions = MigrationDefinition.of(SampleTargets.targets(), SampleTargets.settings())
                .definition("migration", MigrationDefinition.TIMEOUT_SECONDS)
                + RollbackDefinition.of(SampleTargets.targets(), SampleTargets.settings()).definition("rollback", RollbackDefinition.TIMEOUT_SECONDS);
        assertThat(RotationSettings.BLOCKING_PHASES).isNotEmpty().allSatisfy(phase ->
                assertThat(definitions).contains("\"Record phase " + phase + "\""));
    }
}
