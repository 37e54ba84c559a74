package com.paymentmigration.secrets;

import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.config.MigrationConfig.SecretRotation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationWindowTest {

    private static SecretRotation every(int days) {
        return new SecretRotation(days, 1, 3, "", List.of());
    }

    @Test
    void eachSecretGetsItsOwnWindowOneAfterAnother() {
        assertThat(List.of(RotationWindow.of(every(14), 0), RotationWindow.of(every(14), 1), RotationWindow.of(every(14), 2)))
                .containsExactly(new RotationWindow("cron(0 1 1/14 * ? *)", "3h"),
                        new RotationWindow("cron(0 4 1/14 * ? *)", "3h"),
                        new RotationWindow("cron(0 7 1/14 * ? *)", "3h"));
    }

    @Test
    void intervalsLongerThanADayOfMonthIncrementBecomeWholeMonths() {
        assertThat(RotationWindow.of(every(28), 0).scheduleExpression()).isEqualTo("cron(0 1 1/28 * ? *)");
        assertThat(RotationWindow.of(every(30), 0).scheduleExpression()).isEqualTo("cron(0 1 1 * ? *)");
        assertThat(RotationWindow.of(every(90), 0).scheduleExpression()).isEqualTo("cron(0 1 1 1/3 ? *)");
        assertThat(RotationWindow.of(every(365), 0).scheduleExpression()).isEqualTo("cron(0 1 1 1/12 ? *)");
    }

    @Test
    void theStackRefusesARotationAnotherFunctionConfigured() {
        var ours = "arn:aws:lambda:eu-central-1:123456789012:function:migration-secret-rotation-dev";
        RotationOwner.requireOursOrAllowed("s", false, "", ours, List.of());
        RotationOwner.requireOursOrAllowed("s", true, ours, ours, List.of());
        RotationOwner.requireOursOrAllowed("s", true, ours + ":$LATEST", ours, List.of());
        var theirs = "arn:aws:lambda:eu-central-1:123456789012:function:team-rotation";
        assertThatThrownBy(() -> RotationOwner.requireOursOrAllowed("dev/payments/x", true, theirs, ours, List.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("secret dev/payments/x is rotated today by " + theirs)
                .hasMessageContaining("migration:rotationTakeOverSecrets");
        RotationOwner.requireOursOrAllowed("dev/payments/x", true, theirs, ours, List.of("dev/payments/x"));
    }
}
