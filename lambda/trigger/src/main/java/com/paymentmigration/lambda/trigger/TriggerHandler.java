package com.paymentmigration.lambda.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Starts the rollback state machine (the only one its role may start, named by {@code STATE_MACHINE_ARN}) with the
 * event as the execution's input. Invoked by {@code pulumi up} when it switches {@code migration:mode} to rollback:
 * the up waits for the answer, so a rollback that could not start fails the up instead of going unnoticed.
 */
public final class TriggerHandler {

    static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient client;
    private final String stateMachineArn;

    /** The Lambda runtime's constructor: configuration from the environment. */
    public TriggerHandler() {
        this(SfnClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(20)).build())
                .build(), System.getenv(STATE_MACHINE_ARN));
    }

    TriggerHandler(SfnClient client, String stateMachineArn) {
        if (stateMachineArn == null || !stateMachineArn.startsWith("arn:aws:states:")) {
            throw new IllegalStateException(STATE_MACHINE_ARN + " must be the rollback state machine's ARN, not '"
                    + stateMachineArn + "'");
        }
        this.client = client;
        this.stateMachineArn = stateMachineArn;
    }

    public void handleRequest(InputStream input, OutputStream output) throws IOException {
        var event = read(input);
        var response = client.startExecution(StartExecutionRequest.builder()
                .stateMachineArn(stateMachineArn)
                .input(JSON.writeValueAsString(event))
                .build());
        var answer = JSON.createObjectNode();
        answer.put("executionArn", response.executionArn());
        answer.put("startDate", response.startDate().toString());
        JSON.writeValue(output, answer);
    }

    /** The execution input: a JSON object with a text trigger (the rollback machine branches on it). */
    static JsonNode read(InputStream input) throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the event is not JSON: " + e.getOriginalMessage()
                    + "; send an object such as {\"trigger\": \"mode\", \"reason\": \"...\"}");
        }
        if (event == null || !event.isObject() || !event.path("trigger").isTextual() || event.path("trigger").asText().isBlank()) {
            throw new IllegalArgumentException("the event must be a JSON object with a text 'trigger' (mode, manual...), "
                    + "e.g. {\"trigger\": \"mode\", \"reason\": \"...\"}");
        }
        return event;
    }
}
