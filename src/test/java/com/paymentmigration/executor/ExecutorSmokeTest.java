package com.paymentmigration.executor;

import org.junit.jupiter.api.Test;

import static com.paymentmigration.executor.Machines.json;
import static com.paymentmigration.executor.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutorSmokeTest {

    @Test
    void passTaskChoiceSucceed() {
        var definition = machine("Start", """
                {'Start': {'Type': 'Pass', 'Assign': {'n': 1}, 'Output': {'x': '{% $states.input.x %}'}, 'Next': 'Call'},
                 'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::aws-sdk:ssm:getParameter',
                          'Arguments': {'Name': '{% \\'p\\' & $string($n) %}'}, 'Output': '{% $states.result %}', 'Next': 'Check'},
                 'Check': {'Type': 'Choice', 'Choices': [{'Condition': '{% $states.input.Parameter.Value = \\'ok\\' %}', 'Next': 'Done'}],
                           'Default': 'Bad'},
                 'Done': {'Type': 'Succeed'},
                 'Bad': {'Type': 'Fail', 'Error': 'Bad', 'Cause': 'not ok'}}
                """);
        var execution = new Executor(call -> json("{'Parameter': {'Name': '" + call.arguments().path("Name").asText()
                + "', 'Value': 'ok'}}")).execute(definition, json("{'x': 5}"));
        assertThat(execution.status()).as(execution.toJson().toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(execution.output().path("Parameter").path("Name").asText()).isEqualTo("p1");
        assertThat(execution.statesEntered()).containsExactly("Start", "Call", "Check", "Done");
    }
}
