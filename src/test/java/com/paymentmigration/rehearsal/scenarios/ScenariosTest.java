package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.rehearsal.Plans;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario on the plan's own definitions, policies and resources; every invariant must hold. */
class ScenariosTest {

    static List<Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void holds(Scenario scenario) {
        var result = scenario.run(new Rehearsal(Plans.of(scenario.overrides().toArray(String[]::new))));
        var timeline = new ByteArrayOutputStream();
        new Timeline(result.rehearsal()).print(new PrintStream(timeline, true, StandardCharsets.UTF_8));
        assertThat(result.checks()).as("%s%nTimeline:%n%s", scenario.summary(), timeline.toString(StandardCharsets.UTF_8))
                .allSatisfy(check -> assertThat(check.held()).as(check.description() + ": " + check.detail()).isTrue());
    }
}
