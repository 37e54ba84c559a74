/**
 * What changed since a full run, as the change slots on both databases saw it: the slots' recorded start positions
 * ({@code ChangeSlots}), each line of {@code test_decoding} output read into a change ({@code DecodedChange}), and the
 * primary keys those changes touched per table, or why a table must be checked in full ({@code ChangedKeys}).
 * Separate because decoding the WAL is its own subject; the plan that builds on it is
 * {@link com.paymentmigration.lambda.validator.ChangePlanner}, which argues why no other row can differ.
 */
package com.paymentmigration.lambda.validator.changes;
