/**
 * The data validator: compares the on-prem source and the Aurora target table by table, with checksums computed
 * inside both databases ({@link com.paymentmigration.lambda.validator.Fingerprint}: a sound row digest;
 * {@link com.paymentmigration.lambda.validator.RangeComparer}: leaf sums per key range, dirty leaves row by row).
 *
 * <p>Three kinds of run, as the migration uses them. A <em>full</em> run compares every row, re-reading differences
 * after a delay so that rows still being replicated count as transient, not as differences. A <em>strict</em> run
 * ({@code recheckAttempts} 0) counts every difference it sees: the run inside the write freeze, where nothing may
 * move. A <em>changes-only</em> run ({@code changesSince}) compares only the rows that change slots on both databases
 * saw change since an earlier full run, plus what that run listed
 * ({@link com.paymentmigration.lambda.validator.ChangePlanner}, which argues why no other row can differ, and which
 * tables it checks in full instead), so the freeze costs what changed, not what the database holds.
 */
package com.paymentmigration.lambda.validator;
