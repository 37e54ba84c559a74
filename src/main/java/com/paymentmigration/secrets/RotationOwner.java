package com.paymentmigration.secrets;

import com.paymentmigration.config.ConfigKey;
import com.paymentmigration.config.ConfigProblem;
import com.paymentmigration.config.InvalidConfigException;

import java.util.List;

/**
 * Whether the stack may configure a secret's rotation: not when another function rotates it today (a database
 * team's own rotation, AWS's template function), unless {@code rotationTakeOverSecrets} names the secret. Taking
 * it over silently would change which users and passwords that team's clients get.
 */
public final class RotationOwner {

    private RotationOwner() {
    }

    /**
     * @param currentFunctionArn the function DescribeSecret reports (empty or null when none)
     * @param ourFunctionArn     the stack's rotation function
     */
    public static void requireOursOrAllowed(String secretName, boolean rotationEnabled, String currentFunctionArn,
                                            String ourFunctionArn, List<String> takeOver) {
        if (!rotationEnabled || currentFunctionArn == null || currentFunctionArn.isEmpty()
                || unqualified(currentFunctionArn).equals(unqualified(ourFunctionArn)) || takeOver.contains(secretName)) {
            return;
        }
        throw new InvalidConfigException(List.of(new ConfigProblem(ConfigKey.ROTATION_TAKE_OVER_SECRETS.qualified(),
                String.valueOf(takeOver), "secret " + secretName + " is rotated today by " + currentFunctionArn
                + "; the stack does not take over a rotation it did not configure. Agree with its owner, then add \""
                + secretName + "\" to " + ConfigKey.ROTATION_TAKE_OVER_SECRETS.qualified())));
    }

    /** A function ARN with or without a version or alias qualifier names the same function. */
    private static String unqualified(String functionArn) {
        var parts = functionArn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : functionArn;
    }
}
