package com.paymentmigration.lambda.trigger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerHandlerTest {

    static final String ARN = "arn:aws:states:eu-central-1:123456789012:stateMachine:migration-rollback-dev";

    /** Records the requests; answers like Step Functions does. */
    static final class RecordingSfn implements SfnClient {
        final List<StartExecutionRequest> requests = new ArrayList<>();

        @Override
        public StartExecutionResponse startExecution(StartExecutionRequest request) {
            requests.add(request);
            return StartExecutionResponse.builder().executionArn(ARN.replace(":stateMachine:", ":execution:") + ":run-1")
                    .startDate(Instant.parse("2026-11-23T10:00:00Z")).build();
        }

        @Override
        public String serviceName() {
            return "sfn";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void startsTheRollbackMachineWithTheEventAsInput() throws Exception {
        var sfn = new RecordingSfn();
        var out = new ByteArrayOutputStream();
        new TriggerHandler(sfn, ARN).handleRequest(input("{\"trigger\":\"mode\",\"reason\":\"migration:mode set to rollback\"}"), out);

        assertThat(sfn.requests).singleElement().satisfies(r -> {
            assertThat(r.stateMachineArn()).isEqualTo(ARN);
            assertThat(r.input()).isEqualTo("{\"trigger\":\"mode\",\"reason\":\"migration:mode set to rollback\"}");
            assertThat(r.name()).as("Step Functions names it: a later switch is a new execution").isNull();
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"executionArn\":\"arn:aws:states:eu-central-1:"
                + "123456789012:execution:migration-rollback-dev:run-1\"").contains("2026-11-23T10:00:00Z");
    }

    @Test
    void refusesAnEventWithoutATriggerAndStartsNothing() {
        var sfn = new RecordingSfn();
        var handler = new TriggerHandler(sfn, ARN);
        assertThatThrownBy(() -> handler.handleRequest(input("{\"reason\":\"x\"}"), new ByteArrayOutputStream()))
                .hasMessageContaining("'trigger'");
        assertThatThrownBy(() -> handler.handleRequest(input("not json"), new ByteArrayOutputStream()))
                .hasMessageContaining("not JSON");
        assertThat(sfn.requests).isEmpty();
    }

    @Test
    void refusesToRunWithoutTheMachinesArn() {
        assertThatThrownBy(() -> new TriggerHandler(new RecordingSfn(), null)).hasMessageContaining("STATE_MACHINE_ARN");
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
