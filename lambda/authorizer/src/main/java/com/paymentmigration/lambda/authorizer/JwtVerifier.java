package com.paymentmigration.lambda.authorizer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a compact JWS: every segment in canonical base64url, a header without {@code crit}, the algorithm on an
 * allow-list and equal to the one its key is bound to, the signature, then the claims: {@code exp}, {@code nbf} and
 * {@code iat} as whole seconds within range and with a small skew, issuer, audience and subject. Every failure is a
 * {@link Rejected} with a reason for the log; nothing else escapes.
 */
public final class JwtVerifier {

    /** Longer tokens are refused before any decoding: nobody's legitimate token is 8 KiB. */
    static final int MAX_TOKEN_LENGTH = 8192;
    static final long CLOCK_SKEW_SECONDS = 60;
    static final Set<String> ALGORITHMS = Set.of("RS256", "ES256", "HS256");

    /** Why a token was refused; the message goes to the log, never to the caller. */
    public static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Tokens verified recently, so a client reusing its token (the normal case) costs no signature check. */
    static final int CACHE_SIZE = 10_000;

    private record Verified(long generation, Map<String, Object> claims) {
    }

    private final Map<String, Verified> verified = new java.util.LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final Keys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtVerifier(Keys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /**
     * The verified claims. A token verified before under the same key set skips the signature check only: expiry,
     * not-before, issuer and audience are checked on every call. Asking for the key set's generation first is what
     * lets a key removed from the set stop verifying cached tokens too (see {@link Keys#generation()}).
     */
    public Map<String, Object> verify(String token) throws Rejected {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new Rejected("token missing or longer than " + MAX_TOKEN_LENGTH);
        }
        long generation = keys.generation();
        Verified hit;
        synchronized (verified) {
            hit = verified.get(token);
        }
        if (hit != null && hit.generation() == generation) {
            checkClaims(hit.claims());
            return hit.claims();
        }
        var claims = verifySignedToken(token);
        synchronized (verified) {
            verified.put(token, new Verified(generation, claims));
        }
        return claims;
    }

    private Map<String, Object> verifySignedToken(String token) throws Rejected {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new Rejected("not a compact JWS (three non-empty parts)");
        }
        var header = json(Base64Url.decode(token.substring(0, first), "header"), "header");
        // Every segment's spelling is checked before anything else is: a respelled token is refused as such.
        var payload = Base64Url.decode(token.substring(first + 1, second), "payload");
        var signature = Base64Url.decode(token.substring(second + 1), "signature");
        var algorithm = header.get("alg") instanceof String alg ? alg : "";
        if (!ALGORITHMS.contains(algorithm)) {
            throw new Rejected("algorithm '" + algorithm + "' is not accepted");
        }
        // RFC 7515 4.1.11: extensions listed in crit must be understood, and this verifier implements none.
        if (header.containsKey("crit")) {
            throw new Rejected("header lists critical extensions (crit), none of which is supported");
        }
        if (!(header.get("kid") instanceof String kid) || kid.isEmpty()) {
            throw new Rejected("no key id");
        }
        var key = keys.find(kid);
        if (key == null) {
            throw new Rejected("unknown key id");
        }
        // An HS256 token "signed" with a public RSA key is the classic confusion attack: the key decides.
        if (!key.algorithm().equals(algorithm)) {
            throw new Rejected("algorithm " + algorithm + " does not match the key's " + key.algorithm());
        }
        var signed = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(key, signed, signature)) {
            throw new Rejected("bad signature");
        }
        var claims = java.util.Collections.unmodifiableMap(json(payload, "payload"));
        checkClaims(claims);
        return claims;
    }

    private void checkClaims(Map<String, Object> claims) throws Rejected {
        long now = clock.instant().getEpochSecond();
        var exp = NumericDate.of(claims, "exp");
        if (exp == null) {
            throw new Rejected("no exp");
        }
        if (now > exp + CLOCK_SKEW_SECONDS) {
            throw new Rejected("expired");
        }
        var nbf = NumericDate.of(claims, "nbf");
        if (nbf != null && now + CLOCK_SKEW_SECONDS < nbf) {
            throw new Rejected("not yet valid");
        }
        var iat = NumericDate.of(claims, "iat");
        if (iat != null && now + CLOCK_SKEW_SECONDS < iat) {
            throw new Rejected("issued in the future");
        }
        if (!issuer.equals(claims.get("iss"))) {
            throw new Rejected("wrong issuer");
        }
        var aud = claims.get("aud");
        boolean audienceOk = audience.equals(aud) || aud instanceof List<?> list && list.contains(audience);
        if (!audienceOk) {
            throw new Rejected("wrong audience");
        }
        if (!(claims.get("sub") instanceof String sub) || sub.isEmpty()) {
            throw new Rejected("no subject");
        }
    }

    private static boolean signatureValid(VerificationKey key, byte[] signed, byte[] signature) throws Rejected {
        try {
            return key.verifies(signed, signature);
        } catch (java.security.GeneralSecurityException | ClassCastException e) {
            throw new Rejected("signature check failed: " + e.getClass().getSimpleName());
        }
    }

    /** A JSON object, read strictly (see {@link Json}). */
    private static Map<String, Object> json(byte[] bytes, String what) throws Rejected {
        try {
            var text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return Json.object(text.toString());
        } catch (java.io.IOException | RuntimeException e) {
            throw new Rejected(what + " is not a JSON object in UTF-8");
        }
    }
}
