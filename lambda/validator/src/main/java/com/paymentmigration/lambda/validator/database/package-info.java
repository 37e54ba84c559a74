/**
 * The two databases as the validator reaches them: where each one is ({@code DatabaseAddress}), one read-only session
 * per side that turns driver errors into the validator's error types ({@code Side}), both sides queried at once
 * ({@code Sides}), and identifier quoting. Separate because every other part talks to PostgreSQL only through it,
 * and it knows nothing of tables, checksums or reports.
 */
package com.paymentmigration.lambda.validator.database;
