package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static com.paymentmigration.lambda.rotation.SecretStore.PREVIOUS;

/**
 * A stand-in for the Secrets Manager API behind the real {@link SecretsManagerStore}, keeping the documented rules
 * the rotation contract rests on: a staging label is on at most one version; moving AWSCURRENT puts AWSPREVIOUS on
 * the version it left; UpdateSecretVersionStage refuses to move a label without naming the version that has it;
 * PutSecretValue is idempotent for the same token and value and refuses another value (ResourceExistsException);
 * GetSecretValue answers AWSCURRENT by default and refuses a version id and stage that do not meet; DescribeSecret
 * lists only versions that carry a label; RotateSecret labels the new token AWSPENDING before createSecret runs.
 * Any call can be made to fail once ({@link #failNext}), as a throttled or interrupted call would.
 */
final class FakeSecretsManager implements SecretsManagerClient {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    /** GetRandomPassword's punctuation: every printable ASCII character that is not a letter or digit. */
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final Map<String, Map<String, List<String>>> labels = new HashMap<>();
    private final Map<String, Boolean> rotation = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private String failing;
    private int failAfter;
    String lastExcluded;

    void create(String secretId, String value) {
        var token = UUID.randomUUID().toString();
        values.put(secretId, new LinkedHashMap<>(Map.of(token, value)));
        labels.put(secretId, new LinkedHashMap<>(Map.of(token, new ArrayList<>(List.of(CURRENT)))));
        rotation.put(secretId, true);
    }

    void disableRotation(String secretId) {
        rotation.put(secretId, false);
    }

    /** The next call of this operation ("PutSecretValue", ...) fails, as an interrupted call would. */
    void failNext(String operation) {
        failCall(operation, 1);
    }

    /** The {@code nth} call from now of this operation fails. */
    void failCall(String operation, int nth) {
        failing = operation;
        failAfter = nth;
    }

    /** What RotateSecret does before invoking createSecret: a new version id labelled AWSPENDING, with no value yet. */
    String startRotation(String secretId) {
        var token = UUID.randomUUID().toString();
        moveLabel(secretId, PENDING, token);
        return token;
    }

    String current(String secretId) {
        return getSecretValue(b -> b.secretId(secretId)).secretString();
    }

    Map<String, List<String>> stages(String secretId) {
        return describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
    }

    @Override
    public DescribeSecretResponse describeSecret(DescribeSecretRequest request) {
        maybeFail("DescribeSecret");
        var copy = new LinkedHashMap<String, List<String>>();
        secret(request.secretId()).forEach((version, stages) -> {
            if (!stages.isEmpty()) {
                copy.put(version, List.copyOf(stages));
            }
        });
        return DescribeSecretResponse.builder().arn(request.secretId()).rotationEnabled(rotation.get(request.secretId()))
                .versionIdsToStages(copy).build();
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        maybeFail("GetSecretValue");
        var versions = secret(request.secretId());
        var stage = request.versionId() == null && request.versionStage() == null ? CURRENT : request.versionStage();
        var version = request.versionId() != null ? request.versionId() : versions.entrySet().stream()
                .filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey).findFirst().orElse(null);
        var value = version == null ? null : values.get(request.secretId()).get(version);
        if (value == null || (stage != null && !versions.getOrDefault(version, List.of()).contains(stage))) {
            throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret value for "
                    + "VersionId: " + request.versionId() + ", staging label: " + stage).build();
        }
        return GetSecretValueResponse.builder().arn(request.secretId()).versionId(version).secretString(value)
                .versionStages(List.copyOf(versions.get(version))).build();
    }

    @Override
    public PutSecretValueResponse putSecretValue(PutSecretValueRequest request) {
        maybeFail("PutSecretValue");
        secret(request.secretId());
        var existing = values.get(request.secretId()).get(request.clientRequestToken());
        if (existing != null && !existing.equals(request.secretString())) {
            throw ResourceExistsException.builder().message("version " + request.clientRequestToken()
                    + " already exists with another value").build();
        }
        values.get(request.secretId()).put(request.clientRequestToken(), request.secretString());
        var stages = request.hasVersionStages() ? request.versionStages() : List.of(CURRENT);
        stages.forEach(stage -> moveLabel(request.secretId(), stage, request.clientRequestToken()));
        return PutSecretValueResponse.builder().versionId(request.clientRequestToken()).build();
    }

    @Override
    public UpdateSecretVersionStageResponse updateSecretVersionStage(UpdateSecretVersionStageRequest request) {
        maybeFail("UpdateSecretVersionStage");
        var versions = secret(request.secretId());
        var holder = versions.entrySet().stream().filter(e -> e.getValue().contains(request.versionStage()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (holder != null && !holder.equals(request.moveToVersionId()) && !holder.equals(request.removeFromVersionId())) {
            throw InvalidParameterException.builder().message("The parameter RemoveFromVersionId can't be empty: staging "
                    + "label " + request.versionStage() + " is attached to version " + holder).build();
        }
        if (request.removeFromVersionId() != null && !request.removeFromVersionId().equals(holder)) {
            throw InvalidParameterException.builder().message("staging label " + request.versionStage()
                    + " is not attached to version " + request.removeFromVersionId()).build();
        }
        if (request.moveToVersionId() != null) {
            moveLabel(request.secretId(), request.versionStage(), request.moveToVersionId());
        } else if (holder != null) {
            versions.get(holder).remove(request.versionStage());
        }
        return UpdateSecretVersionStageResponse.builder().build();
    }

    @Override
    public GetRandomPasswordResponse getRandomPassword(GetRandomPasswordRequest request) {
        maybeFail("GetRandomPassword");
        lastExcluded = request.excludeCharacters();
        var excluded = request.excludeCharacters() == null ? "" : request.excludeCharacters();
        var types = new ArrayList<String>();
        for (var type : List.of(UPPER, LOWER, DIGITS, PUNCTUATION)) {
            var allowed = type.chars().filter(c -> excluded.indexOf(c) < 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (!allowed.isEmpty()) {
                types.add(allowed);
            }
        }
        var length = request.passwordLength() == null ? 32 : request.passwordLength().intValue();
        var password = new StringBuilder();
        types.forEach(type -> password.append(type.charAt(random.nextInt(type.length())))); // RequireEachIncludedType
        var all = String.join("", types);
        while (password.length() < length) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        return GetRandomPasswordResponse.builder().randomPassword(password.toString()).build();
    }

    /** A label is on one version at most; AWSCURRENT leaving a version leaves AWSPREVIOUS behind. */
    private void moveLabel(String secretId, String stage, String version) {
        var versions = secret(secretId);
        var from = versions.entrySet().stream().filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (version.equals(from)) {
            return;
        }
        if (from != null) {
            versions.get(from).remove(stage);
        }
        versions.computeIfAbsent(version, k -> new ArrayList<>()).add(stage);
        if (stage.equals(CURRENT) && from != null) {
            versions.values().forEach(l -> l.remove(PREVIOUS));
            versions.get(from).add(PREVIOUS);
        }
    }

    private Map<String, List<String>> secret(String secretId) {
        var versions = labels.get(secretId);
        if (versions == null) {
            throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret: " + secretId).build();
        }
        return versions;
    }

    private void maybeFail(String operation) {
        if (operation.equals(failing) && --failAfter == 0) {
            failing = null;
            throw SecretsManagerException.builder().message(operation + " failed (injected)").statusCode(500).build();
        }
    }

    @Override
    public String serviceName() {
        return "secretsmanager";
    }

    @Override
    public void close() {
    }
}
