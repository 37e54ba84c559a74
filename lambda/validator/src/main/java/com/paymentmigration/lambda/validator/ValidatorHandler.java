package com.paymentmigration.lambda.validator;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.S3ReportStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.validator.ValidatorHandler::handleRequest}). Environment:
 * {@code SOURCE_SECRET_ID} and {@code TARGET_SECRET_ID} (connection secrets), {@code CHECKPOINT_BUCKET} (reports),
 * {@code ENVIRONMENT} (metric dimension), {@code DB_SSL_MODE} (default {@code require}: encrypted;
 * {@code verify-full} also needs the CA in the function's trust store). A failure surfaces as its exception's class name, which is what the
 * state machines catch on.
 */
public final class ValidatorHandler {

    private final Map<String, String> environment;
    private final SecretsManagerClient secrets;
    private final S3Client s3;

    public ValidatorHandler() {
        this.environment = System.getenv();
        var http = UrlConnectionHttpClient.create();
        this.secrets = SecretsManagerClient.builder().httpClient(http).build();
        this.s3 = S3Client.builder().httpClient(http).build();
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(input);
        } catch (IOException e) {
            throw new MalformedEventException("the event is not JSON: " + e.getMessage());
        }
        var validator = new Validator(this::connect, new S3ReportStore(s3, required("CHECKPOINT_BUCKET")),
                new EmbeddedMetrics(System.out, required("ENVIRONMENT")), Recheck.Sleeper.REAL, System::currentTimeMillis);
        var result = validator.handle(event, context::getRemainingTimeInMillis);
        output.write(Json.write(result));
    }

    private Sides connect() {
        var sslMode = environment.getOrDefault("DB_SSL_MODE", "require");
        return Sides.open(address("source", required("SOURCE_SECRET_ID"), sslMode),
                address("target", required("TARGET_SECRET_ID"), sslMode));
    }

    private DatabaseAddress address(String label, String secretId, String sslMode) {
        String secret;
        try {
            secret = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new PermissionDeniedException("cannot read the " + label + " secret " + secretId + ": " + e.getMessage()
                    + "; the function's role needs secretsmanager:GetSecretValue on it (and kms:Decrypt on its key)", e);
        }
        try {
            return DatabaseAddress.fromSecret(label, secretId, Json.MAPPER.readTree(secret), sslMode);
        } catch (IOException e) {
            throw new MalformedEventException("the " + label + " secret " + secretId + " is not JSON");
        }
    }

    private String required(String name) {
        var value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("environment variable " + name + " is not set on the function");
        }
        return value;
    }
}
