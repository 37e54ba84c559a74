package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SecretStore} over the Secrets Manager API. */
public final class SecretsManagerStore implements SecretStore {

    private final SecretsManagerClient client;

    public SecretsManagerStore(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public boolean rotationEnabled(String secretId) {
        return Boolean.TRUE.equals(client.describeSecret(b -> b.secretId(secretId)).rotationEnabled());
    }

    @Override
    public Map<String, List<String>> versions(String secretId) {
        var versions = client.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
        return versions == null ? Map.of() : versions;
    }

    @Override
    public Optional<String> value(String secretId, String versionId, String stage) {
        try {
            return Optional.ofNullable(client.getSecretValue(b -> b.secretId(secretId).versionId(versionId)
                    .versionStage(stage)).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void putPending(String secretId, String token, String value) {
        client.putSecretValue(b -> b.secretId(secretId).clientRequestToken(token).secretString(value)
                .versionStages(PENDING));
    }

    @Override
    public void promote(String secretId, String token, String currentVersion) {
        client.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(CURRENT).moveToVersionId(token)
                .removeFromVersionId(currentVersion));
        dropPending(secretId, token);
    }

    @Override
    public void dropPending(String secretId, String token) {
        client.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(PENDING).removeFromVersionId(token));
    }

    @Override
    public String randomPassword(int length, String excludedCharacters) {
        return client.getRandomPassword(b -> b.passwordLength((long) length).excludeCharacters(excludedCharacters))
                .randomPassword();
    }
}
