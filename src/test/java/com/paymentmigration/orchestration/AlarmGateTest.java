package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm gates read alarms by name: a name that is not an alarm's reads as "not in ALARM", so a gate naming
 * something else would never stop the migration.
 */
class AlarmGateTest {

    @Test
    void theGatesNameAlarmsThePlanCreates() throws Exception {
        var run = StackFixture.dev();
        var alarms = run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().map(a -> a.stringInput("name")).toList();
        var definition = new ObjectMapper().readTree(run.one("aws:sfn/stateMachine:StateMachine", "orchestration-migration")
                .stringInput("definition"));
        var named = new ArrayList<String>();
        definition.findValues("AlarmNames").forEach(list -> list.forEach(name -> named.add(name.asText())));
        assertThat(named).isNotEmpty();
        assertThat(alarms).containsAll(named);
    }

}
