package com.paymentmigration.lambda.validator.compare;

import java.util.List;

/**
 * A half-open range of primary keys, {@code lower <= key < upper}; a null bound is open. Keys travel between the
 * sides as the text form of each key column, cast back to the column's type in SQL.
 */
public record KeyRange(List<String> lower, List<String> upper) {

    public static final KeyRange ALL = new KeyRange(null, null);
}
