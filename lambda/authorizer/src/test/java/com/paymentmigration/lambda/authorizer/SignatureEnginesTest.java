package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureSpi;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private static final String ACCP = "AmazonCorrettoCryptoProvider";
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /** Makes {@code provider} ("JDK" or "ACCP") the one in use; tests under either call this, then {@link #reset}. */
    static void use(String provider) {
        Providers.use(provider, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** A genuine token of key {@code kid}: the signed bytes and the signature. */
    private record SignedToken(byte[] signed, byte[] signature) {
        static SignedToken of(String kid) throws Exception {
            var token = kid.equals("rsa-1") ? TOKENS.rs256(c -> c) : TOKENS.es256(c -> c);
            return new SignedToken(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII),
                    Base64Url.decode(token.substring(token.lastIndexOf('.') + 1), "signature"));
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
        var token = SignedToken.of(kid);
        var cases = cases(token.signed(), token.signature(), kid.equals("ec-1"),
                TOKENS.rsa.getModulus().decodeToBigInteger());

        use("JDK");
        var jdk = verdicts(key, cases);
        use("ACCP");
        assertThat(SignatureEngines.signature(SignatureEngines.preferred(), "SHA256withRSA").getProvider().getName())
                .isEqualTo(ACCP);
        var accp = verdicts(key, cases);

        assertThat(accp).isEqualTo(jdk);
        assertThat(jdk.get(0)).as("the genuine signature verifies").isEqualTo("true");
        assertThat(jdk.subList(1, jdk.size()).stream().filter("true"::equals).count())
                .as("only the genuine signature%s verifies", kid.equals("ec-1") ? " and its (n - s) twin" : "")
                .isEqualTo(kid.equals("ec-1") ? 1 : 0);
        assertThat(jdk).as("a signature of the wrong length is invalid, not an error, under either")
                .doesNotContain("SignatureException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-1", "ec-1"})
    void aKeyInUseMovesToTheNewProviderOnItsNextCheck(String kid) throws Exception {
        var key = KeySet.parse(TOKENS.keySet()).get(kid);
        var token = SignedToken.of(kid);

        assertThat(key.verifies(token.signed(), token.signature())).isTrue();
        assertThat(key.providerInUse().getName()).isNotEqualTo(ACCP);
        use("ACCP");
        assertThat(key.verifies(token.signed(), token.signature())).isTrue();
        assertThat(key.providerInUse().getName()).isEqualTo(ACCP);
        assertThat(Security.getProviders()).as("ACCP serves the authorizer's signature engines only")
                .noneMatch(provider -> provider.getName().equals(ACCP));
    }

    @ParameterizedTest
    @CsvSource({"3072,3", "4096,65537", "2048,3"})
    void rsaKeysOfOtherSizesAndExponentsGetTheSameVerdictsFromBoth(int bits, int exponent) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(exponent)));
        var pair = generator.generateKeyPair();
        var jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("rsa-" + bits).build();
        var key = KeySet.parse(new JWKSet(jwk).toString(false)).get("rsa-" + bits);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(KnownAnswers.MESSAGE);
        var cases = cases(KnownAnswers.MESSAGE, signer.sign(), false, ((RSAPublicKey) pair.getPublic()).getModulus());

        use("JDK");
        var jdk = verdicts(key, cases);
        use("ACCP");
        assertThat(verdicts(key, cases)).isEqualTo(jdk);
        assertThat(jdk.get(0)).isEqualTo("true");
        assertThat(jdk.subList(1, jdk.size())).doesNotContain("true");
    }

    @Test
    void aProviderThatAcceptsEverySignatureIsNeverUsed() {
        var log = new ByteArrayOutputStream();
        var liar = new Provider("Liar", "1", "says every signature is valid") {
        };
        liar.put("Signature.SHA256withRSA", AcceptsEverything.class.getName());
        liar.put("Signature.SHA256withECDSAinP1363Format", AcceptsEverything.class.getName());

        assertThat(SignatureEngines.load(() -> liar, new PrintStream(log, true, StandardCharsets.UTF_8))).isFalse();
        assertThat(SignatureEngines.preferred()).isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("accepts a signature over another message");
    }

    /** A signature engine that answers "valid" to everything: what a broken native library might do. */
    public static final class AcceptsEverything extends SignatureSpi {
        @Override
        protected void engineInitVerify(PublicKey publicKey) {
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) {
        }

        @Override
        protected void engineUpdate(byte b) {
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
        }

        @Override
        protected byte[] engineSign() {
            return new byte[0];
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            return true;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            return null;
        }
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
    void theHandlerBuiltForSnapStartLoadsAccpDuringInitialisationAndOnDemandDoesNot() {
        var environment = new java.util.HashMap<>(Map.of("KEY_SET_SECRET_ID", "jwks", "ISSUER", TestTokens.ISSUER,
                "AUDIENCE", TestTokens.AUDIENCE, "SCOPE_ROUTES", TestTokens.ROUTES));
        for (var type : Arrays.asList("on-demand", "lambda-managed-instances", null)) {
            environment.put(SignatureEngines.INITIALIZATION_TYPE, type);
            AuthorizerHandler.fromEnvironment(environment);
            assertThat(SignatureEngines.preferred()).as(String.valueOf(type)).isNull();
        }
        environment.put(SignatureEngines.INITIALIZATION_TYPE, "snap-start");
        AuthorizerHandler.fromEnvironment(environment);
        assertThat(SignatureEngines.preferred()).isNotNull();
        assertThat(SignatureEngines.preferred().getName()).isEqualTo(ACCP);
    }

    /**
     * A real failure, in a JVM of its own (ACCP loads once per JVM): its temporary directory is not a directory, so
     * the native library cannot be unpacked. The JDK keeps serving and the log says why.
     */
    @Test
    void aNativeLibraryThatCannotBeUnpackedLeavesTheJdkServing() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Dcom.amazon.corretto.crypto.provider.tmpdir=/dev/null",
                "-cp", System.getProperty("java.class.path"), LoadProbe.class.getName()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(output).contains("loaded: false", "provider in use: JDK",
                "native signature provider unavailable; the JDK's keeps serving", "Unable to load native library");
    }

    /** Run by the test above in its own JVM. */
    public static final class LoadProbe {
        public static void main(String[] args) {
            System.out.println("loaded: " + SignatureEngines.loadNow(System.out));
            var provider = SignatureEngines.preferred();
            System.out.println("provider in use: " + (provider == null ? "JDK" : provider.getName()));
        }
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
    private static List<byte[][]> cases(byte[] signed, byte[] signature, boolean ecdsa, BigInteger modulus) {
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
        for (int length : new int[]{0, 1, signature.length - 1, signature.length + 1, 2 * signature.length}) {
            cases.add(new byte[][]{signed, Arrays.copyOf(signature, length)});
        }
        cases.add(new byte[][]{signed, new byte[signature.length]});
        var ones = new byte[signature.length];
        Arrays.fill(ones, (byte) 0xFF);
        cases.add(new byte[][]{signed, ones});
        if (ecdsa) {
            // r and s: each 32 bytes. s -> n - s is the other valid signature (ECDSA is malleable; JWS does not
            // forbid it); r or s of 0, or of n or more, is invalid.
            var r = Arrays.copyOfRange(signature, 0, 32);
            var s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            cases.add(new byte[][]{signed, concat(r, fixed(P256_ORDER.subtract(s), 32))});
            cases.add(new byte[][]{signed, concat(r, fixed(BigInteger.ZERO, 32))});
            cases.add(new byte[][]{signed, concat(fixed(BigInteger.ZERO, 32), fixed(s, 32))});
            cases.add(new byte[][]{signed, concat(r, fixed(s.add(P256_ORDER).mod(BigInteger.TWO.pow(256)), 32))});
            cases.add(new byte[][]{signed, concat(fixed(P256_ORDER, 32), fixed(s, 32))});
        } else {
            // An RSA signature equal to or above the modulus is not a signature (RFC 8017 5.2.2).
            cases.add(new byte[][]{signed, fixed(modulus, signature.length)});
            cases.add(new byte[][]{signed, fixed(modulus.add(BigInteger.ONE), signature.length)});
        }
        return cases;
    }

    /** Per case "true", "false", or the simple name of what the check threw. */
    private static List<String> verdicts(VerificationKey key, List<byte[][]> cases) {
        var verdicts = new ArrayList<String>();
        for (var c : cases) {
            try {
                verdicts.add(String.valueOf(key.verifies(c[0], c[1])));
            } catch (Exception e) {
                verdicts.add(e.getClass().getSimpleName());
            }
        }
        return verdicts;
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
