package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.config.ValidConfig;
import com.paymentmigration.replication.DrainMarker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the definitions take from config: the writers' contract, and table selections without the drain marker. */
class SettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDrainMarkerNeverReachesTheValidatorOrTheTableOperationsEvenUnderAWildcard() throws Exception {
        var config = ConfigReader.read(ConfigSource.of(ValidConfig.with("replicatedTables", "[\"%.%\"]")));
        var settings = Settings.of(config);
        assertThat(settings.tableIncludes()).containsExactly("%.%");
        assertThat(settings.tableExcludes()).containsExactly(DrainMarker.MARKER_SCHEMA.toString());

        var selections = new ArrayList<String>();
        for (var definition : new String[]{MigrationDefinition.of(SampleTargets.targets(), settings).definition("m", 60),
                RollbackDefinition.of(SampleTargets.targets(), settings).definition("r", 60)}) {
            JSON.readTree(definition).path("States").fields().forEachRemaining(state -> {
                var payload = state.getValue().at("/Arguments/Payload");
                if (payload.has("include")) {
                    selections.add(state.getKey());
                    assertThat(payload.path("exclude").toString()).as(state.getKey()).contains("\"migration_control.%\"");
                }
            });
        }
        assertThat(selections).contains("Plan initial validation", "Plan final validation", "Check on-prem prerequisites",
                "Empty the Aurora tables", "Carry sequences to Aurora", "Carry sequences to on-prem");
    }

    @Test
    void theWritersContractComesFromConfig() {
        var config = ConfigReader.read(ConfigSource.of(ValidConfig.with(ValidConfig.with("writerFlagMaxAgeSeconds", "20"),
                "longestWriteTransactionSeconds", "7")));
        assertThat(Settings.of(config).writers()).isEqualTo(new MigrationConfig.WriterContract(20, 7));
    }
}
