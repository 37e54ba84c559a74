package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch from the JDK's providers to ACCP changes how fast a signature is checked, never the verdict: over
 * genuine, tampered and malformed signatures of RS256 and ES256 keys, both give the same verdict through the
 * authorizer's own {@link VerificationKey}. A load that fails leaves the JDK's providers serving, and says why.
 */
class SignatureEnginesTest {

    private static final TestTokens TOKENS = new TestTokens(Instant.now());
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /** Makes {@code provider} ("JDK" or "ACCP") the one in use; tests under either call this, then {@link #reset}. */
    static void use(String provider) {
        SignatureEngines.useJdk();
        if (provider.equals("ACCP")) {
            assertThat(SignatureEngines.loadNow(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .as("ACCP loads on this machine (x86_64 Linux, as the function runs)").isTrue();
        }
    }

    @AfterEach
    void reset() {
        SignatureEngines.useJdk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-1", "ec-1"})
    void bothProvidersGiveTheSameVerdictOnEverySignature(String kid) throws Exception {
        var key = KeySet.parse(TOKENS.keySet()).get(kid);
        var cases = cases(kid.equals("rsa-1") ? TOKENS.rs256(c -> c) : TOKENS.es256(c -> c), kid.equals("ec-1"));

        use("JDK");
        var jdk = verdicts(key, cases);
        use("ACCP");
        assertThat(SignatureEngines.signature("SHA256withRSA").getProvider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        var accp = verdicts(key, cases);

        assertThat(accp).isEqualTo(jdk);
        assertThat(jdk.get(0)).as("the genuine signature verifies").isTrue();
        assertThat(jdk.subList(1, jdk.size()).stream().filter(v -> v).count())
                .as("only the genuine signature%s verifies", kid.equals("ec-1") ? " and its (n - s) twin" : "")
                .isEqualTo(kid.equals("ec-1") ? 1 : 0);
    }

    @Test
    void aKeyInUseMovesToTheNewProviderOnItsNextCheck() throws Exception {
        var key = KeySet.parse(TOKENS.keySet()).get("rsa-1");
        var token = TOKENS.rs256(c -> c);
        var signed = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        var signature = Base64Url.decode(token.substring(token.lastIndexOf('.') + 1), "signature");

        assertThat(key.verifies(signed, signature)).isTrue();
        assertThat(key.providerInUse().getName()).isNotEqualTo("AmazonCorrettoCryptoProvider");
        use("ACCP");
        assertThat(key.verifies(signed, signature)).isTrue();
        assertThat(key.providerInUse().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void aLoadThatFailsLeavesTheJdkServingAndSaysWhy() throws Exception {
        var log = new ByteArrayOutputStream();
        var out = new PrintStream(log, true, StandardCharsets.UTF_8);

        assertThat(SignatureEngines.load(() -> {
            throw new UnsatisfiedLinkError("libamazonCorrettoCryptoProvider.so: wrong ELF class");
        }, out)).isFalse();
        assertThat(SignatureEngines.load(() -> new Provider("Empty", "1", "offers no signature") {
        }, out)).as("a provider without the engines the authorizer needs").isFalse();

        assertThat(SignatureEngines.preferred()).isNull();
        var lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        for (var line : lines) {
            var json = new ObjectMapper().readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("ERROR");
            assertThat(json.path("message").asText()).contains("JDK's keeps serving");
        }
        assertThat(lines.get(0)).contains("UnsatisfiedLinkError", "wrong ELF class");
        assertThat(lines.get(1)).contains("NoSuchAlgorithmException");
        new AuthorizerFixture(TOKENS.keySet()).allowed(TOKENS.rs256(c -> c));
    }

    @Test
    void onlyAContainerInitialisedAheadOfItsRequestsLoadsDuringInitialisation() {
        assertThat(SignatureEngines.initialisedAheadOfRequests("snap-start")).isTrue();
        assertThat(SignatureEngines.initialisedAheadOfRequests("provisioned-concurrency")).isTrue();
        for (var other : Arrays.asList("on-demand", "", null, "SNAP-START")) {
            assertThat(SignatureEngines.initialisedAheadOfRequests(other)).as(String.valueOf(other)).isFalse();
        }
    }

    @Test
    void theHandlerStartsTheLoadAfterItsFirstDecisionOnlyAndWhateverThatDecisionWas() {
        var started = new AtomicInteger();
        var fixture = new AuthorizerFixture(TOKENS.keySet());
        var handler = new AuthorizerHandler(fixture.authorizer,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), started::incrementAndGet);

        assertThat(started).hasValue(0);
        try {
            handler.handleRequest(TestTokens.requestEvent("Bearer not-a-token", TestTokens.METHOD_ARN));
        } catch (IllegalStateException deny) {
            assertThat(deny).hasMessage("Unauthorized");
        }
        assertThat(started).as("after a first decision that was a deny").hasValue(1);
        handler.handleRequest(TestTokens.requestEvent("Bearer " + TOKENS.rs256(c -> c), TestTokens.METHOD_ARN));
        assertThat(started).hasValue(1);
    }

    /** The genuine signature first, then tampered and malformed ones over the same content. */
    private static List<byte[][]> cases(String token, boolean ecdsa) throws Exception {
        var signed = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        var signature = Base64Url.decode(token.substring(token.lastIndexOf('.') + 1), "signature");
        var cases = new ArrayList<byte[][]>();
        cases.add(new byte[][]{signed, signature});
        var random = new Random(20261202L);
        for (int i = 0; i < 64; i++) {
            var flipped = signature.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            cases.add(new byte[][]{signed, flipped});
        }
        var otherContent = signed.clone();
        otherContent[otherContent.length - 1] ^= 1;
        cases.add(new byte[][]{otherContent, signature});
        cases.add(new byte[][]{signed, Arrays.copyOf(signature, signature.length - 1)});
        cases.add(new byte[][]{signed, Arrays.copyOf(signature, signature.length + 1)});
        cases.add(new byte[][]{signed, new byte[0]});
        cases.add(new byte[][]{signed, new byte[signature.length]});
        var ones = new byte[signature.length];
        Arrays.fill(ones, (byte) 0xFF);
        cases.add(new byte[][]{signed, ones});
        if (ecdsa) {
            // r and s: each 32 bytes. s -> n - s is the other valid signature (ECDSA is malleable; JWS does not
            // forbid it); r or s of 0, or of n or more, is invalid.
            var r = Arrays.copyOfRange(signature, 0, 32);
            var s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            cases.add(new byte[][]{signed, concat(r, fixed(P256_ORDER.subtract(s)))});
            cases.add(new byte[][]{signed, concat(r, fixed(BigInteger.ZERO))});
            cases.add(new byte[][]{signed, concat(fixed(BigInteger.ZERO), fixed(s))});
            cases.add(new byte[][]{signed, concat(r, fixed(s.add(P256_ORDER).mod(BigInteger.TWO.pow(256))))});
            cases.add(new byte[][]{signed, concat(fixed(P256_ORDER), fixed(s))});
        } else {
            // An RSA signature equal to or above the modulus is not a signature (RFC 8017 5.2.2).
            var modulus = ((java.security.interfaces.RSAPublicKey) KeySet.parse(TOKENS.keySet()).get("rsa-1").key()).getModulus();
            var sig = new BigInteger(1, signature);
            cases.add(new byte[][]{signed, fixed(modulus, signature.length)});
            cases.add(new byte[][]{signed, fixed(sig.add(modulus), signature.length + 1)});
        }
        return cases;
    }

    private static List<Boolean> verdicts(VerificationKey key, List<byte[][]> cases) {
        var verdicts = new ArrayList<Boolean>();
        for (var c : cases) {
            boolean valid;
            try {
                valid = key.verifies(c[0], c[1]);
            } catch (Exception e) {
                valid = false; // what JwtVerifier makes of a failed check: a rejection
            }
            verdicts.add(valid);
        }
        return verdicts;
    }

    private static byte[] fixed(BigInteger value) {
        return fixed(value, 32);
    }

    /** {@code value} big-endian in exactly {@code length} bytes. */
    private static byte[] fixed(BigInteger value, int length) {
        var bytes = value.toByteArray();
        var out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
