package com.paymentmigration.lambda.rotation;

import java.sql.SQLException;

import static com.paymentmigration.lambda.rotation.SecretStore.CURRENT;
import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alternating-users strategy where it can go wrong: the new user must be able to do everything the current one
 * can before it is handed out, a setSecret that stops half-way must leave nothing a retry would skip, and the pending
 * value may differ from the current one in the password only.
 */
class AlternatingUsersTest {

    /** Everything a service user typically has: schema, table, column, sequence, function, role and attribute rights. */
    private static void grantTheWorks(Fixture f) throws SQLException {
        var schema = "s_" + f.app;
        f.pg.sql("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".payments (id bigserial PRIMARY KEY, amount numeric, note text)",
                "CREATE TABLE " + schema + ".ledger (id int, secret text)",
                "CREATE FUNCTION " + schema + ".settle() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "REVOKE EXECUTE ON FUNCTION " + schema + ".settle() FROM PUBLIC",
                "CREATE ROLE r_" + f.app + " NOLOGIN",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + f.app,
                "GRANT SELECT, INSERT, UPDATE ON " + schema + ".payments TO " + f.app,
                "GRANT SELECT (id) ON " + schema + ".ledger TO " + f.app,
                "GRANT USAGE ON SEQUENCE " + schema + ".payments_id_seq TO " + f.app,
                "GRANT EXECUTE ON FUNCTION " + schema + ".settle() TO " + f.app,
                "GRANT r_" + f.app + " TO " + f.app,
                "ALTER ROLE " + f.app + " CREATEDB");
    }

    @AllMajors
    void thePromotedUserCanDoEverythingTheOldOneCould(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        grantTheWorks(f);
        var original = f.secrets.current(f.secret);
        var clone = f.rotate();
        assertThat(Fixture.credentials(clone).username()).isEqualTo(f.cloneUser());
        assertThat(f.accounts.missingPrivileges(Fixture.credentials(clone), f.app)).isEmpty();
        var schema = "s_" + f.app;
        Fixture.runAs(clone, "INSERT INTO " + schema + ".payments (amount) VALUES (10)");
        Fixture.runAs(clone, "SELECT id FROM " + schema + ".ledger");
        Fixture.runAs(clone, "SELECT " + schema + ".settle()");
        Fixture.runAs(clone, "SET ROLE r_" + f.app);
        assertThat(pg.scalar("SELECT rolcreatedb FROM pg_roles WHERE rolname = '" + f.cloneUser() + "'")).isEqualTo("t");

        var back = f.rotate();
        assertThat(Fixture.credentials(back).username()).isEqualTo(f.app);
        assertThat(f.accounts.missingPrivileges(Fixture.credentials(back), f.cloneUser())).isEmpty();
        assertThat(f.logsIn(original)).as("the retired password").isFalse();
    }

    @AllMajors
    void theComparisonNamesEveryKindOfRightTheNewUserLacks(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        grantTheWorks(f);
        pg.sql("CREATE ROLE " + f.cloneUser() + " LOGIN PASSWORD 'bare-clone'");
        var bare = Fixture.credentials(pg.secret(f.cloneUser(), "bare-clone", "postgres", null));
        var schema = "s_" + f.app;
        assertThat(f.accounts.missingPrivileges(bare, f.app)).contains(
                "schema " + schema + ": USAGE",
                "table " + schema + ".payments: INSERT",
                "table " + schema + ".ledger: SELECT on some columns",
                "sequence " + schema + ".payments_id_seq: USAGE",
                "function " + schema + ".settle(): EXECUTE",
                "role r_" + f.app + ": USAGE",
                "role attribute: CREATEDB");
        assertThat(f.accounts.missingPrivileges(bare, f.app)).doesNotContain("table " + schema + ".ledger: SELECT");
    }

    @AllMajors
    void aCloneLeftWithoutItsGrantsIsNeverPromotedAndSetRepairsIt(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        grantTheWorks(f);
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        var pending = f.secrets.getSecretValue(b -> b.secretId(f.secret).versionStage(PENDING)).secretString();
        // What the master left when an earlier run stopped between CREATE ROLE and GRANT: a clone that logs in, no rights.
        Fixture.runAs(f.masterSecret(), "CREATE ROLE " + f.cloneUser() + " LOGIN PASSWORD '"
                + Fixture.credentials(pending).password() + "'");
        assertThat(f.logsIn(pending)).isTrue();

        assertThatThrownBy(() -> f.step(token, Step.TEST))
                .hasMessageContaining(f.cloneUser() + " may not do")
                .hasMessageContaining("table s_" + f.app + ".payments: SELECT")
                .hasMessageContaining("AWSCURRENT is unchanged");
        assertThat(f.secrets.stages(f.secret).get(token)).containsExactly(PENDING);

        f.steps(token, Step.SET, Step.TEST, Step.FINISH);
        assertThat(f.secrets.stages(f.secret).get(token)).containsExactly(CURRENT);
        assertThat(f.accounts.missingPrivileges(Fixture.credentials(pending), f.app)).isEmpty();
    }

