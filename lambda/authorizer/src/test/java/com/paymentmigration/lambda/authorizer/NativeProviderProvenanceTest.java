package com.paymentmigration.lambda.authorizer;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native code the authorizer trusts with its signature checks is the artifact Amazon published, byte for byte:
 * the shaded jar drops the artifact's signature files (a shaded jar is not the signed one), so the build's input is
 * checked here instead. The jar's SHA-256 is pinned with its version (a new version means a new pin, on purpose);
 * every entry carries Amazon's JCA provider signature, which the JDK verifies while reading the jar; and the native
 * library is for x86-64 Linux, the function's architecture.
 */
class NativeProviderProvenanceTest {

    /** SHA-256 of AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar as Maven Central serves it. */
    private static final String PINNED_SHA256 = "94e92977ee52af1f50cf6744684c214f300e668ee6e1793be1802b209543dc9f";
    private static final String SIGNER = "CN=Amazon Web Services, OU=Java Software Code Signing, O=Oracle Corporation";
    private static final String LIBRARY = "com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so";
    /** ELF e_machine of x86-64 (System V ABI, AMD64 supplement). */
    private static final int EM_X86_64 = 0x3E;

    private final Path jar = artifact();

    @Test
    void theArtifactIsTheOnePinned() throws Exception {
        assertThat(jar.getFileName()).hasToString("AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar");
        var digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(PINNED_SHA256);
    }

    @Test
    void everyEntryIsSignedByAmazonAndTheLibraryIsForX8664Linux() throws Exception {
        int signedEntries = 0;
        try (var file = new JarFile(jar.toFile(), true)) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] head;
                try (InputStream in = file.getInputStream(entry)) {
                    head = in.readNBytes(20);
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // read to the end: only then are the signers known
                }
                var signers = entry.getCodeSigners();
                assertThat(signers).as(entry.getName()).isNotNull().isNotEmpty();
                var certificate = (X509Certificate) signers[0].getSignerCertPath().getCertificates().get(0);
                assertThat(certificate.getSubjectX500Principal().getName("RFC1779")).as(entry.getName()).isEqualTo(SIGNER);
                signedEntries++;
                if (entry.getName().equals(LIBRARY)) {
                    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
                    assertThat(head[4]).as("ELFCLASS64").isEqualTo((byte) 2);
                    assertThat((head[18] & 0xFF) | (head[19] & 0xFF) << 8).as("e_machine").isEqualTo(EM_X86_64);
                }
            }
            assertThat(file.getEntry(LIBRARY)).isNotNull();
        }
        assertThat(signedEntries).isGreaterThan(100);
    }

    private static Path artifact() {
        try {
            return Path.of(AmazonCorrettoCryptoProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
