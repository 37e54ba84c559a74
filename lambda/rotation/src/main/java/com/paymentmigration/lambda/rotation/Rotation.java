package com.paymentmigration.lambda.rotation;

import java.util.Map;
import java.util.Set;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static com.paymentmigration.lambda.rotation.SecretStore.PREVIOUS;

/**
 * The four rotation steps for a PostgreSQL user. Every step is idempotent: Secrets Manager retries a failed step
 * with the same token, and a retry must neither fail on work already done nor leave work undone.
 * <p>
 * Alternating users (the secret has {@code masterarn}): a master secret manages two users ({@code app},
 * {@code app_clone}); each rotation sets the password of the one not in use, so AWSCURRENT keeps working throughout,
 * and testSecret proves the new user may do everything the current one may before finishSecret hands it out.
 * Single user: the user changes its own password, and clients holding the old one fail from setSecret until they
 * read the new AWSCURRENT: only for credentials no running client depends on (the Aurora master).
 */
public final class Rotation {

    /**
     * Generated passwords use letters, digits and the four characters RFC 3986 leaves unreserved ({@code - . _ ~}):
     * everything else is left out, because it means something in a URI (a libpq or JDBC connection string), a
     * .pgpass line ({@code : \}), a shell, SQL quoting or a DMS endpoint ({@code ; + % , { }}).
     */
    public static final String EXCLUDED_CHARACTERS = "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}";
    public static final int PASSWORD_LENGTH = 32;
    /** testSecret names at most this many missing privileges; the count tells how many more there are. */
    private static final int LISTED_PRIVILEGES = 20;

    private final SecretStore store;
    private final Accounts accounts;
    private final MigrationGate gate;
    private final Set<String> alternatingRequired;

    /** @param alternatingRequired secrets (ARN or name, as Secrets Manager sends SecretId) that a service or DMS uses */
    public Rotation(SecretStore store, Accounts accounts, MigrationGate gate, Set<String> alternatingRequired) {
        this.store = store;
        this.accounts = accounts;
        this.gate = gate;
        this.alternatingRequired = Set.copyOf(alternatingRequired);
    }

