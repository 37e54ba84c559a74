package com.paymentmigration.lambda.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A PostgreSQL secret: {@code engine, host, port, username, password, dbname}, optionally {@code masterarn} for the
 * alternating-users strategy. Fields it does not know are kept as they are.
 */
public final class Credentials {

    static final String CLONE_SUFFIX = "_clone";
    /** The engine values RDS and Secrets Manager write for PostgreSQL; Aurora's is {@code aurora-postgresql}. */
    static final Set<String> ENGINES = Set.of("postgres", "postgresql", "aurora-postgresql");
    /** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes: a longer clone name would alias another role. */
    static final int MAX_ROLE_NAME_BYTES = 63;
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
        if (node.has("engine") && !ENGINES.contains(node.path("engine").asText())) {
            throw new RotationException(what + " has engine '" + node.path("engine").asText()
                    + "'; this function rotates PostgreSQL credentials only (engine one of " + ENGINES + ")");
        }
        if (node.has("port") && !(node.path("port").canConvertToInt() || node.path("port").asText().matches("\\d{1,5}"))) {
            throw new RotationException(what + " has port '" + node.path("port").asText() + "'; expected a number");
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

    public String engine() {
        return json.path("engine").asText("postgres");
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

    /** The user both members of an alternating pair derive from: {@code app} for {@code app} and {@code app_clone}. */
    String baseUsername() {
        var user = username();
        return user.endsWith(CLONE_SUFFIX) ? user.substring(0, user.length() - CLONE_SUFFIX.length()) : user;
    }

    /** The other user of an alternating pair: {@code app} and {@code app_clone}. */
    String alternateUsername() {
        var user = username();
        var alternate = user.equals(baseUsername()) ? user + CLONE_SUFFIX : baseUsername();
        if (alternate.getBytes(StandardCharsets.UTF_8).length > MAX_ROLE_NAME_BYTES) {
            throw new RotationException("the alternate user of '" + user + "' would be '" + alternate + "', longer than "
                    + "PostgreSQL's " + MAX_ROLE_NAME_BYTES + "-byte name limit (it would be truncated to another name); "
                    + "use a username of at most " + (MAX_ROLE_NAME_BYTES - CLONE_SUFFIX.length()) + " bytes");
        }
        return alternate;
    }

    /** The username the next version must carry: the same user, or the other one of an alternating pair. */
    String nextUsername() {
        return masterArn() == null ? username() : alternateUsername();
    }

    /**
     * Why {@code pending} is not the next version of this (current) secret, or an empty list when it is. Everything
     * but the password is fixed by the current version: a pending value that names another user, server or master
     * would make setSecret change a password it was never meant to touch.
     */
    List<String> differencesFromNext(Credentials pending) {
        var differences = new ArrayList<String>();
        compare(differences, "username", nextUsername(), pending.username());
        compare(differences, "host", host(), pending.host());
        compare(differences, "port", String.valueOf(port()), String.valueOf(pending.port()));
        compare(differences, "dbname", database(), pending.database());
        compare(differences, "engine", engine(), pending.engine());
        compare(differences, "masterarn", masterArn(), pending.masterArn());
        return differences;
    }

    private static void compare(List<String> differences, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(field + " is '" + actual + "', expected '" + expected + "'");
        }
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
