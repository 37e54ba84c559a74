package com.paymentmigration.lambda.rotation;

import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * One test's world: a fresh PostgreSQL user {@code app} on a real server, its secret in the Secrets Manager
 * stand-in (alternating users with the master secret, or single user), and the function as deployed (real store,
 * real JDBC over verify-full, the migration gate over the Parameter Store stand-in).
 */
final class Fixture {

    static final String MASTER_USER = "rotation_admin";
    static final String MASTER_PASSWORD = "admin-pass";
    static final String INITIAL_PASSWORD = "initial-pass";
    static final String MASTER_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:master-AbCdEf";

    final PostgresServer pg;
    final FakeSecretsManager secrets = new FakeSecretsManager();
    final FakeParameters parameters = new FakeParameters();
    final PostgresAccounts accounts = new PostgresAccounts(PostgresServer.settings());
    final String app = "app_" + UUID.randomUUID().toString().substring(0, 8);
    final String secret = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + app + "-AbCdEf";
    private final Set<String> alternatingRequired;

    private Fixture(PostgresServer pg, boolean alternating, Set<String> alternatingRequired) throws SQLException {
        this.pg = pg;
        this.alternatingRequired = alternatingRequired;
        if (pg.scalar("SELECT 1 FROM pg_roles WHERE rolname = '" + MASTER_USER + "'") == null) {
            // Like Aurora's master user: CREATEROLE and CREATEDB (rds_superuser), not a superuser.
            pg.sql("CREATE ROLE " + MASTER_USER + " WITH LOGIN CREATEROLE CREATEDB PASSWORD '" + MASTER_PASSWORD + "'");
        }
        // The master's rights on each managed user, as the README asks the database team to grant them.
        pg.sql("CREATE ROLE " + app + " WITH LOGIN PASSWORD '" + INITIAL_PASSWORD + "'",
                "GRANT " + app + " TO " + MASTER_USER + " WITH ADMIN OPTION");
        secrets.create(MASTER_ARN, pg.secret(MASTER_USER, MASTER_PASSWORD, "postgres", null));
        secrets.create(secret, pg.secret(app, INITIAL_PASSWORD, "postgres", alternating ? MASTER_ARN : null));
    }

    static Fixture alternating(PostgresServer pg) throws SQLException {
        return new Fixture(pg, true, Set.of());
    }

    static Fixture singleUser(PostgresServer pg) throws SQLException {
        return new Fixture(pg, false, Set.of());
    }

    /** A secret a service or DMS uses: the function insists on alternating users for it. */
    static Fixture required(PostgresServer pg, boolean alternating) throws SQLException {
        return new Fixture(pg, alternating, Set.of("placeholder"));
    }

    Rotation rotation() {
        return new Rotation(new SecretsManagerStore(secrets), accounts, new MigrationGate(parameters, FakeParameters.FREEZE,
                FakeParameters.PHASE, Set.of("cutover", "baking", "rolling-back")),
                alternatingRequired.isEmpty() ? Set.of() : Set.of(secret));
    }

    void step(String token, Step step) {
        rotation().run(new RotationEvent(secret, token, step));
    }

    void steps(String token, Step... steps) {
        for (var step : steps) {
            step(token, step);
        }
    }

    String rotate() {
        var token = secrets.startRotation(secret);
        steps(token, Step.values());
        return secrets.current(secret);
    }

    String cloneUser() {
        return app + Credentials.CLONE_SUFFIX;
    }

    boolean logsIn(String secretJson) {
        return accounts.loginFailure(Credentials.parse(secretJson, "test")) == null;
    }

    boolean roleExists(String role) throws SQLException {
        return pg.scalar("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'") != null;
    }

    String masterSecret() {
        return pg.secret(MASTER_USER, MASTER_PASSWORD, "postgres", null);
    }

    static Credentials credentials(String secretJson) {
        return Credentials.parse(secretJson, "test");
    }

    /** Runs a statement as the user of a secret, over the function's own TLS settings. */
    static void runAs(String secretJson, String sql) throws SQLException {
        try (var c = PostgresServer.settings().connect(credentials(secretJson)); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
