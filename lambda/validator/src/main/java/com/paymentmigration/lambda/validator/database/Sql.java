package com.paymentmigration.lambda.validator.database;

/** Quoting for identifiers that come from the catalogs or from validated names; values always go as parameters. */
public final class Sql {
    private Sql() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
