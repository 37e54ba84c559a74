package com.paymentmigration.lambda.replicationops;

import java.util.List;

/** A database lacks what replication in both directions needs; the message names every missing item and its fix. */
public final class PrerequisitesMissingException extends OperationException {

    private static final long serialVersionUID = 1L;

    public PrerequisitesMissingException(Database database, List<String> missing) {
        super(database.label() + " is not ready for replication: " + String.join("; ", missing));
    }
}
