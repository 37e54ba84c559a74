package com.paymentmigration.lambda.authorizer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a token must look like beyond a valid signature: one spelling, sane dates, clean scopes, no unknown crit. */
class TokenHardeningTest {

    private static final TestTokens tokens = new TestTokens(Instant.now());
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final AuthorizerFixture fixture = new AuthorizerFixture(tokens.keySet());

    @Test
    void paddingOrNonZeroUnusedBitsInAnySegmentRefuseTheToken() throws Exception {
        var signers = Map.<JWSAlgorithm, Object[]>of(
                JWSAlgorithm.RS256, new Object[]{"rsa-1", TestTokens.rsaSigner(tokens.rsa)},
                JWSAlgorithm.ES256, new Object[]{"ec-1", new ECDSASigner(tokens.ec)},
                JWSAlgorithm.HS256, new Object[]{"hs-1", new MACSigner(tokens.hmac)});
        for (var entry : signers.entrySet()) {
            var token = withUnusedBitsInEverySegment(entry.getKey(), (String) entry.getValue()[0], (JWSSigner) entry.getValue()[1]);
            fixture.allowed(token);
            var parts = token.split("\\.");
            for (int segment = 0; segment < 3; segment++) {
                for (var variant : List.of(padded(parts[segment]), withUnusedBitSet(parts[segment]))) {
                    var copy = parts.clone();
                    copy[segment] = variant;
                    assertThat(fixture.denyReason(String.join(".", copy)))
                            .as("%s segment %d spelled %s", entry.getKey(), segment, variant).contains("not canonical base64url");
                }
            }
        }
    }

    @Test
    void datesPast64BitsFractionalOrPastYear9999RefuseTheTokenInsteadOfWrappingAround() {
        long now = Instant.now().getEpochSecond();
        var twoTo64 = BigInteger.ONE.shiftLeft(64);
        var cases = Map.<String, Object[]>of(
                "nbf wrapping to 1970", new Object[]{"nbf", twoTo64},
                "exp wrapping to now + 300", new Object[]{"exp", twoTo64.add(BigInteger.valueOf(now + 300))},
                "exp with a fraction", new Object[]{"exp", now + 300.5},
                "exp as 1e20", new Object[]{"exp", 1e20},
                "exp in year 10000", new Object[]{"exp", NumericDate.MAX + 1},
                "iat past 64 bits", new Object[]{"iat", twoTo64},
                "iat negative", new Object[]{"iat", -1L},
                "exp as text", new Object[]{"exp", String.valueOf(now + 300)});
        cases.forEach((name, claim) -> assertThat(fixture.denyReason(tokens.rs256(c -> c.claim((String) claim[0], claim[1]))))
                .as(name).containsAnyOf("not a whole number", "outside 1970 to 9999"));
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("iat", now + 600)))).isEqualTo("issued in the future");
        fixture.allowed(tokens.rs256(c -> c.claim("exp", NumericDate.MAX).claim("iat", now)));
    }

    @Test
    void aScopeHoldingAControlOrNonAsciiCharacterRefusesTheTokenRatherThanBeingTrimmed() {
        for (var scope : List.of("payments:write\u0000", "\u0000payments:write", "payments:write\t", "\npayments:write",
                "payments:write\r", "payments:write\u2028", "payments:write\u00a0", "pay\u0007ments:write", "payments:write\"",
                "payments:write\\")) {
            assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("scope", scope)))).as(scope).contains("scope-token");
            assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("scope", null).claim("scp", List.of(scope)))))
                    .as("scp " + scope).contains("scope-token");
        }
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("scope", null).claim("scp", List.of("payments:write", 7)))))
                .contains("not a string");
        fixture.allowed(tokens.rs256(c -> c.claim("scope", "payments:read payments:write")));
    }

    @Test
    void anyCriticalHeaderParameterRefusesTheToken() {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(JOSEObjectType.JWT)
                .criticalParams(Set.of("x-bound-to")).customParam("x-bound-to", "device-1");
        assertThat(fixture.denyReason(TestTokens.sign(header, c -> c, TestTokens.rsaSigner(tokens.rsa))))
                .contains("critical extensions");
    }

    @Test
    void aMemberNamedTwiceInTheHeaderOrThePayloadRefusesTheToken() {
        long exp = Instant.now().getEpochSecond() + 300;
        var claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\"client-7\",\"exp\":" + exp;
        fixture.allowed(tokens.rawHs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", claims + ",\"scope\":\"payments:write\"}"));
        assertThat(fixture.denyReason(tokens.rawHs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"kid\":\"rsa-1\"}",
                claims + ",\"scope\":\"payments:write\"}"))).isEqualTo("header is not a JSON object in UTF-8");
        assertThat(fixture.denyReason(tokens.rawHs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}",
                claims + ",\"scope\":\"payments:read\",\"scope\":\"payments:write\"}"))).isEqualTo("payload is not a JSON object in UTF-8");
    }

    /** A token whose three segments all end in a character with unused bits (length not a multiple of 4). */
    private static String withUnusedBitsInEverySegment(JWSAlgorithm algorithm, String kid, JWSSigner signer) {
        for (int h = 0; h < 4; h++) {
            for (int p = 0; p < 4; p++) {
                var headerFill = "h".repeat(h);
                var payloadFill = "p".repeat(p);
                var token = TestTokens.sign(new JWSHeader.Builder(algorithm).keyID(kid).customParam("fill", headerFill),
                        c -> c.claim("fill", payloadFill), signer);
                if (java.util.Arrays.stream(token.split("\\.")).allMatch(s -> s.length() % 4 != 0)) {
                    return token;
                }
            }
        }
        throw new IllegalStateException("no filler gave every segment unused bits");
    }

    private static String padded(String segment) {
        return segment + "=".repeat(4 - segment.length() % 4);
    }

    /** The same bytes, spelled with the lowest unused bit of the last character set. */
    private static String withUnusedBitSet(String segment) {
        int last = ALPHABET.indexOf(segment.charAt(segment.length() - 1));
        return segment.substring(0, segment.length() - 1) + ALPHABET.charAt(last | 1);
    }
}
