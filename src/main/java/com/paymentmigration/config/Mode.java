package com.paymentmigration.config;

/** What {@code pulumi up} converges the stack to. */
public enum Mode {
    /** The migration machinery is deployed ready to run; nothing is started by the deploy itself. */
    FORWARD,
    /** Traffic back to legacy, reverse replication on, forward task stopped, rollback machine started once. */
    ROLLBACK;

    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
