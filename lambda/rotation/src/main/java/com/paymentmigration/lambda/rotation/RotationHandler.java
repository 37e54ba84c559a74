package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.rotation.RotationHandler::handleRequest}). The runtime
 * hands the event over as a map; no Lambda library is needed. Environment: {@code DB_SSL_MODE} (default
 * {@code require}) and the runtime's own {@code AWS_REGION}; the Secrets Manager endpoint is reached privately.
 */
public final class RotationHandler {

    private static final Rotation ROTATION = new Rotation(
            new SecretsManagerStore(SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()),
            new PostgresAccounts(System.getenv().getOrDefault("DB_SSL_MODE", "require")));

    public void handleRequest(Map<String, Object> event) {
        var parsed = RotationEvent.parse(event);
        System.out.println("{\"step\":\"" + parsed.step().eventName + "\",\"secret\":\"" + parsed.secretId() + "\"}");
        ROTATION.run(parsed);
    }
}
