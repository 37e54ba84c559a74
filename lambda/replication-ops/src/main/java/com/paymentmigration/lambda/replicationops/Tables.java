package com.paymentmigration.lambda.replicationops;

import com.paymentmigration.lambda.replicationops.TableSelection.QualifiedName;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Empties the replicated tables on Aurora before a full load. DMS's TRUNCATE_BEFORE_LOAD truncates one table at a
 * time, which PostgreSQL refuses for a table another one references; one TRUNCATE naming every table is accepted
 * with any foreign keys among them. Aurora only: the on-prem database is never a full-load target.
 */
public final class Tables {

    private final Connections connections;

    public Tables(Connections connections) {
        this.connections = connections;
    }

    public List<String> truncate(Database database, TableSelection selection) throws SQLException {
        if (database != Database.AURORA) {
            throw new OperationException("truncateTables empties the full load's target, aurora, never " + database.label());
        }
        try (var connection = connections.open(database)) {
            var tables = selection.tables(connection);
            if (tables.isEmpty()) {
                throw new OperationException("no table on aurora matches " + selection.include()
                        + "; restore the schema (pg_dump --schema-only) before the full load");
            }
            try (var statement = connection.createStatement()) {
                // RESTRICT: a table outside the selection that references one inside makes this fail, loudly,
                // instead of CASCADE emptying it too.
                statement.execute("TRUNCATE " + tables.stream().map(QualifiedName::sql).collect(Collectors.joining(", "))
                        + " RESTRICT");
            }
            return tables.stream().map(QualifiedName::toString).toList();
        }
    }
}
