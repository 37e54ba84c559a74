package com.paymentmigration.lambda.rotation;

import java.sql.SQLException;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static com.paymentmigration.lambda.rotation.SecretStore.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole rotations and every step's retry, against each supported PostgreSQL major. */
class RotationTest {

    @AllMajors
    void aFullSingleUserRotationRetiresTheOldPassword(PostgresServer pg) throws SQLException {
        var f = Fixture.singleUser(pg);
        var before = f.secrets.current(f.secret);
        var token = f.secrets.startRotation(f.secret);
        f.steps(token, Step.values());

        var after = f.secrets.current(f.secret);
        assertThat(Fixture.credentials(after).username()).isEqualTo(f.app);
        assertThat(f.logsIn(after)).isTrue();
        assertThat(f.logsIn(before)).as("old password").isFalse();
        assertThat(f.secrets.stages(f.secret).get(token)).containsExactly(CURRENT);
        assertThat(f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PREVIOUS)).secretString()).isEqualTo(before);
    }

    @AllMajors
    void alternatingUsersKeepTheOldCredentialsWorkingThroughTheSwitch(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var first = f.secrets.current(f.secret);

        var second = f.rotate();
        assertThat(Fixture.credentials(second).username()).isEqualTo(f.cloneUser());
        assertThat(f.logsIn(second)).isTrue();
        assertThat(f.logsIn(first)).as("the previous user still logs in: no client is cut off").isTrue();

        var third = f.rotate();
        assertThat(Fixture.credentials(third).username()).isEqualTo(f.app);
        assertThat(f.logsIn(third)).isTrue();
        assertThat(f.logsIn(first)).as("the first password of the original user is retired").isFalse();
        assertThat(f.logsIn(second)).isTrue();
    }

    @AllMajors
    void everyStepCanBeRetried(PostgresServer pg) throws SQLException {
        for (var f : new Fixture[]{Fixture.alternating(pg), Fixture.singleUser(pg)}) {
            var token = f.secrets.startRotation(f.secret);
            for (var step : Step.values()) {
                f.step(token, step);
                var afterFirst = f.secrets.stages(f.secret);
                var value = f.secrets.getSecretValue(b -> b.secretId(f.secret).versionId(token)).secretString();
                f.step(token, step);
                assertThat(f.secrets.stages(f.secret)).as("labels after retrying %s", step).isEqualTo(afterFirst);
                assertThat(f.secrets.getSecretValue(b -> b.secretId(f.secret).versionId(token)).secretString())
                        .as("value after retrying %s", step).isEqualTo(value);
            }
            assertThat(f.logsIn(f.secrets.current(f.secret))).isTrue();
        }
    }

    @AllMajors
    void aCreateWhosePutFailedLeavesNothingAndARetryCompletes(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var current = f.secrets.current(f.secret);
        var token = f.secrets.startRotation(f.secret);
        f.secrets.failNext("PutSecretValue");
        assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining("PutSecretValue failed");
        assertThatThrownBy(() -> f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PENDING)))
                .hasMessageContaining("can't find");
        assertThat(f.secrets.current(f.secret)).isEqualTo(current);

        f.steps(token, Step.values());
        assertThat(Fixture.credentials(f.secrets.current(f.secret)).username()).isEqualTo(f.cloneUser());
    }

    @AllMajors
    void aFinishInterruptedAfterTheSwitchIsCompletedByItsRetry(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var first = f.secrets.current(f.secret);
        var token = f.secrets.startRotation(f.secret);
        f.steps(token, Step.CREATE, Step.SET, Step.TEST);
        // AWSCURRENT moved, then the call that drops AWSPENDING fails.
        var store = new SecretsManagerStore(f.secrets);
        f.secrets.failCall("UpdateSecretVersionStage", 2);
        assertThatThrownBy(() -> f.step(token, Step.FINISH)).hasMessageContaining("failed (injected)");
        assertThat(f.secrets.stages(f.secret).get(token)).containsExactlyInAnyOrder(CURRENT, PENDING);
        f.step(token, Step.FINISH);
        assertThat(f.secrets.stages(f.secret).get(token)).containsExactly(CURRENT);
        assertThat(store.value(f.secret, null, PREVIOUS)).contains(first);
        assertThat(f.logsIn(first)).isTrue();
        assertThat(f.logsIn(f.secrets.current(f.secret))).isTrue();
    }

    @AllMajors
    void aSingleUserWhoseStoredPasswordsFailSaysWhyForEach(PostgresServer pg) throws SQLException {
        var f = Fixture.singleUser(pg);
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        pg.sql("ALTER ROLE " + f.app + " PASSWORD 'changed-by-hand'");
        assertThatThrownBy(() -> f.step(token, Step.SET))
                .hasMessageContaining("AWSCURRENT: SQLState 28P01")
                .hasMessageContaining("password authentication failed for user \"" + f.app + "\"")
                .hasMessageContaining("AWSPREVIOUS: no AWSPREVIOUS version");
        assertThatThrownBy(() -> f.step(token, Step.TEST)).hasMessageContaining("cannot log in (SQLState 28P01");
    }

    @AllMajors
    void aSingleUserRetryAfterAnUnrecordedSetLogsInWithThePreviousPassword(PostgresServer pg) throws SQLException {
        var f = Fixture.singleUser(pg);
        f.rotate();
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        // The current password was changed by a later run that never finished: only AWSPREVIOUS still logs in.
        var previous = f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PREVIOUS)).secretString();
        pg.sql("ALTER ROLE " + f.app + " PASSWORD '" + Fixture.credentials(previous).password() + "'");
        f.steps(token, Step.SET, Step.TEST, Step.FINISH);
        assertThat(f.logsIn(f.secrets.current(f.secret))).isTrue();
    }

    @AllMajors
    void aTokenThatIsAlreadyCurrentIsANoOp(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var token = f.secrets.startRotation(f.secret);
        f.steps(token, Step.values());
        var labels = f.secrets.stages(f.secret);
        f.steps(token, Step.values());
        assertThat(f.secrets.stages(f.secret)).isEqualTo(labels);
    }

    @AllMajors
    void unknownFieldsOfTheSecretSurviveRotation(PostgresServer pg) throws SQLException {
        var f = Fixture.singleUser(pg);
        f.secrets.create(f.secret, pg.secret(f.app, Fixture.INITIAL_PASSWORD, "postgres", null)
                .replace("}", ",\"dbClusterIdentifier\":\"aurora-dev\"}"));
        assertThat(f.rotate()).contains("\"dbClusterIdentifier\":\"aurora-dev\"").contains("\"engine\":\"aurora-postgresql\"");
    }
}
