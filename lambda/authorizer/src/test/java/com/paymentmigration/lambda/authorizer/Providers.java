package com.paymentmigration.lambda.authorizer;

import java.io.PrintStream;

/** Puts one signature provider in charge, for the tests and harnesses that compare the two. */
final class Providers {

    static final String JDK = "JDK";
    static final String ACCP = "ACCP";

    private Providers() {
    }

    /** Makes {@code provider} ({@link #JDK} or {@link #ACCP}) the one new engines come from; throws if ACCP fails. */
    static void use(String provider, PrintStream log) {
        SignatureEngines.useJdk();
        if (provider.equals(ACCP) && !SignatureEngines.loadNow(log)) {
            throw new IllegalStateException("ACCP did not load on this machine (x86_64 Linux, as the function runs); "
                    + "see the log line");
        }
    }
}
