package com.paymentmigration.lambda.replicationops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Connections from the database secrets ({@code host, port, username, password, dbname}, the shape DMS and the
 * rotation function share), read at every open so a rotated password is picked up without a redeploy.
 */
public final class SecretConnections implements Connections {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A login over the VPN can take seconds; a statement longer than this is stuck behind a lock, not working. */
    static final int CONNECT_TIMEOUT_SECONDS = 15;

    private final SecretsManagerClient secrets;
    private final Map<String, String> environment;

    public SecretConnections(SecretsManagerClient secrets, Map<String, String> environment) {
        this.secrets = secrets;
        this.environment = environment;
    }

    @Override
    public Connection open(Database database) throws SQLException {
        var secretId = environment.get(database.secretVariable);
        if (secretId == null || secretId.isBlank()) {
            throw new OperationException("environment variable " + database.secretVariable + " is not set");
        }
        JsonNode secret;
        try {
            secret = JSON.readTree(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
        } catch (IOException e) {
            throw new OperationException("secret of " + database.label() + " is not JSON (value not shown)");
        }
        for (var field : new String[]{"host", "username", "password"}) {
            if (!secret.path(field).isTextual() || secret.path(field).asText().isEmpty()) {
                throw new OperationException("secret of " + database.label() + " lacks '" + field + "'");
            }
        }
        var properties = new Properties();
        properties.setProperty("user", secret.path("username").asText());
        properties.setProperty("password", secret.path("password").asText());
        properties.setProperty("sslmode", environment.getOrDefault("DB_SSL_MODE", "require"));
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "payment-migration-replication-ops");
        var url = "jdbc:postgresql://" + secret.path("host").asText() + ":" + secret.path("port").asInt(5432) + "/"
                + secret.path("dbname").asText("postgres");
        return DriverManager.getConnection(url, properties);
    }
}
