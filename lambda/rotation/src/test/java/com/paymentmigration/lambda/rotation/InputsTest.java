package com.paymentmigration.lambda.rotation;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events, secrets and the conditions under which rotation must not start. */
class InputsTest {

    private final PostgresServer pg = PostgresServer.aurora();

    @Test
    void noRotationWhileTheWriteFreezeIsOnOrACutoverIsInFlight() throws SQLException {
        var f = Fixture.alternating(pg);
        var current = f.secrets.current(f.secret);
        var token = f.secrets.startRotation(f.secret);
        f.parameters.put(FakeParameters.FREEZE, "on");
        assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining("write freeze is on")
                .hasMessageContaining(FakeParameters.FREEZE).hasMessageContaining("retries the rotation later");
        f.parameters.put(FakeParameters.FREEZE, "off");
        for (var phase : new String[]{"cutover", "baking", "rolling-back"}) {
            f.parameters.put(FakeParameters.PHASE, phase);
            assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining("in phase '" + phase + "'");
        }
        f.parameters.remove(FakeParameters.PHASE);
        assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining(FakeParameters.PHASE + " does not exist");
        assertThatThrownBy(() -> f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PENDING)))
                .hasMessageContaining("can't find");

        f.parameters.put(FakeParameters.PHASE, "replicating");
        f.step(token, Step.CREATE);
        f.parameters.put(FakeParameters.FREEZE, "on"); // a freeze that starts mid-rotation stops the password change too
        assertThatThrownBy(() -> f.step(token, Step.SET)).hasMessageContaining("write freeze is on");
        assertThat(f.roleExists(f.cloneUser())).isFalse();
        assertThat(f.secrets.current(f.secret)).isEqualTo(current);
    }

    @Test
    void aSecretAServiceUsesMustAlternate() throws SQLException {
        var f = Fixture.required(pg, false);
        var token = f.secrets.startRotation(f.secret);
        assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining("must rotate with alternating users")
                .hasMessageContaining("masterarn");
        Fixture.required(pg, true).rotate();
    }

    @Test
    void aCloneNameOverPostgresLimitIsRefusedBeforeAnythingChanges() throws SQLException {
        var f = Fixture.alternating(pg);
        var longName = "a".repeat(58);
        f.secrets.create(f.secret, pg.secret(longName, "x", "postgres", Fixture.MASTER_ARN));
        var token = f.secrets.startRotation(f.secret);
        assertThatThrownBy(() -> f.step(token, Step.CREATE)).hasMessageContaining("63-byte name limit")
                .hasMessageContaining("at most 57 bytes");
        f.secrets.create(f.secret, pg.secret("a".repeat(57), "x", "postgres", Fixture.MASTER_ARN));
        assertThat(Fixture.credentials(f.secrets.current(f.secret)).nextUsername()).hasSize(63);
    }

    @Test
    void generatedPasswordsAreSafeInUrisPgpassAndDms() throws SQLException {
        var f = Fixture.alternating(pg);
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        assertThat(f.secrets.lastExcluded).isEqualTo(Rotation.EXCLUDED_CHARACTERS);
        // RFC 3986 reserved characters, percent, .pgpass's separator and escape, quotes, DMS's forbidden characters.
        assertThat(":/?#[]@!$&'()*+,;=%\\\"`{}".chars()).allMatch(c -> Rotation.EXCLUDED_CHARACTERS.indexOf(c) >= 0);
        var password = Fixture.credentials(f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PENDING))
                .secretString()).password();
        assertThat(password).hasSize(Rotation.PASSWORD_LENGTH).matches("[A-Za-z0-9._~-]+");
        assertThat(URI.create("postgresql://u:" + password + "@h/db").getUserInfo()).isEqualTo("u:" + password);
    }

    @Test
    void auroraAndPostgresEnginesAreAcceptedAndOthersNamed() {
        for (var engine : new String[]{"postgres", "postgresql", "aurora-postgresql"}) {
            assertThat(Credentials.parse("{\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",\"engine\":\"" + engine + "\"}", "x")
                    .engine()).isEqualTo(engine);
        }
        assertThatThrownBy(() -> Credentials.parse("{\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",\"engine\":\"mysql\"}", "x"))
                .hasMessageContaining("PostgreSQL credentials only").hasMessageContaining("aurora-postgresql");
        assertThatThrownBy(() -> Credentials.parse("{\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",\"port\":\"x\"}", "x"))
                .hasMessageContaining("port 'x'");
    }

    @Test
    void badEventsAndSecretsFailWithTheReason() throws SQLException {
        assertThatThrownBy(() -> RotationEvent.parse(Map.of("SecretId", "s", "Step", "createSecret")))
                .hasMessageContaining("ClientRequestToken is missing");
        assertThatThrownBy(() -> RotationEvent.parse(Map.of("SecretId", "s", "ClientRequestToken", "t", "Step", "dropTable")))
                .hasMessageContaining("unknown rotation step 'dropTable'");
        assertThatThrownBy(() -> RotationEvent.parse(null)).hasMessageContaining("empty event");

        var f = Fixture.singleUser(pg);
        assertThatThrownBy(() -> f.step("no-such-token", Step.CREATE)).hasMessageContaining("has no version no-such-token");
        var first = f.secrets.stages(f.secret).keySet().iterator().next();
        f.rotate();
        f.secrets.startRotation(f.secret);
        assertThatThrownBy(() -> f.step(first, Step.SET)).hasMessageContaining("is not AWSPENDING");

        f.secrets.disableRotation(f.secret);
        assertThatThrownBy(() -> f.step("t", Step.CREATE)).hasMessageContaining("is not enabled for rotation");

        assertThatThrownBy(() -> Credentials.parse("{\"password\":\"hunter2\"", "AWSCURRENT of s"))
                .hasMessage("AWSCURRENT of s is not valid JSON (value not shown)");
        assertThatThrownBy(() -> Credentials.parse("{\"host\":\"h\",\"password\":\"p\"}", "x")).hasMessageContaining("lacks 'username'");
    }
}
