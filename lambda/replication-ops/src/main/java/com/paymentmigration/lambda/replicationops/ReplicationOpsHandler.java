package com.paymentmigration.lambda.replicationops;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.replicationops.ReplicationOpsHandler::handleRequest}).
 * Environment: {@code ONPREM_SECRET_ID}, {@code AURORA_SECRET_ID} (the database secrets), {@code DB_SSL_MODE}
 * (default {@code require}). A failure surfaces as its exception's class name, which the state machines catch on:
 * {@link OperationException} and {@link PrerequisitesMissingException} are permanent, anything else is retried.
 */
public final class ReplicationOpsHandler {

    private static final ReplicationOps OPS = new ReplicationOps(new SecretConnections(
            SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), System.getenv()),
            System.out, System::currentTimeMillis);

    public Map<String, Object> handleRequest(Map<String, Object> event) {
        var parsed = Json.MAPPER.valueToTree(event);
        System.out.println("{\"operation\":" + Json.write(parsed.path("operation").asText("")) + "}");
        return OPS.handle(parsed);
    }
}
