/**
 * The data validator: compares the on-prem source and the Aurora target table by table, with checksums computed
 * inside both databases ({@link com.paymentmigration.lambda.validator.compare.Fingerprint}: a sound row digest;
 * {@link com.paymentmigration.lambda.validator.compare.RangeComparer}: leaf sums per key range, dirty leaves row by
 * row).
 *
 * <p>Three kinds of run, as the migration uses them. A <em>full</em> run compares every row, re-reading differences
 * after a delay so that rows still being replicated count as transient, not as differences. A <em>strict</em> run
 * ({@code recheckAttempts} 0) counts every difference it sees: the run inside the write freeze, where nothing may
 * move. A <em>changes-only</em> run ({@code changesSince}) compares only the rows that change slots on both databases
 * saw change since an earlier full run, plus what that run listed
 * ({@link com.paymentmigration.lambda.validator.ChangePlanner}, which argues why no other row can differ, and which
 * tables it checks in full instead), so the freeze costs what changed, not what the database holds.
 *
 * <p>This package is the function's face: the entry points ({@code ValidatorHandler}, {@code Cli}), the event
 * contract ({@code Events}), the three steps ({@code Validator}, with {@code ChangePlanner} for a changes-only plan),
 * and every error type (a Lambda error is named by its exception's class, and the state machines match those
 * names). Its parts, each depending only on those listed before it and on the error types here: {@code database}
 * (the two connections), {@code schema} (tables, columns and value rules), {@code compare} (one partition's
 * comparison), {@code report} (reports, their stores, the run's verdict), {@code changes} (what the change slots
 * saw).
 */
package com.paymentmigration.lambda.validator;
