package com.paymentmigration.lambda.rotation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What rotation needs of Secrets Manager; {@link SecretsManagerStore} is the real one. */
public interface SecretStore {

    String CURRENT = "AWSCURRENT";
    String PENDING = "AWSPENDING";
    String PREVIOUS = "AWSPREVIOUS";

    boolean rotationEnabled(String secretId);

    /** Version id to its staging labels. */
    Map<String, List<String>> versions(String secretId);

    /** The secret string of the version carrying {@code stage} (and {@code versionId}, when given). */
    Optional<String> value(String secretId, String versionId, String stage);

    /** Stores a new version {@code token} labelled AWSPENDING; storing the same token twice is a no-op. */
    void putPending(String secretId, String token, String value);

    /** Moves AWSCURRENT to {@code token} (Secrets Manager then labels the old version AWSPREVIOUS) and drops AWSPENDING. */
    void promote(String secretId, String token, String currentVersion);

    /** Removes AWSPENDING from {@code token}. */
    void dropPending(String secretId, String token);

    String randomPassword(int length, String excludedCharacters);
}
