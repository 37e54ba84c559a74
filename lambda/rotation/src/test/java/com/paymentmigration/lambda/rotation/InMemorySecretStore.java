package com.paymentmigration.lambda.rotation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Secrets Manager's staging-label behaviour, in memory: what the rotation steps rely on, and nothing more. */
final class InMemorySecretStore implements SecretStore {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&()*-.:<=>?[]^_|~"
            + Rotation.EXCLUDED_CHARACTERS;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final Map<String, Map<String, List<String>>> stages = new HashMap<>();
    private final Map<String, Boolean> rotation = new HashMap<>();
    String lastExcluded;

    void create(String secretId, String value) {
        var token = UUID.randomUUID().toString();
        values.put(secretId, new LinkedHashMap<>(Map.of(token, value)));
        stages.put(secretId, new LinkedHashMap<>(Map.of(token, new ArrayList<>(List.of(CURRENT)))));
        rotation.put(secretId, true);
    }

    void disableRotation(String secretId) {
        rotation.put(secretId, false);
    }

    /** What RotateSecret does before the first step: a new version id labelled AWSPENDING, with no value yet. */
    String startRotation(String secretId) {
        var token = UUID.randomUUID().toString();
        stages.get(secretId).values().forEach(labels -> labels.remove(PENDING));
        stages.get(secretId).put(token, new ArrayList<>(List.of(PENDING)));
        return token;
    }

    String currentValue(String secretId) {
        return value(secretId, null, CURRENT).orElseThrow();
    }

    @Override
    public boolean rotationEnabled(String secretId) {
        return rotation.getOrDefault(secretId, false);
    }

    @Override
    public Map<String, List<String>> versions(String secretId) {
        var copy = new LinkedHashMap<String, List<String>>();
        stages.getOrDefault(secretId, Map.of()).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    @Override
    public Optional<String> value(String secretId, String versionId, String stage) {
        return stages.getOrDefault(secretId, Map.of()).entrySet().stream()
                .filter(e -> (versionId == null || e.getKey().equals(versionId)) && (stage == null || e.getValue().contains(stage)))
                .map(e -> values.get(secretId).get(e.getKey())).filter(v -> v != null).findFirst();
    }

    @Override
    public void putPending(String secretId, String token, String value) {
        var existing = values.get(secretId).get(token);
        if (existing != null && !existing.equals(value)) {
            throw new IllegalStateException("ResourceExistsException: version " + token + " already has another value");
        }
        values.get(secretId).put(token, value);
        var labels = stages.get(secretId).computeIfAbsent(token, k -> new ArrayList<>());
        if (!labels.contains(PENDING)) {
            labels.add(PENDING);
        }
    }

    @Override
    public void promote(String secretId, String token, String currentVersion) {
        var labels = stages.get(secretId);
        labels.values().forEach(l -> l.remove(PREVIOUS));
        labels.get(currentVersion).remove(CURRENT);
        labels.get(currentVersion).add(PREVIOUS);
        labels.get(token).add(CURRENT);
        labels.get(token).remove(PENDING);
    }

    @Override
    public String randomPassword(int length, String excludedCharacters) {
        lastExcluded = excludedCharacters;
        var password = new StringBuilder();
        while (password.length() < length) {
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (excludedCharacters.indexOf(c) < 0) {
                password.append(c);
            }
        }
        return password.toString();
    }
}
