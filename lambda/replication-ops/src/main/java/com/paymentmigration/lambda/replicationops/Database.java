package com.paymentmigration.lambda.replicationops;

import java.util.Locale;

/** The two databases an operation can act on, each reached through the secret its environment variable names. */
public enum Database {
    /** The on-prem PostgreSQL primary: the forward source, and the reverse target after a cutover. */
    ONPREM("ONPREM_SECRET_ID"),
    /** The Aurora writer: the forward target, and the reverse source after a cutover. */
    AURORA("AURORA_SECRET_ID");

    /** The environment variable holding the secret's ARN. */
    public final String secretVariable;

    Database(String secretVariable) {
        this.secretVariable = secretVariable;
    }

    public static Database of(String name, String field) {
        if (name != null) {
            for (var database : values()) {
                if (database.label().equals(name)) {
                    return database;
                }
            }
        }
        throw new OperationException("'" + field + "' must be \"onprem\" or \"aurora\", not " + name);
    }

    /** The name events use: {@code onprem} or {@code aurora}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
