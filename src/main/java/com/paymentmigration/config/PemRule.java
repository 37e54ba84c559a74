package com.paymentmigration.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** A PEM with at least one X.509 certificate, every one of them parsable; empty (none) when blank. */
final class PemRule implements KeyRule<String> {

    @Override
    public ConfigKey.Type type() {
        return ConfigKey.Type.STRING;
    }

    @Override
    public String read(String label, String pem, Problems problems) {
        if (pem.isBlank()) {
            return "";
        }
        // A certificate is long and public but unreadable in a message: its length says enough.
        var shown = "(" + pem.length() + " characters)";
        var fix = "set it from the CA's PEM file: pulumi config set " + label + " -- \"$(cat ca.pem)\"";
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                problems.add(label, shown, "holds no certificate; " + fix);
                return null;
            }
        } catch (CertificateException e) {
            problems.add(label, shown, "is not a PEM certificate (" + e.getMessage() + "); " + fix);
            return null;
        }
        return pem.strip() + "\n";
    }
}
