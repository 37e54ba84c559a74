package com.paymentmigration.lambda.rotation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static com.paymentmigration.lambda.rotation.SecretStore.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every step against a real PostgreSQL, with Secrets Manager's label semantics in memory. */
class RotationTest {

    private static EmbeddedPostgres postgres;
    private static final PostgresAccounts ACCOUNTS = new PostgresAccounts("disable");

    private InMemorySecretStore store;
    private String app;
    private String secret;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        requirePasswords();
        sql("CREATE ROLE rotation_admin WITH LOGIN CREATEROLE PASSWORD 'admin-pass'");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void freshUserAndSecret() throws Exception {
        app = "app_" + UUID.randomUUID().toString().substring(0, 8);
        secret = "secret-" + app;
        sql("CREATE ROLE " + app + " WITH LOGIN PASSWORD 'initial-pass'");
        sql("GRANT " + app + " TO rotation_admin WITH ADMIN OPTION");
        store = new InMemorySecretStore();
        store.create(secret, json(app, "initial-pass", null));
    }

    /**
     * The embedded server trusts every local connection, which would make any password "work". Only the bootstrap
     * superuser keeps trust; every other role must present its password (SCRAM), as on Aurora.
     */
    private static void requirePasswords() throws SQLException {
        String hbaFile;
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var rows = s.executeQuery("SHOW hba_file")) {
            rows.next();
            hbaFile = rows.getString(1);
        }
        sql("COPY (SELECT unnest(ARRAY["
                + "'host all postgres 127.0.0.1/32 trust', 'host all postgres ::1/128 trust', "
                + "'host all all 127.0.0.1/32 scram-sha-256', 'host all all ::1/128 scram-sha-256'])) TO '" + hbaFile + "'");
        sql("SELECT pg_reload_conf()");
    }

    private static void sql(String statement) throws SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String json(String user, String password, String masterArn) {
        return "{\"engine\":\"postgres\",\"host\":\"localhost\",\"port\":" + postgres.getPort() + ",\"username\":\""
                + user + "\",\"password\":\"" + password + "\",\"dbname\":\"postgres\""
                + (masterArn == null ? "" : ",\"masterarn\":\"" + masterArn + "\"") + "}";
    }

    private void step(Rotation rotation, String token, Step step) {
        rotation.run(new RotationEvent(secret, token, step));
    }

    private boolean logsIn(String secretJson) {
        return ACCOUNTS.canLogin(Credentials.parse(secretJson, "test"));
    }

    private void rotate(Rotation rotation, String token) {
        for (var step : Step.values()) {
            step(rotation, token, step);
        }
    }

    @Test
    void aFullSingleUserRotationRetiresTheOldPassword() {
        var before = store.currentValue(secret);
        var rotation = new Rotation(store, ACCOUNTS);
        var token = store.startRotation(secret);
        rotate(rotation, token);

        var after = store.currentValue(secret);
        assertThat(Credentials.parse(after, "x").username()).isEqualTo(app);
        assertThat(logsIn(after)).isTrue();
        assertThat(logsIn(before)).as("old password").isFalse();
        assertThat(store.versions(secret).get(token)).containsExactly(CURRENT);
        assertThat(store.value(secret, null, PREVIOUS)).contains(before);
    }

    @Test
    void everyStepCanBeRetried() {
        var rotation = new Rotation(store, ACCOUNTS);
        var token = store.startRotation(secret);
        for (var step : Step.values()) {
            step(rotation, token, step);
            var afterFirst = store.versions(secret);
            var pendingValue = store.value(secret, token, null);
            step(rotation, token, step);
            assertThat(store.versions(secret)).as("labels after retrying %s", step).isEqualTo(afterFirst);
            assertThat(store.value(secret, token, null)).as("value after retrying %s", step).isEqualTo(pendingValue);
        }
        assertThat(logsIn(store.currentValue(secret))).isTrue();
    }

    @Test
    void aFailedSetLeavesAwsCurrentWorkingAndARetryCompletes() {
        var current = store.currentValue(secret);
        var failing = new Rotation(store, new Accounts() {
            @Override
            public boolean canLogin(Credentials credentials) {
                return ACCOUNTS.canLogin(credentials);
            }

            @Override
            public void setPassword(Credentials admin, Credentials target, String template) {
                throw new RotationException("database unreachable");
            }
        });
        var token = store.startRotation(secret);
        step(failing, token, Step.CREATE);
        assertThatThrownBy(() -> step(failing, token, Step.SET)).hasMessageContaining("database unreachable");
        assertThatThrownBy(() -> step(failing, token, Step.TEST)).hasMessageContaining("cannot log in; AWSCURRENT is unchanged");

        assertThat(store.currentValue(secret)).isEqualTo(current);
        assertThat(logsIn(current)).isTrue();
        assertThat(store.versions(secret).get(token)).containsExactly(PENDING);

        var working = new Rotation(store, ACCOUNTS);
        step(working, token, Step.SET);
        step(working, token, Step.TEST);
        step(working, token, Step.FINISH);
        assertThat(logsIn(store.currentValue(secret))).isTrue();
        assertThat(logsIn(current)).isFalse();
    }

    @Test
    void alternatingUsersKeepTheOldCredentialsWorkingThroughTheSwitch() {
        store.create("master", json("rotation_admin", "admin-pass", null));
        store.create(secret, json(app, "initial-pass", "master"));
        var rotation = new Rotation(store, ACCOUNTS);
        var first = store.currentValue(secret);

        rotate(rotation, store.startRotation(secret));
        var second = store.currentValue(secret);
        assertThat(Credentials.parse(second, "x").username()).isEqualTo(app + "_clone");
        assertThat(logsIn(second)).isTrue();
        assertThat(logsIn(first)).as("the previous user still logs in: no client is cut off").isTrue();

        rotate(rotation, store.startRotation(secret));
        var third = store.currentValue(secret);
        assertThat(Credentials.parse(third, "x").username()).isEqualTo(app);
        assertThat(logsIn(third)).isTrue();
        assertThat(logsIn(first)).as("the first password of the original user is retired").isFalse();
        assertThat(logsIn(second)).isTrue();
    }

    @Test
    void theCloneInheritsTheOriginalUsersPrivileges() throws Exception {
        sql("CREATE TABLE IF NOT EXISTS payments_" + app + " (id int)");
        sql("GRANT SELECT ON payments_" + app + " TO " + app);
        store.create("master", json("rotation_admin", "admin-pass", null));
        store.create(secret, json(app, "initial-pass", "master"));
        rotate(new Rotation(store, ACCOUNTS), store.startRotation(secret));
        var clone = Credentials.parse(store.currentValue(secret), "x");
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                clone.username(), clone.password()); var s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM payments_" + app).close();
        }
    }

    @Test
    void generatedPasswordsAvoidCharactersDmsAndUrlsCannotTake() {
        var rotation = new Rotation(store, ACCOUNTS);
        var token = store.startRotation(secret);
        step(rotation, token, Step.CREATE);
        assertThat(store.lastExcluded).isEqualTo(Rotation.EXCLUDED_CHARACTERS).contains(";", "+", "%", ",", "{", "}", "@", "/");
        var password = Credentials.parse(store.value(secret, token, PENDING).orElseThrow(), "x").password();
        assertThat(password).hasSize(Rotation.PASSWORD_LENGTH);
        assertThat(password.chars()).noneMatch(c -> Rotation.EXCLUDED_CHARACTERS.indexOf(c) >= 0);
    }

    @Test
    void aTokenThatIsAlreadyCurrentIsANoOp() {
        var rotation = new Rotation(store, ACCOUNTS);
        var token = store.startRotation(secret);
        rotate(rotation, token);
        var labels = store.versions(secret);
        for (var step : Step.values()) {
            step(rotation, token, step);
        }
        assertThat(store.versions(secret)).isEqualTo(labels);
    }

    @Test
    void badEventsAndSecretsFailWithTheReason() {
        assertThatThrownBy(() -> RotationEvent.parse(Map.of("SecretId", "s", "Step", "createSecret")))
                .hasMessageContaining("ClientRequestToken is missing");
        assertThatThrownBy(() -> RotationEvent.parse(Map.of("SecretId", "s", "ClientRequestToken", "t", "Step", "dropTable")))
                .hasMessageContaining("unknown rotation step 'dropTable'");
        assertThatThrownBy(() -> RotationEvent.parse(null)).hasMessageContaining("empty event");

        var rotation = new Rotation(store, ACCOUNTS);
        assertThatThrownBy(() -> step(rotation, "no-such-token", Step.CREATE)).hasMessageContaining("has no version no-such-token");
        var currentToken = store.versions(secret).keySet().iterator().next();
        store.startRotation(secret);
        var stale = store.versions(secret).keySet().stream().filter(t -> !t.equals(currentToken)).findFirst().orElseThrow();
        store.promote(secret, stale, currentToken);
        assertThatThrownBy(() -> step(rotation, currentToken, Step.SET)).hasMessageContaining("is not AWSPENDING");

        store.disableRotation(secret);
        assertThatThrownBy(() -> step(rotation, "t", Step.CREATE)).hasMessageContaining("is not enabled for rotation");

        assertThatThrownBy(() -> Credentials.parse("{\"password\":\"hunter2\"", "AWSCURRENT of s"))
                .hasMessage("AWSCURRENT of s is not valid JSON (value not shown)");
        assertThatThrownBy(() -> Credentials.parse("{\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",\"engine\":\"mysql\"}", "x"))
                .hasMessageContaining("PostgreSQL credentials only");
        assertThatThrownBy(() -> Credentials.parse("{\"host\":\"h\",\"password\":\"p\"}", "x")).hasMessageContaining("lacks 'username'");
    }

    @Test
    void unknownFieldsOfTheSecretSurviveRotation() {
        store.create(secret, json(app, "initial-pass", null).replace("}", ",\"dbClusterIdentifier\":\"aurora-dev\"}"));
        rotate(new Rotation(store, ACCOUNTS), store.startRotation(secret));
        assertThat(store.currentValue(secret)).contains("\"dbClusterIdentifier\":\"aurora-dev\"");
    }
}
