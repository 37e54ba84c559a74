package com.paymentmigration.lambda.rotation;

/** What rotation needs of the database; {@link PostgresAccounts} is the real one. */
public interface Accounts {

    /** True when these credentials can log in and run a query. */
    boolean canLogin(Credentials credentials);

    /** Logged in as {@code admin}, sets {@code target}'s password, creating it as a member of {@code template} if absent. */
    void setPassword(Credentials admin, Credentials target, String template);
}
