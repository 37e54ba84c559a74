package com.paymentmigration.lambda.authorizer;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key of the set and the only algorithm it may verify: this binding is what stops algorithm confusion. The JDK key
 * object is built on first use, so a cold start that only meets RS256 tokens never loads the EC provider.
 *
 * <p>Each thread keeps one JCA engine ({@link Signature} or {@link Mac}) per key, initialised with the key once. A
 * fresh engine per token costs a provider lookup, a new digest and padding objects and the key's validation on
 * {@code initVerify}: a few microseconds and about 600 bytes a token. Reuse is what the JCA documents:
 * {@code Signature.verify} and {@code Mac.doFinal} leave the engine as it was after its initialisation. An engine that
 * threw is dropped, so whatever state a failure leaves never meets the next token; a signature engine is made again
 * when {@link SignatureEngines} has switched providers since.
 */
public final class VerificationKey {

    private final String algorithm;
    private final BigInteger first;
    private final BigInteger second;
    private final byte[] secret;
    private final ThreadLocal<Engine> engine = new ThreadLocal<>();
    private Key key;

    /** A thread's engine for this key and the provider it was made under (null: the JDK's). */
    private record Engine(Object engine, Provider madeUnder) {
    }

    /** RS256: modulus and exponent; ES256: the point's x and y; HS256: the secret alone. */
    VerificationKey(String algorithm, BigInteger first, BigInteger second, byte[] secret) {
        this.algorithm = algorithm;
        this.first = first;
        this.second = second;
        this.secret = secret;
    }

    public String algorithm() {
        return algorithm;
    }

    /** Whether {@code signature} is this key's signature over {@code signed}, under the key's one algorithm. */
    public boolean verifies(byte[] signed, byte[] signature) throws GeneralSecurityException {
        if (!algorithm.equals("HS256") && signature.length != signatureLength()
                || algorithm.equals("ES256") && !P256.inRange(signature)) {
            // RFC 8017 8.2.2 step 1, RFC 7518 3.4, FIPS 186-4 6.4.2 step 1: invalid, whatever an engine would make
            // of it (for some of these the JDK's throws, for others AWS-LC's does).
            return false;
        }
        try {
            if (algorithm.equals("HS256")) {
                // A constant-time comparison: the MAC is secret until it matches.
                return MessageDigest.isEqual(((Mac) engine()).doFinal(signed), signature);
            }
            var verifier = (Signature) engine();
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            engine.remove();
            throw e;
        }
    }

    /** RS256: the modulus's length in bytes; ES256: R and S of 32 bytes each. */
    private int signatureLength() {
        return algorithm.equals("RS256") ? (first.bitLength() + 7) / 8 : 64;
    }

    private Object engine() throws GeneralSecurityException {
        // HMAC stays the JDK's whoever serves signatures, so its engine never needs remaking.
        var provider = algorithm.equals("HS256") ? null : SignatureEngines.preferred();
        var current = engine.get();
        if (current == null || current.madeUnder() != provider) {
            current = new Engine(switch (algorithm) {
                case "HS256" -> {
                    var mac = Mac.getInstance("HmacSHA256");
                    mac.init((SecretKey) key());
                    yield mac;
                }
                // JOSE carries ECDSA signatures as R||S (64 bytes); the P1363 variant reads exactly that.
                default -> {
                    var verifier = SignatureEngines.signature(provider,
                            algorithm.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
                    verifier.initVerify((PublicKey) key());
                    yield verifier;
                }
            }, provider);
            engine.set(current);
        }
        return current.engine();
    }

    /** The provider this thread's engine for this key comes from (for tests: which provider checks it). */
    Provider providerInUse() throws GeneralSecurityException {
        return engine() instanceof Signature signature ? signature.getProvider() : ((Mac) engine()).getProvider();
    }

    synchronized Key key() throws GeneralSecurityException {
        if (key == null) {
            key = switch (algorithm) {
                case "RS256" -> KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(first, second));
                case "ES256" -> {
                    var parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec("secp256r1"));
                    var spec = parameters.getParameterSpec(ECParameterSpec.class);
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(first, second), spec));
                }
                default -> new SecretKeySpec(secret, "HmacSHA256");
            };
        }
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && that.algorithm.equals(algorithm)
                && Objects.equals(that.first, first) && Objects.equals(that.second, second)
                && Arrays.equals(that.secret, secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, first, second, Arrays.hashCode(secret));
    }
}
