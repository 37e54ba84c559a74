package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verification keys by key id, from a JWK set ({@code {"keys":[...]}}): RSA and EC P-256 public keys for RS256 and
 * ES256, and {@code oct} shared keys for HS256. Each key is bound to the one algorithm its type allows.
 */
public final class KeySet {

    /** A key and the only algorithm it may verify: this binding is what stops algorithm confusion. */
    public record VerificationKey(String algorithm, Key key) {
    }

    private static final Base64.Decoder URL = Base64.getUrlDecoder();
    private final Map<String, VerificationKey> keys;

    private KeySet(Map<String, VerificationKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public VerificationKey get(String kid) {
        return keys.get(kid);
    }

    public int size() {
        return keys.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeySet set && set.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    /** Parses a JWK set; a malformed key fails the whole set, so a bad rotation is noticed, not half-applied. */
    @SuppressWarnings("unchecked")
    public static KeySet parse(String json) {
        try {
            var root = JSON.std.mapFrom(json);
            if (!(root.get("keys") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("key set has no \"keys\" array");
            }
            var keys = new HashMap<String, VerificationKey>();
            for (var item : list) {
                var jwk = (Map<String, Object>) item;
                var kid = text(jwk, "kid");
                if (keys.put(kid, key(jwk)) != null) {
                    throw new IllegalArgumentException("key id " + kid + " appears twice");
                }
            }
            return new KeySet(keys);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("key set is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }

    private static VerificationKey key(Map<String, Object> jwk) {
        try {
            return switch (text(jwk, "kty")) {
                case "RSA" -> new VerificationKey("RS256", KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        unsigned(text(jwk, "n")), unsigned(text(jwk, "e")))));
                case "EC" -> {
                    if (!"P-256".equals(jwk.get("crv"))) {
                        throw new IllegalArgumentException("EC key " + jwk.get("kid") + " is not on P-256 (ES256 only)");
                    }
                    var parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec("secp256r1"));
                    var spec = parameters.getParameterSpec(ECParameterSpec.class);
                    var point = new ECPoint(unsigned(text(jwk, "x")), unsigned(text(jwk, "y")));
                    yield new VerificationKey("ES256", KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec)));
                }
                case "oct" -> {
                    var secret = URL.decode(text(jwk, "k"));
                    if (secret.length < 32) {
                        throw new IllegalArgumentException("HS256 key " + jwk.get("kid") + " is shorter than 256 bits");
                    }
                    yield new VerificationKey("HS256", new SecretKeySpec(secret, "HmacSHA256"));
                }
                default -> throw new IllegalArgumentException("key type " + jwk.get("kty") + " is not supported");
            };
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("key " + jwk.get("kid") + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> jwk, String field) {
        if (!(jwk.get(field) instanceof String value) || value.isEmpty()) {
            throw new IllegalArgumentException("key lacks \"" + field + "\"");
        }
        return value;
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, URL.decode(base64Url));
    }
}