    public void run(RotationEvent event) {
        if (!store.rotationEnabled(event.secretId())) {
            throw new RotationException("secret " + event.secretId() + " is not enabled for rotation");
        }
        var stages = store.versions(event.secretId()).get(event.token());
        if (stages == null) {
            throw new RotationException("secret " + event.secretId() + " has no version " + event.token());
        }
        if (stages.contains(CURRENT)) {
            if (event.step() == Step.FINISH && stages.contains(PENDING)) {
                store.dropPending(event.secretId(), event.token()); // a finish that stopped between its two calls
            }
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
        gate.requireQuiet(event.secretId());
        if (store.value(event.secretId(), event.token(), PENDING).isPresent()) {
            return;
        }
        var current = current(event.secretId());
        if (current.masterArn() == null && alternatingRequired.contains(event.secretId())) {
            throw new RotationException("secret " + event.secretId() + " is used by a service or DMS and must rotate with "
                    + "alternating users, so that its current credentials keep working until the new ones are tested: add "
                    + "\"masterarn\" (the ARN of a secret whose user has CREATEROLE and ADMIN OPTION on " + current.username()
                    + ") to its value");
        }
        var pending = current.with(current.nextUsername(), store.randomPassword(PASSWORD_LENGTH, EXCLUDED_CHARACTERS));
        store.putPending(event.secretId(), event.token(), pending.toJson());
    }

    private void set(RotationEvent event) {
        gate.requireQuiet(event.secretId());
        var current = current(event.secretId());
        var pending = pending(event, current);
        if (current.masterArn() != null) {
            var master = Credentials.parse(store.value(current.masterArn(), null, CURRENT).orElseThrow(() ->
                    new RotationException("master secret " + current.masterArn() + " has no AWSCURRENT value")),
                    "master secret " + current.masterArn());
            if (!master.host().equals(current.host()) || master.port() != current.port()) {
                throw new RotationException("master secret " + current.masterArn() + " names server " + master.host() + ":"
                        + master.port() + " but " + event.secretId() + " names " + current.host() + ":" + current.port()
                        + "; both must name the same server");
            }
            // Always re-applied in full: a run that stopped half-way leaves nothing a retry would skip.
            accounts.prepareAlternate(master, pending, pending.baseUsername());
            return;
        }
        if (accounts.loginFailure(pending) == null) {
            return; // an earlier run set it
        }
        // Single user: a retry after a set that went through but was not recorded finds the old password gone;
        // the previous version then still holds a password that logs in.
        var currentFailure = accounts.loginFailure(current);
        if (currentFailure == null) {
            accounts.changeOwnPassword(current, pending);
            return;
        }
        var previous = store.value(event.secretId(), null, PREVIOUS)
                .map(v -> Credentials.parse(v, "AWSPREVIOUS of " + event.secretId()))
                .filter(p -> p.username().equals(current.username()) && p.host().equals(current.host()));
        var previousFailure = previous.isEmpty() ? "no AWSPREVIOUS version for this user and host"
                : accounts.loginFailure(previous.get());
        if (previousFailure != null) {
            throw new RotationException("neither AWSCURRENT nor AWSPREVIOUS of " + event.secretId() + " can log in to "
                    + current + " (AWSCURRENT: " + currentFailure + "; AWSPREVIOUS: " + previousFailure
                    + "); fix the stored password, then rotate again");
        }
        accounts.changeOwnPassword(previous.orElseThrow(), pending);
    }

    private void test(RotationEvent event) {
        var current = current(event.secretId());
        var pending = pending(event, current);
        var failure = accounts.loginFailure(pending);
        if (failure != null) {
            throw new RotationException("the pending credentials for " + pending + " cannot log in (" + failure
                    + "); AWSCURRENT is unchanged");
        }
        if (!pending.username().equals(current.username())) {
            var missing = accounts.missingPrivileges(pending, current.username());
            if (!missing.isEmpty()) {
                throw new RotationException(pending.username() + " may not do " + missing.size() + " thing(s) "
                        + current.username() + " may, so it cannot replace it; AWSCURRENT is unchanged. Missing: "
                        + String.join("; ", missing.subList(0, Math.min(LISTED_PRIVILEGES, missing.size())))
                        + (missing.size() > LISTED_PRIVILEGES ? "; ..." : "")
                        + ". Grant them to " + pending.baseUsername() + " (or to " + pending.username()
                        + "), or let the master re-apply them (setSecret)");
            }
        }
    }

    private void finish(RotationEvent event) {
        var current = store.versions(event.secretId()).entrySet().stream()
                .filter(e -> e.getValue().contains(CURRENT)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new RotationException("secret " + event.secretId() + " has no AWSCURRENT version"));
        store.promote(event.secretId(), event.token(), current);
    }

    private Credentials current(String secretId) {
        return Credentials.parse(store.value(secretId, null, CURRENT)
                .orElseThrow(() -> new RotationException("secret " + secretId + " has no AWSCURRENT value")),
                "AWSCURRENT of " + secretId);
    }

    /** The pending value, refused unless it differs from the current one in the password (and the user's turn) only. */
    private Credentials pending(RotationEvent event, Credentials current) {
        var pending = Credentials.parse(store.value(event.secretId(), event.token(), PENDING)
                .orElseThrow(() -> new RotationException("version " + event.token() + " has no value yet; run createSecret first")),
                "AWSPENDING of " + event.secretId());
        var differences = current.differencesFromNext(pending);
        if (!differences.isEmpty()) {
            throw new RotationException("AWSPENDING of " + event.secretId() + " (version " + event.token() + ") is not the "
                    + "next version of AWSCURRENT: " + String.join("; ", differences) + ". Only the password may change; "
                    + "nothing was changed. Cancel this rotation (CancelRotateSecret) and rotate again");
        }
        return pending;
    }
}
