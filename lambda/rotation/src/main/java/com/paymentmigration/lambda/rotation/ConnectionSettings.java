package com.paymentmigration.lambda.rotation;

import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the function reaches PostgreSQL: always TLS with {@code verify-full} (the server's chain must lead to one of
 * {@code rootCertificates} and its certificate must name the host), since the password crosses the VPN. Every part
 * of the address is set through pgjdbc's data source properties, which encode it where the driver builds its URL:
 * a database name such as {@code postgres?sslmode=disable} stays a database name.
 */
public final class ConnectionSettings {

    static final String SSL_MODE = "verify-full";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** A statement that hangs must fail well inside the function's 60 s, so the step fails and is retried. */
    private static final int SOCKET_TIMEOUT_SECONDS = 20;

    private final Path rootCertificates;

    /** @param rootCertificates PEM file of the CAs a server certificate may chain to (the RDS bundle, the on-prem CA) */
    public ConnectionSettings(Path rootCertificates) {
        if (rootCertificates == null || !Files.isReadable(rootCertificates)) {
            throw new RotationException("no readable CA certificate file at " + rootCertificates + "; the function "
                    + "verifies every server (verify-full): set DB_CA_CERTIFICATES_PARAMETER to the parameter holding the "
                    + "PEM bundle (migration:rotationCaCertificates)");
        }
        this.rootCertificates = rootCertificates;
    }

    PGSimpleDataSource dataSource(Credentials credentials) {
        var source = new PGSimpleDataSource();
        source.setServerNames(new String[]{credentials.host()});
        source.setPortNumbers(new int[]{credentials.port()});
        source.setDatabaseName(credentials.database());
        source.setUser(credentials.username());
        source.setPassword(credentials.password());
        source.setProperty(PGProperty.SSL_MODE, SSL_MODE);
        source.setProperty(PGProperty.SSL_ROOT_CERT, rootCertificates.toString());
        source.setProperty(PGProperty.CONNECT_TIMEOUT, String.valueOf(CONNECT_TIMEOUT_SECONDS));
        source.setProperty(PGProperty.SOCKET_TIMEOUT, String.valueOf(SOCKET_TIMEOUT_SECONDS));
        source.setProperty(PGProperty.APPLICATION_NAME, "secret-rotation");
        return source;
    }

    Connection connect(Credentials credentials) throws SQLException {
        return dataSource(credentials).getConnection();
    }
}
