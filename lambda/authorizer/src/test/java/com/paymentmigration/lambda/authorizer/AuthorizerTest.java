package com.paymentmigration.lambda.authorizer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizerTest {

    private static final TestTokens tokens = new TestTokens(Instant.now());
    private AuthorizerFixture fixture;
    private AtomicReference<String> secret;
    private AtomicInteger fetches;
    private AuthorizerFixture.MutableClock clock;
    private Authorizer authorizer;

    @BeforeEach
    void setUp() {
        fixture = new AuthorizerFixture(tokens.keySet());
        secret = fixture.secret;
        fetches = fixture.fetches;
        clock = fixture.clock;
        authorizer = fixture.authorizer;
    }

    private Decision decide(String token) {
        return fixture.decide(token);
    }

    private String denyReason(String token) {
        return fixture.denyReason(token);
    }

    @Test
    void validTokensOfEveryAlgorithmAreAllowedOnTheirScopesRoutes() {
        for (var token : List.of(tokens.rs256(c -> c), tokens.es256(c -> c), tokens.hs256(c -> c))) {
            var decision = decide(token);
            assertThat(decision).isInstanceOf(Decision.Allow.class);
            var allow = (Decision.Allow) decision;
            assertThat(allow.principalId()).isEqualTo("client-7");
            assertThat(allow.methodArn()).isEqualTo(TestTokens.METHOD_ARN);
            assertThat(allow.context()).containsEntry("sub", "client-7").containsEntry("tenantId", "merchant-42")
                    .containsEntry("scopes", "payments:write")
                    .containsEntry("routingBucket", String.valueOf(RoutingBucket.of("merchant-42")));
        }
    }

    @Test
    void thePolicyNamesOnlyTheRequestedMethodArnAndCarriesTheContext() {
        var allow = (Decision.Allow) decide(tokens.rs256(c -> c.claim("scope", "payments:read payments:write")));
        var policy = Authorizer.policy(allow);
        assertThat(policy).containsEntry("principalId", "client-7").containsKey("context");
        @SuppressWarnings("unchecked")
        var statement = ((List<Map<String, Object>>) ((Map<String, Object>) policy.get("policyDocument")).get("Statement")).get(0);
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "execute-api:Invoke");
        assertThat(statement.get("Resource")).as("the requested method ARN and nothing else")
                .isEqualTo(List.of(TestTokens.METHOD_ARN));
    }

    @Test
    void expiryAndNotBeforeHonourTheSkewOnly() {
        var now = Instant.now();
        assertThat(denyReason(tokens.rs256(c -> c.expirationTime(java.util.Date.from(now.minusSeconds(120)))))).isEqualTo("expired");
        assertThat(decide(tokens.rs256(c -> c.expirationTime(java.util.Date.from(now.minusSeconds(30)))))).isInstanceOf(Decision.Allow.class);
        assertThat(denyReason(tokens.rs256(c -> c.notBeforeTime(java.util.Date.from(now.plusSeconds(120)))))).isEqualTo("not yet valid");
        assertThat(denyReason(tokens.rs256(c -> c.expirationTime(null)))).isEqualTo("no exp");
    }

    @Test
    void issuerAudienceAndSubjectMustMatch() {
        assertThat(denyReason(tokens.rs256(c -> c.issuer("https://evil.example.com/")))).isEqualTo("wrong issuer");
        assertThat(denyReason(tokens.es256(c -> c.audience("other-api")))).isEqualTo("wrong audience");
        assertThat(decide(tokens.hs256(c -> c.audience(List.of("other-api", TestTokens.AUDIENCE))))).isInstanceOf(Decision.Allow.class);
        assertThat(denyReason(tokens.rs256(c -> c.subject(null)))).isEqualTo("no subject");
    }

    @Test
    void tamperingAndForeignKeysBreakTheSignature() throws Exception {
        var token = tokens.rs256(c -> c);
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("payments:write", "payments:admin");
        var tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(denyReason(tampered)).isEqualTo("bad signature");

        var impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertThat(denyReason(TestTokens.sign(JWSAlgorithm.RS256, "rsa-1", c -> c, TestTokens.rsaSigner(impostor))))
                .isEqualTo("bad signature");
    }

    @Test
    void noneAndAlgorithmConfusionAreRefused() throws Exception {
        var header = b64("{\"alg\":\"none\",\"kid\":\"rsa-1\"}");
        var payload = tokens.rs256(c -> c).split("\\.")[1];
        assertThat(denyReason(header + "." + payload + ".")).contains("not a compact JWS");
        assertThat(denyReason(header + "." + payload + ".c2ln")).isEqualTo("algorithm 'none' is not accepted");

        // HS256 "signed" with the RSA public key as the HMAC secret, naming the RSA key id.
        var publicKeyBytes = tokens.rsa.toPublicJWK().toRSAPublicKey().getEncoded();
        var padded = java.util.Arrays.copyOf(publicKeyBytes, Math.max(32, publicKeyBytes.length));
        var confused = TestTokens.sign(JWSAlgorithm.HS256, "rsa-1", c -> c, new MACSigner(padded));
        assertThat(denyReason(confused)).isEqualTo("algorithm HS256 does not match the key's RS256");
    }

    @Test
    void unknownKeyIdsReloadTheSetOnceSoRotationNeedsNoRedeploy() throws Exception {
        assertThat(decide(tokens.rs256(c -> c))).isInstanceOf(Decision.Allow.class);
        assertThat(fetches).hasValue(1);

        var rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        var newToken = TestTokens.sign(JWSAlgorithm.RS256, "rsa-2", c -> c, TestTokens.rsaSigner(rotated));
        assertThat(denyReason(newToken)).isEqualTo("unknown key id");
        assertThat(fetches).as("a reload within the interval is not repeated").hasValue(1);

        secret.set(tokens.keySet(rotated.toPublicJWK()));
        clock.now = clock.now.plus(Keys.MIN_REFRESH_INTERVAL);
        assertThat(decide(newToken)).isInstanceOf(Decision.Allow.class);
        assertThat(fetches).hasValue(2);
        for (int i = 0; i < 100; i++) {
            denyReason(TestTokens.sign(JWSAlgorithm.RS256, "random-" + i, c -> c, TestTokens.rsaSigner(rotated)));
        }
        assertThat(fetches).as("random key ids cannot flood Secrets Manager").hasValue(2);
    }

    @Test
    void garbageEmptyAndHugeInputsAreDenied() {
        assertThat(denyReason("")).contains("missing");
        assertThat(denyReason("not-a-token")).contains("compact JWS");
        assertThat(denyReason("a.b.c")).contains("header is not");
        assertThat(denyReason(b64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":\"" + "A".repeat(10_000) + "\"}") + ".e30.c2ln"))
                .contains("longer than");
        assertThat(authorizer.decide(Map.of("authorizationToken", "Basic dXNlcjpwYXNz", "methodArn", TestTokens.METHOD_ARN)))
                .isEqualTo(new Decision.Deny("authorization is not a Bearer token"));
        assertThat(authorizer.decide(Map.of("authorizationToken", "Bearer x"))).isInstanceOf(Decision.Deny.class);
        assertThat(authorizer.decide(null)).isInstanceOf(Decision.Deny.class);
        var badArn = new HashMap<String, Object>(Map.of("authorizationToken", "Bearer " + tokens.rs256(c -> c),
                "methodArn", "arn:aws:lambda:eu-central-1:123456789012:function:x"));
        assertThat(authorizer.decide(badArn)).isEqualTo(new Decision.Deny("methodArn is not an execute-api method ARN without wildcard characters"));
    }

    @Test
    void scopesThatOpenNothingAreDenied() {
        assertThat(denyReason(tokens.rs256(c -> c.claim("scope", "admin:everything")))).contains("open no route");
        var reader = tokens.rs256(c -> c.claim("scope", null).claim("scp", List.of("payments:read")));
        assertThat(denyReason(reader)).isEqualTo("scopes [payments:read] do not open POST /payments");
        assertThat(authorizer.decide(TestTokens.requestEvent("Bearer " + reader, ApiGatewayModel.STAGE_ARN + "/GET/payments/7")))
                .isInstanceOf(Decision.Allow.class);
    }

    @Test
    void badKeySetsAndRoutesFailLoudly() {
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[]}")).hasMessageContaining("no \"keys\" array");
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k\",\"k\":\"c2hvcnQ\"}]}"))
                .hasMessageContaining("no usable key").hasMessageContaining("key k is shorter than 256 bits");
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k\",\"crv\":\"P-384\",\"x\":\"AA\",\"y\":\"AA\"}]}"))
                .hasMessageContaining("key k is of type EC on curve P-384");
        assertThatThrownBy(() -> KeySet.parse("[]")).hasMessageContaining("not a JSON Web Key Set");
        var huge = new byte[KeySet.MAX_RSA_BITS / 8 + 1];
        huge[0] = 1;
        var hugeModulus = Base64.getUrlEncoder().withoutPadding().encodeToString(huge);
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"" + hugeModulus + "\",\"e\":\"AQAB\"}]}"))
                .hasMessageContaining("modulus over 16384 bits");
        assertThatThrownBy(() -> ScopeRoutes.parse("payments:read=FETCH/payments")).hasMessageContaining("is not METHOD/path");
        assertThatThrownBy(() -> ScopeRoutes.parse("payments:read")).hasMessageContaining("scope=METHOD/path");
        assertThatThrownBy(() -> ScopeRoutes.parse("payments:read=GET/payments/pay*")).hasMessageContaining("segment 'pay*'");
        assertThatThrownBy(() -> ScopeRoutes.parse("payments:read=GET/payments/{id}")).hasMessageContaining("segment '{id}'");
    }

    @Test
    void routingBucketsAreStableAndSpread() {
        assertThat(RoutingBucket.of("merchant-42")).isEqualTo(RoutingBucket.of("merchant-42")).isBetween(0, 99);
        var counts = new int[100];
        for (int i = 0; i < 100_000; i++) {
            counts[RoutingBucket.of("merchant-" + i)]++;
        }
        // 1,000 expected per bucket; a fair hash stays well within ±20 %.
        assertThat(java.util.Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(800, 1200));
    }

    @Test
    void aCachedTokenIsStillCheckedForExpiryAndDroppedWhenKeysChange() throws Exception {
        var token = tokens.es256(c -> c.expirationTime(java.util.Date.from(Instant.now().plusSeconds(100))));
        assertThat(decide(token)).isInstanceOf(Decision.Allow.class);
        assertThat(decide(token)).isInstanceOf(Decision.Allow.class);
        clock.now = clock.now.plusSeconds(100 + JwtVerifier.CLOCK_SKEW_SECONDS + 1);
        assertThat(denyReason(token)).as("expiry is checked on a cache hit").isEqualTo("expired");

        // The EC key is withdrawn from the set: a token verified under the old set must be verified again.
        clock.now = Instant.now();
        var fresh = tokens.es256(c -> c);
        assertThat(decide(fresh)).isInstanceOf(Decision.Allow.class);
        secret.set(new com.nimbusds.jose.jwk.JWKSet(List.of(tokens.rsa.toPublicJWK(), tokens.hmac)).toString(false));
        clock.now = clock.now.plus(Keys.MIN_REFRESH_INTERVAL);
        var rotated = new RSAKeyGenerator(2048).keyID("rsa-9").generate();
        denyReason(TestTokens.sign(JWSAlgorithm.RS256, "rsa-9", c -> c, TestTokens.rsaSigner(rotated)));
        assertThat(denyReason(fresh)).isEqualTo("unknown key id");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
