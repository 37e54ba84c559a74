package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.rotation.RotationHandler::handleRequest}). The runtime
 * hands the event over as a map; no Lambda library is needed. Environment, all set by the stack
 * ({@link Environment}); Secrets Manager and Parameter Store are reached through the VPC's endpoints.
 */
public final class RotationHandler {

    /** The environment variables the stack sets; the stack's wiring spells the same names. */
    public enum Environment {
        /** Parameter holding the PEM bundle of CAs a database certificate may chain to (RDS bundle, on-prem CA). */
        DB_CA_CERTIFICATES_PARAMETER,
        /** Parameter that is "on" while the cutover freezes writes. */
        WRITE_FREEZE_PARAMETER,
        /** Parameter holding the migration's phase. */
        PHASE_PARAMETER,
        /** Comma-separated phases during which no password changes. */
        BLOCKING_PHASES,
        /** Comma-separated ARNs of secrets that must use alternating users (a service or DMS depends on them). */
        ALTERNATING_SECRET_ARNS;

        String value() {
            var value = System.getenv(name());
            if (value == null || value.isBlank()) {
                throw new RotationException("environment variable " + name() + " is not set; the stack sets it (pulumi up)");
            }
            return value;
        }

        Set<String> list() {
            return Arrays.stream(value().split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
    }

    private static final Rotation ROTATION = create();

    private static Rotation create() {
        var http = UrlConnectionHttpClient.create();
        var ssm = SsmClient.builder().httpClient(http).build();
        var settings = new ConnectionSettings(writeCertificates(ssm, Environment.DB_CA_CERTIFICATES_PARAMETER.value()));
        return new Rotation(new SecretsManagerStore(SecretsManagerClient.builder().httpClient(http).build()),
                new PostgresAccounts(settings),
                new MigrationGate(ssm, Environment.WRITE_FREEZE_PARAMETER.value(), Environment.PHASE_PARAMETER.value(),
                        Environment.BLOCKING_PHASES.list()),
                Environment.ALTERNATING_SECRET_ARNS.list());
    }

    /** pgjdbc reads root certificates from a file; /tmp is the function's only writable place. */
    private static Path writeCertificates(SsmClient ssm, String parameter) {
        var pem = ssm.getParameter(b -> b.name(parameter)).parameter().value();
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new RotationException("parameter " + parameter + " holds no PEM certificate; set "
                    + "migration:rotationCaCertificates (or the DMS CA certificates) and run pulumi up");
        }
        try {
            var file = Files.createTempFile("database-ca", ".pem");
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CA certificates to /tmp", e);
        }
    }

    public void handleRequest(Map<String, Object> event) {
        var parsed = RotationEvent.parse(event);
        System.out.println("{\"step\":\"" + parsed.step().eventName + "\",\"secret\":\"" + parsed.secretId() + "\"}");
        ROTATION.run(parsed);
    }
}
