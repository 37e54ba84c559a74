package com.paymentmigration.functions;

import java.util.List;

/** Test access to the rotation function's policy builder from other packages. */
public final class FunctionsTestAccess {

    private FunctionsTestAccess() {
    }

    public static String rotationPolicy(List<String> secretArns, List<String> keyArns, String logGroupArn) {
        return Functions.rotationPolicy(secretArns, keyArns, logGroupArn);
    }
}
