package com.paymentmigration.functions;

import java.util.List;

/** Test access to the rotation function's policy builder from other packages. */
public final class FunctionsTestAccess {

    private FunctionsTestAccess() {
    }

    public static java.util.Map<String, String> rotationEnvironment() {
        return RotationSettings.environment("ca", "freeze", "phase", List.of("a"));
    }

    public static String rotationPolicy(List<String> secretArns, List<String> keyArns, String logGroupArn) {
        return RotationFunction.policy(secretArns, keyArns, logGroupArn, List.of("arn:aws:ssm:r:a:parameter/p"));
    }
}
