package com.paymentmigration.lambda.rotation;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static com.paymentmigration.lambda.rotation.SecretStore.PREVIOUS;

/**
 * The four rotation steps for a PostgreSQL user. Every step is idempotent: Secrets Manager retries a failed step
 * with the same token, and a retry must neither fail on work already done nor redo it. Until finishSecret,
 * AWSCURRENT keeps working; a failure anywhere earlier leaves it untouched.
 * <p>
 * Single-user: the user changes its own password (a short window where the old one stops working before the
 * secret flips). Alternating users: a master secret manages two users ({@code app}, {@code app_clone}) and each
 * rotation moves to the one not in use, so clients holding the current credentials are never cut off.
 */
public final class Rotation {

    /**
     * Left out of generated passwords: quotes, backslash, slash, at and space break connection strings; DMS
     * endpoints additionally reject {@code ; + % , { }}.
     */
    public static final String EXCLUDED_CHARACTERS = "\"'\\/@ ;+%,{}`";
    public static final int PASSWORD_LENGTH = 32;

    private final SecretStore store;
    private final Accounts accounts;

    public Rotation(SecretStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public void run(RotationEvent event) {
        if (!store.rotationEnabled(event.secretId())) {
            throw new RotationException("secret " + event.secretId() + " is not enabled for rotation");
        }
        var versions = store.versions(event.secretId());
        var stages = versions.get(event.token());
        if (stages == null) {
            throw new RotationException("secret " + event.secretId() + " has no version " + event.token());
        }
        if (stages.contains(CURRENT)) {
            return; // finished already: a late retry of any step changes nothing
        }
        if (!stages.contains(PENDING)) {
            throw new RotationException("version " + event.token() + " of " + event.secretId() + " is not AWSPENDING");
        }
        switch (event.step()) {
            case CREATE -> create(event);
            case SET -> set(event);
            case TEST -> test(event);
            case FINISH -> finish(event);
        }
    }

    private void create(RotationEvent event) {
        if (store.value(event.secretId(), event.token(), PENDING).isPresent()) {
            return;
        }
        var current = current(event.secretId());
        var username = current.masterArn() == null ? current.username() : current.alternateUsername();
        var pending = current.with(username, store.randomPassword(PASSWORD_LENGTH, EXCLUDED_CHARACTERS));
        store.putPending(event.secretId(), event.token(), pending.toJson());
    }

    private void set(RotationEvent event) {
        var pending = pending(event);
        if (accounts.canLogin(pending)) {
            return;
        }
        var current = current(event.secretId());
        if (current.masterArn() != null) {
            var master = Credentials.parse(store.value(current.masterArn(), null, CURRENT).orElseThrow(() ->
                    new RotationException("master secret " + current.masterArn() + " has no AWSCURRENT value")),
                    "master secret " + current.masterArn());
            accounts.setPassword(master, pending, current.username());
            return;
        }
        // Single user: a retry after a set that went through but was not recorded finds the old password gone;
        // the previous version then still holds a password that logs in.
        var admin = accounts.canLogin(current) ? current : store.value(event.secretId(), null, PREVIOUS)
                .map(v -> Credentials.parse(v, "AWSPREVIOUS of " + event.secretId()))
                .filter(accounts::canLogin)
                .orElseThrow(() -> new RotationException("neither AWSCURRENT nor AWSPREVIOUS of " + event.secretId()
                        + " can log in to " + current + "; fix the stored password, then rotate again"));
        accounts.setPassword(admin, pending, null);
    }

    private void test(RotationEvent event) {
        var pending = pending(event);
        if (!accounts.canLogin(pending)) {
            throw new RotationException("the pending credentials for " + pending + " cannot log in; AWSCURRENT is unchanged");
        }
    }

    private void finish(RotationEvent event) {
        var current = store.versions(event.secretId()).entrySet().stream()
                .filter(e -> e.getValue().contains(CURRENT)).map(java.util.Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new RotationException("secret " + event.secretId() + " has no AWSCURRENT version"));
        store.promote(event.secretId(), event.token(), current);
    }

    private Credentials current(String secretId) {
        return Credentials.parse(store.value(secretId, null, CURRENT)
                .orElseThrow(() -> new RotationException("secret " + secretId + " has no AWSCURRENT value")),
                "AWSCURRENT of " + secretId);
    }

    private Credentials pending(RotationEvent event) {
        return Credentials.parse(store.value(event.secretId(), event.token(), PENDING)
                .orElseThrow(() -> new RotationException("version " + event.token() + " has no value yet; run createSecret first")),
                "AWSPENDING of " + event.secretId());
    }
}
