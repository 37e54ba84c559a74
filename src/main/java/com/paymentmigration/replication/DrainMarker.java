package com.paymentmigration.replication;

import com.paymentmigration.config.MigrationConfig.TablePattern;


/**
 * The table the write freeze's drain gate writes a marker to on the source and waits to see on the target
 * ({@code replication-ops} {@code writeDrainMarker} / {@code drainMarkerSeen}; the function spells the same names).
 * Both tasks replicate it, and nothing else may select it: it belongs to the migration, not to the applications, so
 * the validator and the other replication-ops operations leave it out.
 */
public final class DrainMarker {

    public static final String SCHEMA = "migration_control";
    public static final String TABLE = "drain_marker";
    /** The one table, as a selection rule names it. */
    public static final TablePattern MARKER_TABLE = new TablePattern(SCHEMA, TABLE);
    /** The whole schema, as the validator's and replication-ops' selections exclude it. */
    public static final TablePattern MARKER_SCHEMA = new TablePattern(SCHEMA, "%");

    private DrainMarker() {
    }

    /** Whether {@code pattern} (DMS's {@code %} wildcard in either part) selects the marker table. */
    public static boolean selectedBy(TablePattern pattern) {
        return matches(pattern.schema(), SCHEMA) && matches(pattern.table(), TABLE);
    }

    private static boolean matches(String pattern, String name) {
        return TablePattern.like(pattern).matcher(name).matches();
    }
}
