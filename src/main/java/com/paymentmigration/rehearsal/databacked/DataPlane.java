package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.data.Endpoint;

/**
 * The two servers a data rehearsal moves payments between.
 *
 * @param prefix names this rehearsal's publications and subscriptions (slots are per server, so a server shared by
 *               several rehearsals needs distinct names)
 */
public record DataPlane(Endpoint onprem, Endpoint aurora, String prefix) {

    public DataPlane {
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("prefix '" + prefix + "': lower-case letters, digits and _, at most 41");
        }
    }
}
