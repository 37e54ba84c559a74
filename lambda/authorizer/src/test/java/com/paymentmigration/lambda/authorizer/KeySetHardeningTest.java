package com.paymentmigration.lambda.authorizer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys of a set may verify, how long a removed key keeps verifying, and how often a bad set is read. */
class KeySetHardeningTest {

    private static final TestTokens tokens = new TestTokens(Instant.now());
    private static final RSAKey extra = generate(2048, "rsa-x");

    @Test
    void rsaKeysUnder2048BitsAreLeftOutOfTheSet() throws Exception {
        var weak = generate(1024, "rsa-weak");
        var fixture = new AuthorizerFixture(tokens.keySet(weak.toPublicJWK()));
        var signer = new RSASSASigner(weak.toPrivateKey(), Set.of(AllowWeakRSAKey.getInstance()));
        assertThat(fixture.denyReason(TestTokens.sign(JWSAlgorithm.RS256, "rsa-weak", c -> c, signer))).isEqualTo("unknown key id");
        fixture.allowed(tokens.rs256(c -> c));
        assertThat(KeySet.parse(tokens.keySet(weak.toPublicJWK())).ignored()).containsExactly("key rsa-weak is shorter than 2048 bits");
    }

    @Test
    void keyMaterialThatIsNoKeyOfItsTypeRefusesTheSetAndAnOversizedExponentIsLeftOut() {
        var n = tokens.rsa.getModulus().decodeToBigInteger();
        var x = tokens.ec.getX().decodeToBigInteger();
        var y = tokens.ec.getY().decodeToBigInteger();
        Map<String, String> notKeys = Map.of(
                "even modulus", rsa(n.clearBit(0), java.math.BigInteger.valueOf(65537)),
                "even exponent", rsa(n, java.math.BigInteger.valueOf(65536)),
                "exponent 1", rsa(n, java.math.BigInteger.ONE),
                "exponent above the modulus", rsa(n, n.add(java.math.BigInteger.TWO)),
                "point off the curve", ec(x, y.add(java.math.BigInteger.ONE)),
                "x beyond the field", ec(x.add(java.math.BigInteger.TWO.pow(256)), y));
        notKeys.forEach((name, jwk) -> assertThatThrownBy(() -> KeySet.parse(tokens.keySet().replace("{\"keys\":[",
                "{\"keys\":[" + jwk + ",")), name).hasMessageContaining("key odd-1 is not"));

        var hugeExponent = java.math.BigInteger.TWO.pow(33).add(java.math.BigInteger.ONE);
        var set = KeySet.parse(tokens.keySet().replace("{\"keys\":[", "{\"keys\":[" + rsa(n, hugeExponent) + ","));
        assertThat(set.ignored()).containsExactly(
                "key odd-1 has a public exponent of 34 bits; at most 33 are accepted (issuers use 65537)");
        assertThat(set.get("odd-1")).isNull();
    }

    private static String rsa(java.math.BigInteger n, java.math.BigInteger e) {
        return "{\"kty\":\"RSA\",\"kid\":\"odd-1\",\"n\":\"" + base64(n) + "\",\"e\":\"" + base64(e) + "\"}";
    }

