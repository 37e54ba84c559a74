package com.paymentmigration.lambda.validator.schema;

import java.util.List;

/**
 * A table's columns (in catalog order), its primary key columns (in key order, empty when none), and the
 * planner's size estimates (rows -1 before the first ANALYZE).
 */
public record TableShape(TableName name, List<Column> columns, List<Column> key, long estimatedRows,
                         long pages) {

    public boolean hasPrimaryKey() {
        return !key.isEmpty();
    }
}
