/**
 * What is compared: the tables a run selects (by name or by DMS pattern, with ignored columns and normalisations),
 * each table's shape as {@code pg_catalog} describes it, and how each column's values count as equal
 * ({@code ValueRule}). Separate because it describes tables and rules without comparing anything; the comparison
 * reads it, it reads only the catalog.
 */
package com.paymentmigration.lambda.validator.schema;
