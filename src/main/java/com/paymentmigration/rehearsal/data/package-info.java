/**
 * The data plane of a migration rehearsal: two real PostgreSQL servers (one standing in for on-prem, one for Aurora),
 * real logical replication between them in place of DMS, and a payment writer that behaves as the README's contract
 * for application owners requires. A {@link com.paymentmigration.rehearsal.data.Ledger} remembers every write the
 * writer was told succeeded, so that after a cutover or a rollback it can count, in whichever database is the writer
 * at the end, the payments that were lost, duplicated or left stale.
 *
 * <p>Nothing here knows about Step Functions; the rehearsal drives these pieces from the state machines' calls.
 */
package com.paymentmigration.rehearsal.data;
