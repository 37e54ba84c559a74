package com.paymentmigration.lambda.validator.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.lambda.validator.DatabaseUnreachableException;
import com.paymentmigration.lambda.validator.MalformedEventException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to reach one side: a Secrets Manager secret in AWS (host, port, dbname, username, password: the shape RDS
 * and our rotation function keep), or a JDBC URL with optional user and password on the command line and in tests.
 */
public record DatabaseAddress(String jdbcUrl, String user, String password) {

    public static DatabaseAddress fromSecret(String label, String secretId, JsonNode secret, String sslMode) {
        var missing = new java.util.ArrayList<String>();
        for (var field : new String[] {"host", "username", "password"}) {
            if (!secret.hasNonNull(field) || secret.get(field).asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("the " + label + " secret " + secretId + " lacks " + missing
                    + "; it must hold host, port, dbname, username and password");
        }
        var port = secret.path("port").asInt(5432);
        var database = secret.hasNonNull("dbname") ? secret.get("dbname").asText() : "postgres";
        var url = "jdbc:postgresql://" + secret.get("host").asText() + ":" + port + "/" + database
                + "?sslmode=" + sslMode;
        return new DatabaseAddress(url, secret.get("username").asText(), secret.get("password").asText());
    }

    public Side open(String label) {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("cannot connect to the " + label + " database at "
                    + withoutSecrets(jdbcUrl) + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState()
                    + "); check the host, port, credentials and network path", e);
        }
        return new Side(label, connection);
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return withoutSecrets(jdbcUrl);
    }
}