    private static String ec(java.math.BigInteger x, java.math.BigInteger y) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"odd-1\",\"x\":\"" + base64(x) + "\",\"y\":\"" + base64(y) + "\"}";
    }

    private static String base64(java.math.BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void keysWhoseUseKeyOpsOrAlgExcludeVerifyingThisTokenAreLeftOut() {
        var token = TestTokens.sign(JWSAlgorithm.RS256, "rsa-x", c -> c, TestTokens.rsaSigner(extra));
        Map<String, UnaryOperator<RSAKey.Builder>> contradictions = Map.of(
                "use enc", k -> k.keyUse(KeyUse.ENCRYPTION),
                "key_ops encrypt", k -> k.keyOperations(Set.of(KeyOperation.ENCRYPT)),
                "key_ops sign only", k -> k.keyOperations(Set.of(KeyOperation.SIGN)),
                "alg PS256", k -> k.algorithm(JWSAlgorithm.PS256),
                "alg RS512", k -> k.algorithm(JWSAlgorithm.RS512));
        contradictions.forEach((name, edit) -> {
            var key = edit.apply(new RSAKey.Builder(extra.toPublicJWK())).build();
            assertThat(new AuthorizerFixture(tokens.keySet(key)).denyReason(token)).as(name).isEqualTo("unknown key id");
        });
        var consistent = new RSAKey.Builder(extra.toPublicJWK()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        new AuthorizerFixture(tokens.keySet(consistent)).allowed(token);
        var verifyOnly = new RSAKey.Builder(extra.toPublicJWK()).keyOperations(Set.of(KeyOperation.VERIFY)).build();
        new AuthorizerFixture(tokens.keySet(verifyOnly)).allowed(token);
        var hs512 = "{\"keys\":[" + tokens.rsa.toPublicJWK().toJSONString() + ",{\"kty\":\"oct\",\"kid\":\"hs-9\",\"alg\":\"HS512\","
                + "\"k\":\"" + tokens.hmac.getKeyValue() + "\"}]}";
        assertThat(KeySet.parse(hs512).ignored()).containsExactly("key hs-9 is for alg HS512, but a oct key here verifies HS256 only");
    }

    @Test
    void aPrivateKeyInTheSetRefusesTheWholeSetAndTheHeldSetStaysInUse() throws Exception {
        for (JWK secretHalf : List.of(extra, tokens.ec)) {
            assertThatThrownBy(() -> KeySet.parse(new JWKSet(List.of(tokens.rsa.toPublicJWK(), secretHalf)).toString(false)))
                    .hasMessageContaining("holds private key material").hasMessageContaining("publish only the public key");
        }
        var fixture = new AuthorizerFixture(new JWKSet(List.of(extra)).toString(false));
        var token = TestTokens.sign(JWSAlgorithm.RS256, "rsa-x", c -> c, TestTokens.rsaSigner(extra));
        assertThat(fixture.denyReason(token)).isEqualTo("unknown key id");

        var held = new AuthorizerFixture(tokens.keySet());
        held.allowed(tokens.rs256(c -> c));
        held.secret.set(new JWKSet(List.of(tokens.rsa, tokens.ec.toPublicJWK())).toString(false));
        held.advance(Keys.DEFAULT_MAX_AGE);
        held.allowed(tokens.rs256(c -> c));
        assertThat(held.fetches).as("the private set was read and refused").hasValue(2);
    }

    @Test
    void anEmptyOrUnreadableKeySetIsReadAgainAtMostOncePerThrottlePeriod() {
        var empty = new AuthorizerFixture("{\"keys\":[]}");
        var unreadable = new AuthorizerFixture(tokens.keySet());
        unreadable.failure.set(new IllegalStateException("secrets extension answered 500"));
        for (var fixture : List.of(empty, unreadable)) {
            for (int i = 0; i < 50; i++) {
                assertThat(fixture.denyReason(tokens.rs256(c -> c))).isEqualTo("unknown key id");
            }
            assertThat(fixture.fetches).hasValue(1);
            fixture.advance(Keys.MIN_REFRESH_INTERVAL.minusSeconds(1));
            fixture.denyReason(tokens.es256(c -> c));
            assertThat(fixture.fetches).hasValue(1);
            fixture.advance(Duration.ofSeconds(1));
            fixture.denyReason(tokens.es256(c -> c));
            assertThat(fixture.fetches).hasValue(2);
        }
        unreadable.failure.set(null);
        unreadable.advance(Keys.MIN_REFRESH_INTERVAL);
        unreadable.allowed(tokens.rs256(c -> c));
    }

    @Test
    void aKeyRemovedFromTheSetStopsVerifyingWithinTheMaxAgeEvenForATokenVerifiedBefore() {
        var maxAge = Duration.ofSeconds(120);
        var fixture = new AuthorizerFixture(tokens.keySet(), TestTokens.ROUTES, maxAge);
        var token = tokens.rs256(c -> c.expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600))));
        fixture.allowed(token);
        // The holder of a stolen rsa-1 never names an unknown kid: only the set's age can bring the removal in.
        fixture.secret.set(new JWKSet(List.of(tokens.ec.toPublicJWK(), tokens.hmac)).toString(false));
        fixture.advance(maxAge.minusSeconds(1));
        fixture.allowed(token);
        fixture.allowed(tokens.rs256(c -> c.claim("jti", "fresh")));
        assertThat(fixture.fetches).as("within the max age the set is not read again").hasValue(1);
        fixture.advance(Duration.ofSeconds(1));
        assertThat(fixture.denyReason(token)).isEqualTo("unknown key id");
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("jti", "another")))).isEqualTo("unknown key id");
        fixture.allowed(tokens.es256(c -> c));
        assertThat(fixture.fetches).hasValue(2);
    }

    @Test
    void theMaxAgeIsBounded() {
        assertThatThrownBy(() -> new Keys(tokens::keySet, java.time.Clock.systemUTC(), Duration.ofSeconds(29)))
                .hasMessageContaining("outside 30 to 3600 s");
        assertThatThrownBy(() -> new Keys(tokens::keySet, java.time.Clock.systemUTC(), Duration.ofSeconds(3601)))
                .hasMessageContaining("outside 30 to 3600 s");
    }

    private static RSAKey generate(int bits, String kid) {
        try {
            return new RSAKeyGenerator(bits, bits < 2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Found in review: a second request arriving while the first read of the set was in flight was denied. */
    @Test
    void aRequestDuringTheFirstReadWaitsForItInsteadOfBeingDenied() throws Exception {
        var reading = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var keys = new Keys(() -> {
            reading.countDown();
            release.await();
            return tokens.keySet();
        }, java.time.Clock.systemUTC());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> keys.find("rsa-1"));
            reading.await();
            var second = pool.submit(() -> keys.find("rsa-1"));
            Thread.sleep(200); // the second request is now waiting (or, before the fix, already answered null)
            release.countDown();
            assertThat(first.get()).isNotNull();
            assertThat(second.get()).isNotNull();
        } finally {
            pool.shutdownNow();
        }
    }
}
