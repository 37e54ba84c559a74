package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.Plans;
import com.paymentmigration.rehearsal.data.EmbeddedServers;
import com.paymentmigration.rehearsal.scenarios.Timeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each data scenario on two embedded servers: the plan's machines on a clock 20 times faster than the wall (so the
 * definitions' fixed polls, five minutes for the full load, take seconds), a small preload, a steady writer; every
 * invariant, on the timeline and on the data, must hold.
 */
class DataScenariosTest {

    static final DataRehearsal.Settings SETTINGS = new DataRehearsal.Settings(500, 100, 4, 20);

    static List<DataScenario> scenarios() {
        return DataScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void holds(DataScenario scenario) throws Exception {
        var overrides = scenario.overrides().toArray(String[]::new);
        var pair = EmbeddedServers.shared().fresh("data");
        try (var rehearsal = new DataRehearsal(Plans.of(overrides), new DataPlane(pair.onprem(), pair.aurora(), pair.prefix()), SETTINGS)) {
            var result = scenario.run(rehearsal);

            var timeline = new ByteArrayOutputStream();
            new Timeline(rehearsal.rehearsal()).print(new PrintStream(timeline, true, StandardCharsets.UTF_8));
            assertThat(result.checks()).as("%s%n%s%nTimeline:%n%s", scenario.summary(), result.measured(),
                    timeline.toString(StandardCharsets.UTF_8))
                    .allSatisfy(check -> assertThat(check.held()).as(check.description() + ": " + check.detail()).isTrue());
        }
    }
}
