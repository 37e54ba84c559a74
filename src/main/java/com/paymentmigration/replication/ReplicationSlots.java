package com.paymentmigration.replication;

import java.util.Locale;

/**
 * The logical replication slots the migration names. The reverse task's on Aurora: the cutover creates it inside the
 * write freeze and starts the reverse task at the position it recorded; DMS only finds it by this name (the Aurora
 * source endpoint's {@code slotName}), so the endpoint and the state machines take it from here.
 */
public final class ReplicationSlots {

    /** PostgreSQL keeps names to NAMEDATALEN - 1 bytes; slot names allow lower-case letters, digits and _ only. */
    static final int MAX_SLOT_NAME = 63;

    private ReplicationSlots() {
    }

    public static String reverseSlotName(String environmentSuffix) {
        return slotName("migration_reverse_", environmentSuffix);
    }

    /**
     * The change slots: one on each database, created before the full validation that precedes the write freeze, so
     * the validation inside the freeze compares only the rows changed since (lambda/validator ChangePlanner).
     */
    public static String changeSlotName(String environmentSuffix) {
        return slotName("migration_changes_", environmentSuffix);
    }

    private static String slotName(String prefix, String environmentSuffix) {
        var name = (prefix + environmentSuffix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > MAX_SLOT_NAME) {
            throw new IllegalArgumentException("replication slot name " + name + " is longer than " + MAX_SLOT_NAME
                    + " characters; use a shorter migration:environmentSuffix");
        }
        return name;
    }
}
