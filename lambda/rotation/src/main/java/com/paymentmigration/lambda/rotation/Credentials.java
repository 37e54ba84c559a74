package com.paymentmigration.lambda.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * A PostgreSQL secret: {@code engine, host, port, username, password, dbname}, optionally {@code masterarn} for the
 * alternating-users strategy. Fields it does not know are kept as they are.
 */
public final class Credentials {

    static final String CLONE_SUFFIX = "_clone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json;

    private Credentials(ObjectNode json) {
        this.json = json;
    }

    public static Credentials parse(String secretString, String what) {
        ObjectNode node;
        try {
            var parsed = JSON.readTree(secretString == null ? "" : secretString);
            if (!(parsed instanceof ObjectNode object)) {
                throw new RotationException(what + " is not a JSON object");
            }
            node = object;
        } catch (IOException e) {
            throw new RotationException(what + " is not valid JSON (value not shown)");
        }
        for (var field : new String[]{"host", "username", "password"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isEmpty()) {
                throw new RotationException(what + " lacks '" + field + "'; a PostgreSQL secret needs engine, host, port, "
                        + "username, password and dbname");
            }
        }
        if (node.has("engine") && !node.path("engine").asText().startsWith("postgres")) {
            throw new RotationException(what + " has engine '" + node.path("engine").asText()
                    + "'; this function rotates PostgreSQL credentials only");
        }
        return new Credentials(node);
    }

    public String host() {
        return json.path("host").asText();
    }

    public int port() {
        return json.path("port").asInt(5432);
    }

    public String database() {
        return json.path("dbname").asText("postgres");
    }

    public String username() {
        return json.path("username").asText();
    }

    public String password() {
        return json.path("password").asText();
    }

    /** Present when the secret uses the alternating-users strategy: the admin secret that manages both users. */
    public String masterArn() {
        return json.path("masterarn").isTextual() ? json.path("masterarn").asText() : null;
    }

    /** The other user of an alternating pair: {@code app} and {@code app_clone}. */
    String alternateUsername() {
        var user = username();
        return user.endsWith(CLONE_SUFFIX) ? user.substring(0, user.length() - CLONE_SUFFIX.length()) : user + CLONE_SUFFIX;
    }

    Credentials with(String username, String password) {
        var copy = json.deepCopy();
        copy.put("username", username);
        copy.put("password", password);
        return new Credentials(copy);
    }

    public String toJson() {
        return json.toString();
    }

    @Override
    public String toString() {
        return username() + "@" + host() + ":" + port() + "/" + database();
    }
}
