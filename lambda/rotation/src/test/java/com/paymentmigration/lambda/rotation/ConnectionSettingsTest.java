package com.paymentmigration.lambda.rotation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** verify-full against a server with a certificate for localhost from the test CA ({@code tls/}). */
class ConnectionSettingsTest {

    private final PostgresServer pg = PostgresServer.aurora();

    private String user() throws SQLException {
        var user = "tls_" + Long.toHexString(System.nanoTime());
        pg.sql("CREATE ROLE " + user + " LOGIN PASSWORD 'tls-pass'");
        return user;
    }

    @Test
    void theConnectionIsEncryptedAndTheServerVerified() throws SQLException {
        var credentials = Fixture.credentials(pg.secret(user(), "tls-pass", "postgres", null));
        try (var c = PostgresServer.settings().connect(credentials); var s = c.createStatement();
             var rows = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
        }
        var source = PostgresServer.settings().dataSource(credentials);
        assertThat(source.getSslMode()).isEqualTo("verify-full");
        assertThat(source.getSslRootCert()).isEqualTo(PostgresServer.resource("tls/ca.crt").toString());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws SQLException {
        // The certificate names localhost only; the same server reached by its address is not the server named.
        var failure = new PostgresAccounts(PostgresServer.settings())
                .loginFailure(Fixture.credentials(pg.secret(user(), "tls-pass", "postgres", null).replace("localhost", "127.0.0.1")));
        assertThat(failure).contains("SQLState 08006").contains("127.0.0.1").contains("could not be verified");
    }

    @Test
    void aServerSignedByAnotherCaIsRefused() throws SQLException {
        var failure = new PostgresAccounts(new ConnectionSettings(PostgresServer.resource("tls/other-ca.crt")))
                .loginFailure(Fixture.credentials(pg.secret(user(), "tls-pass", "postgres", null)));
        assertThat(failure).contains("SQLState 08006").containsIgnoringCase("certificat");
    }

    @Test
    void aDatabaseNameCannotSwitchTlsOffOrAddParameters() throws SQLException {
        var database = "postgres?sslmode=disable&ssl=false";
        pg.sql("CREATE DATABASE \"" + database + "\"");
        var credentials = Fixture.credentials(pg.secret(user(), "tls-pass", database, null));
        try (var c = PostgresServer.settings().connect(credentials); var s = c.createStatement();
             var rows = s.executeQuery("SELECT current_database(), ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(database);
            assertThat(rows.getBoolean(2)).isTrue();
        }
        assertThat(PostgresServer.settings().dataSource(credentials).getSslMode()).isEqualTo("verify-full");
    }

    @Test
    void withoutCaCertificatesTheFunctionRefusesToStart() {
        assertThatThrownBy(() -> new ConnectionSettings(Path.of("/nonexistent/ca.pem")))
                .hasMessageContaining("no readable CA certificate file")
                .hasMessageContaining("DB_CA_CERTIFICATES_PARAMETER");
    }

    @Test
    void aWrongPasswordIsReportedWithTheServersReason() throws SQLException {
        var failure = new PostgresAccounts(PostgresServer.settings())
                .loginFailure(Fixture.credentials(pg.secret(user(), "wrong", "postgres", null)));
        assertThat(failure).startsWith("SQLState 28P01").contains("password authentication failed");
    }
}
