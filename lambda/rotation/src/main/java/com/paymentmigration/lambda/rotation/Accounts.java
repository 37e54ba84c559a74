package com.paymentmigration.lambda.rotation;

import java.util.List;

/** What rotation needs of the database; {@link PostgresAccounts} is the real one. */
public interface Accounts {

    /** Why these credentials cannot log in and run a query (SQLState and the server's or driver's reason), or null. */
    String loginFailure(Credentials credentials);

    /** Single user: logged in as the user itself ({@code self}), sets its password to {@code target}'s. */
    void changeOwnPassword(Credentials self, Credentials target);

    /**
     * Alternating users: logged in as the master, in one transaction, makes {@code target} a login role that can do
     * whatever {@code base} can (created if absent, {@code base}'s role attributes, a member of {@code base}) and
     * sets its password. Every run re-applies every part, so a retry repairs whatever an earlier run left out.
     */
    void prepareAlternate(Credentials master, Credentials target, String base);

    /** Logged in as {@code target}: what {@code template} may do that {@code target} may not; empty when nothing. */
    List<String> missingPrivileges(Credentials target, String template);
}
