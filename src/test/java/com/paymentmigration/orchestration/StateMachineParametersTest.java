package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter a state machine reads or writes, as its generated definition names it, is one the stack creates:
 * a parameter the definitions use and no component creates would fail the first execution that reaches it.
 */
class StateMachineParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDevStackCreatesEveryParameterItsStateMachinesUse() throws Exception {
        var used = assertCreatesWhatItsMachinesUse(StackFixture.dev());

        assertThat(used).as("the dev stack shifts DNS weights too").contains("/migration/dev/dns/new-weight",
                "/migration/dev/database/write-freeze", "/migration/dev/phase");
    }

    @Test
    void aStackWithoutTheServiceCreatesEveryParameterItsStateMachinesUse() throws Exception {
        var used = assertCreatesWhatItsMachinesUse(StackFixture.withoutService());

        assertThat(used).noneMatch(name -> name.contains("/dns/"));
    }

    private static Set<String> assertCreatesWhatItsMachinesUse(StackRun run) throws Exception {
        var created = run.ofType("aws:ssm/parameter:Parameter").stream().map(p -> p.stringInput("name"))
                .collect(Collectors.toCollection(TreeSet::new));
        var used = new TreeSet<String>();
        for (var machine : run.ofType("aws:sfn/stateMachine:StateMachine")) {
            parameterNames(JSON.readTree(machine.stringInput("definition")), used);
        }

        assertThat(used).isNotEmpty().allMatch(name -> name.startsWith("/migration/"));
        assertThat(created).containsAll(used);
        return used;
    }

    /** The Name argument of every Parameter Store call, wherever in the definition (Map and Parallel included). */
    private static void parameterNames(JsonNode node, Set<String> names) {
        if (node.isObject() && node.path("Resource").asText().startsWith("arn:aws:states:::aws-sdk:ssm:")) {
            names.add(node.at("/Arguments/Name").asText());
        }
        node.forEach(child -> parameterNames(child, names));
    }
}
