package com.paymentmigration.lambda.authorizer;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verification keys by key id, from a JWK set ({@code {"keys":[...]}}): RSA (2048 bits or more) and EC P-256 public
 * keys for RS256 and ES256, and {@code oct} shared keys (256 bits or more) for HS256. Each key is bound to the one
 * algorithm its type allows.
 *
 * <p>The whole set is refused (and the previous one kept) when it is malformed or holds private key material: a
 * signing key published for verification is an incident to notice, not a key to use. A well-formed key this
 * verifier must not use is left out with a reason in {@link #ignored()}: another type or curve, {@code use} other
 * than {@code sig}, {@code key_ops} without {@code verify}, an {@code alg} other than the one its type is bound to,
 * a key too short, or an RSA exponent over 33 bits. Key material that is no key of its type (an RSA modulus or
 * exponent that is even, an EC point off the curve) refuses the set. A set that leaves no usable key is refused.
 */
public final class KeySet {

    static final int MIN_RSA_BITS = 2048;
    /** The JDK's own ceiling for an RSA key; checked here so a set it would refuse is refused when read. */
    static final int MAX_RSA_BITS = 16384;
    static final int MIN_HMAC_BYTES = 32;
    /**
     * AWS-LC's ceiling for an RSA public exponent (ACCP refuses larger ones where the JDK accepts them): a key with a
     * larger one is left out, so the set verifies the same tokens whichever provider checks them.
     */
    static final int MAX_RSA_EXPONENT_BITS = 33;
    private static final BigInteger THREE = BigInteger.valueOf(3);
    /** Members that only a private (or, for RSA, CRT) JWK carries (RFC 7518 6.2.2, 6.3.2). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth");

    private final Map<String, VerificationKey> keys;
    private final List<String> ignored;

    private KeySet(Map<String, VerificationKey> keys, List<String> ignored) {
        this.keys = Map.copyOf(keys);
        this.ignored = List.copyOf(ignored);
    }

    public VerificationKey get(String kid) {
        return keys.get(kid);
    }

    public int size() {
        return keys.size();
    }

    /** Why each left-out key was left out, for the log. */
    public List<String> ignored() {
        return ignored;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeySet set && set.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    /** Parses a JWK set; see the class comment for what refuses the set and what leaves a key out. */
    @SuppressWarnings("unchecked")
    public static KeySet parse(String json) {
        try {
            var root = Json.object(json);
            if (!(root.get("keys") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("key set has no \"keys\" array");
            }
            var keys = new HashMap<String, VerificationKey>();
            var ignored = new ArrayList<String>();
            var kids = new java.util.HashSet<String>();
            for (var item : list) {
                var jwk = (Map<String, Object>) item;
                var kid = text(jwk, "kid");
                if (!kids.add(kid)) {
                    throw new IllegalArgumentException("key id " + kid + " appears twice");
                }
                var privateMembers = new java.util.TreeSet<>(jwk.keySet());
                privateMembers.retainAll(PRIVATE_MEMBERS);
                if (!privateMembers.isEmpty()) {
                    throw new IllegalArgumentException("key " + kid + " holds private key material " + privateMembers
                            + "; publish only the public key");
                }
                var whyNot = unusable(jwk);
                if (whyNot != null) {
                    ignored.add("key " + kid + " " + whyNot);
                    continue;
                }
                try {
                    keys.put(kid, key(jwk));
                } catch (LeftOut e) {
                    ignored.add("key " + kid + " " + e.getMessage());
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("key set has no usable key: " + String.join("; ", ignored));
            }
            return new KeySet(keys, ignored);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("key set is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }

    /** Why a well-formed key is not for verifying this verifier's tokens, or null when it is. */
    private static String unusable(Map<String, Object> jwk) {
        var type = text(jwk, "kty");
        var bound = switch (type) {
            case "RSA" -> "RS256";
            case "EC" -> "P-256".equals(jwk.get("crv")) ? "ES256" : null;
            case "oct" -> "HS256";
            default -> null;
        };
        if (bound == null) {
            return "is of type " + type + (jwk.get("crv") != null ? " on curve " + jwk.get("crv") : "")
                    + ", not RSA, EC P-256 or oct";
        }
        if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            return "is for use " + jwk.get("use") + ", not sig";
        }
        if (jwk.containsKey("key_ops") && !(jwk.get("key_ops") instanceof List<?> ops && ops.contains("verify"))) {
            return "has key_ops " + jwk.get("key_ops") + " without verify";
        }
        if (jwk.containsKey("alg") && !bound.equals(jwk.get("alg"))) {
            return "is for alg " + jwk.get("alg") + ", but a " + type + " key here verifies " + bound + " only";
        }
        return null;
    }

    /** A well-formed key this verifier does not use, with the reason. */
    private static final class LeftOut extends Exception {
        LeftOut(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The verification key. Material that is no key of its type (an even RSA modulus or exponent, an exponent below 3
     * or not below the modulus, a point not on P-256) refuses the set; a key too short to trust, or an RSA exponent
     * over {@link #MAX_RSA_EXPONENT_BITS} bits, is left out.
     */
    private static VerificationKey key(Map<String, Object> jwk) throws LeftOut {
        var kid = jwk.get("kid");
        return switch (text(jwk, "kty")) {
            case "RSA" -> {
                var modulus = unsigned(jwk, "n");
                var exponent = unsigned(jwk, "e");
                if (modulus.bitLength() > MAX_RSA_BITS) {
                    throw new IllegalArgumentException("key " + kid + " has a modulus over " + MAX_RSA_BITS + " bits");
                }
                if (!modulus.testBit(0) || !exponent.testBit(0) || exponent.compareTo(THREE) < 0
                        || exponent.compareTo(modulus) >= 0) {
                    throw new IllegalArgumentException("key " + kid + " is not an RSA public key: its modulus and "
                            + "exponent must be odd, the exponent at least 3 and below the modulus (RFC 8017 3.1)");
                }
                if (modulus.bitLength() < MIN_RSA_BITS) {
                    throw new LeftOut("is shorter than " + MIN_RSA_BITS + " bits");
                }
                if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS) {
                    throw new LeftOut("has a public exponent of " + exponent.bitLength() + " bits; at most "
                            + MAX_RSA_EXPONENT_BITS + " are accepted (issuers use 65537)");
                }
                yield new VerificationKey("RS256", modulus, exponent, null);
            }
            case "EC" -> {
                var x = unsigned(jwk, "x");
                var y = unsigned(jwk, "y");
                if (!P256.contains(x, y)) {
                    throw new IllegalArgumentException("key " + kid + " is not a P-256 public key: its point (x, y) "
                            + "is not on the curve");
                }
                yield new VerificationKey("ES256", x, y, null);
            }
            default -> {
                var secret = bytes(jwk, "k");
                if (secret.length < MIN_HMAC_BYTES) {
                    throw new LeftOut("is shorter than " + MIN_HMAC_BYTES * 8 + " bits");
                }
                yield new VerificationKey("HS256", null, null, secret);
            }
        };
    }

    private static String text(Map<String, Object> jwk, String field) {
        if (!(jwk.get(field) instanceof String value) || value.isEmpty()) {
            throw new IllegalArgumentException("key lacks \"" + field + "\"");
        }
        return value;
    }

    private static byte[] bytes(Map<String, Object> jwk, String field) {
        try {
            return Base64Url.decode(text(jwk, field), "member " + field + " of key " + jwk.get("kid"));
        } catch (JwtVerifier.Rejected e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static BigInteger unsigned(Map<String, Object> jwk, String field) {
        return new BigInteger(1, bytes(jwk, field));
    }
}
