package com.paymentmigration.lambda.validator;

import java.util.List;

/** A table's compared columns (in catalog order) and its primary key columns (in key order, empty when none). */
public record TableShape(TableName name, List<Column> columns, List<Column> key, long estimatedRows) {

    public boolean hasPrimaryKey() {
        return !key.isEmpty();
    }
}
