package com.paymentmigration.lambda.validator;

/** Quoting for identifiers that come from the catalogs or from validated names; values always go as parameters. */
final class Sql {
    private Sql() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
