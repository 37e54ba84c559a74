package com.paymentmigration.secrets;

import com.paymentmigration.config.MigrationConfig;

/**
 * When one secret rotates: a cron() schedule whose window opens at its own hour, so the stack's secrets rotate one
 * after another and never at once (Secrets Manager rotates at any time within a window; a window must close by
 * 24:00 UTC). Day-of-month increments restart every month, so an interval of up to 28 days rotates on days 1, 1+N,
 * ... of each month (never more than N days apart); a longer one becomes whole months, rotating on the 1st.
 *
 * @param scheduleExpression e.g. {@code cron(0 3 1/14 * ? *)}
 * @param duration           e.g. {@code 2h}
 */
public record RotationWindow(String scheduleExpression, String duration) {

    static final int LONGEST_DAY_INCREMENT = 28;

    /** @param index the secret's place in the stack's fixed order of rotated secrets (0 opens first) */
    public static RotationWindow of(MigrationConfig.SecretRotation rotation, int index) {
        if (index < 0 || index >= MigrationConfig.SecretRotation.MAX_SECRETS) {
            throw new IllegalArgumentException("secret index " + index + " outside 0-"
                    + (MigrationConfig.SecretRotation.MAX_SECRETS - 1));
        }
        int hour = rotation.windowStartHour() + index * rotation.windowHours();
        int days = rotation.days();
        var expression = days <= LONGEST_DAY_INCREMENT
                ? "cron(0 " + hour + " 1/" + days + " * ? *)"
                : "cron(0 " + hour + " 1 " + months(days) + " ? *)";
        return new RotationWindow(expression, rotation.windowHours() + "h");
    }

    /** The month field for an interval of whole months: every month, or every M months from January. */
    private static String months(int days) {
        int months = Math.max(1, Math.min(12, Math.round(days / 30.0f)));
        return months == 1 ? "*" : "1/" + months;
    }
}
