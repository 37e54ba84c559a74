package com.paymentmigration.lambda.rotation;

import java.sql.SQLException;
import java.util.ArrayList;

import static com.paymentmigration.lambda.rotation.SecretStore.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No password the function sets ever reaches the server log, even with every statement logged
 * ({@code log_statement = all}, as the test servers run) and with a failing statement, which PostgreSQL logs by default
 * (log_min_error_statement = error) and Aurora exports to CloudWatch.
 */
class PasswordLogTest {

    @AllMajors
    void noPasswordReachesTheServerLog(PostgresServer pg) throws SQLException {
        var passwords = new ArrayList<String>();
        var alternating = Fixture.alternating(pg);
        for (int i = 0; i < 2; i++) {
            passwords.add(Fixture.credentials(alternating.rotate()).password());
        }
        var single = Fixture.singleUser(pg);
        passwords.add(Fixture.credentials(single.rotate()).password());

        // A failing ALTER ROLE: a CREATEROLE master may not change a superuser's password on any major.
        var superuser = "su_" + alternating.app;
        pg.sql("CREATE ROLE " + superuser + " LOGIN SUPERUSER PASSWORD 'su-initial'");
        var failing = Fixture.credentials(pg.secret(superuser, "Never-Logged-" + System.nanoTime(), "postgres", null));
        passwords.add(failing.password());
        var master = Fixture.credentials(pg.secret(Fixture.MASTER_USER, Fixture.MASTER_PASSWORD, "postgres", null));
        assertThatThrownBy(() -> alternating.accounts.prepareAlternate(master, failing, superuser))
                .hasMessageContaining("SQLState 42501");

        var log = pg.logText();
        assertThat(log).as("the failing statement was logged with its text")
                .containsPattern("STATEMENT:\\s+ALTER USER \"" + superuser + "\" PASSWORD 'SCRAM-SHA-256\\$4096:");
        for (var password : passwords) {
            assertThat(log).doesNotContain(password);
        }
        assertThat(alternating.secrets.stages(alternating.secret).values()).noneMatch(l -> l.contains(PENDING));
    }
}