    @AllMajors
    void aSetThatCannotGiveTheCloneEverythingChangesNothing(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        // The master (CREATEROLE, not superuser, no REPLICATION) may not give REPLICATION on any major.
        pg.sql("ALTER ROLE " + f.app + " REPLICATION");
        var current = f.secrets.current(f.secret);
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> f.step(token, Step.SET))
                    .hasMessageContaining("SQLState 42501")
                    .hasMessageContaining("nothing was changed");
            assertThat(f.roleExists(f.cloneUser())).as("the clone of a rolled-back transaction").isFalse();
        }
        assertThatThrownBy(() -> f.step(token, Step.TEST)).hasMessageContaining("cannot log in");
        assertThat(f.secrets.current(f.secret)).isEqualTo(current);
        assertThat(f.logsIn(current)).isTrue();

        pg.sql("ALTER ROLE " + f.app + " NOREPLICATION"); // the database team's fix
        f.steps(token, Step.SET, Step.TEST, Step.FINISH);
        assertThat(Fixture.credentials(f.secrets.current(f.secret)).username()).isEqualTo(f.cloneUser());
    }

    @AllMajors
    void fromPostgres16TheMasterNeedsAdminOptionOnTheUser(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        pg.sql("REVOKE ADMIN OPTION FOR " + f.app + " FROM " + Fixture.MASTER_USER);
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        if (pg.major >= 16) {
            assertThatThrownBy(() -> f.step(token, Step.SET))
                    .hasMessageContaining("SQLState 42501")
                    .hasMessageContaining("GRANT " + f.app + " TO " + Fixture.MASTER_USER + " WITH ADMIN OPTION");
            assertThat(f.roleExists(f.cloneUser())).isFalse();
            pg.sql("GRANT " + f.app + " TO " + Fixture.MASTER_USER + " WITH ADMIN OPTION");
        }
        f.steps(token, Step.SET, Step.TEST, Step.FINISH);
        assertThat(f.logsIn(f.secrets.current(f.secret))).isTrue();
    }

    @AllMajors
    void aForgedPendingValueIsRefusedAndChangesNoPassword(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var victim = "victim_" + f.app;
        pg.sql("CREATE ROLE " + victim + " LOGIN PASSWORD 'victim-pass'",
                "GRANT " + victim + " TO " + Fixture.MASTER_USER + " WITH ADMIN OPTION",
                "CREATE DATABASE db_" + f.app);
        var next = pg.secret(f.cloneUser(), "Forged-Pass-1", "postgres", Fixture.MASTER_ARN);
        var forgeries = new String[]{
                next.replace("\"" + f.cloneUser() + "\"", "\"" + victim + "\""),
                next.replace("\"" + f.cloneUser() + "\"", "\"" + f.app + "\""),
                next.replace("\"localhost\"", "\"127.0.0.1\""),
                next.replace(String.valueOf(pg.port()), String.valueOf(pg.port() + 1)),
                next.replace("\"dbname\":\"postgres\"", "\"dbname\":\"db_" + f.app + "\""),
                next.replace(Fixture.MASTER_ARN, "arn:aws:secretsmanager:eu-central-1:123456789012:secret:other-AbCdEf"),
                next.replace("\"engine\":\"aurora-postgresql\"", "\"engine\":\"postgres\"")};
        for (var forged : forgeries) {
            var token = f.secrets.startRotation(f.secret);
            f.secrets.putSecretValue(b -> b.secretId(f.secret).clientRequestToken(token).secretString(forged)
                    .versionStages(PENDING));
            for (var step : new Step[]{Step.SET, Step.TEST}) {
                assertThatThrownBy(() -> f.step(token, step)).as(forged)
                        .hasMessageContaining("is not the next version of AWSCURRENT")
                        .hasMessageContaining("Only the password may change");
            }
        }
        assertThat(f.logsIn(pg.secret(victim, "victim-pass", "postgres", null))).isTrue();
        assertThat(f.logsIn(pg.secret(f.app, Fixture.INITIAL_PASSWORD, "postgres", null))).isTrue();
        assertThat(f.roleExists(f.cloneUser())).isFalse();
    }

    @AllMajors
    void aReadOnlyHostIsNamedWithTheFixAndNothingChanges(PostgresServer pg) throws SQLException {
        var f = Fixture.alternating(pg);
        var database = "ro_" + f.app;
        // What a replica answers: every transaction read-only (a standby also reports pg_is_in_recovery()).
        pg.sql("CREATE DATABASE " + database, "ALTER DATABASE " + database + " SET default_transaction_read_only = on");
        f.secrets.create(Fixture.MASTER_ARN, pg.secret(Fixture.MASTER_USER, Fixture.MASTER_PASSWORD, database, null));
        f.secrets.create(f.secret, pg.secret(f.app, Fixture.INITIAL_PASSWORD, database, Fixture.MASTER_ARN));
        var token = f.secrets.startRotation(f.secret);
        f.step(token, Step.CREATE);
        assertThatThrownBy(() -> f.step(token, Step.SET))
                .hasMessageContaining("localhost is read-only (transaction_read_only is on)")
                .hasMessageContaining("writer endpoint")
                .hasMessageContaining("nothing was changed");
        assertThat(f.roleExists(f.cloneUser())).isFalse();
    }
}
