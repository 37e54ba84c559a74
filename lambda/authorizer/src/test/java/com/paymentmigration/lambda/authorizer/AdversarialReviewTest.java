package com.paymentmigration.lambda.authorizer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Findings of an adversarial pass over the authorizer after the first review's fixes, each refused now. What an allow
 * hands on (principal, tenant) reaches the backend as request headers; what a {@code *} route segment matches
 * reaches a backend that may normalise the path. (A request during the first key-set read: see
 * {@link KeySetHardeningTest}.)
 */
class AdversarialReviewTest {

    private static final TestTokens tokens = new TestTokens(Instant.now());
    private final AuthorizerFixture fixture = new AuthorizerFixture(tokens.keySet());

    @Test
    void aTenantOrSubjectHoldingAControlCharacterOrTooLongIsRefusedNotForwarded() {
        fixture.allowed(tokens.rs256(c -> c.subject("auth0|client 7").claim("tenant_id", "merchant-42")));
        for (var bad : List.of("merchant-42\r\nX-Tenant-Id: merchant-1", "merchant\u0000", "m\u2028x", "merchant-\u00e9",
                " merchant", "merchant ", "", "m".repeat(256))) {
            assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("tenant_id", bad)))).as(bad)
                    .isEqualTo("tenant_id is not 1-255 visible ASCII characters (spaces only inside)");
            assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("tenant_id", null).claim("merchant_id", bad)))).as(bad)
                    .startsWith("merchant_id is not");
            if (!bad.isEmpty()) { // an empty sub is refused earlier, as no subject
                assertThat(fixture.denyReason(tokens.rs256(c -> c.subject(bad)))).as(bad).startsWith("sub is not");
            }
        }
        fixture.allowed(tokens.rs256(c -> c.claim("tenant_id", "m".repeat(255))));
    }

    @Test
    void aTenantClaimThatIsNotAStringIsRefusedRatherThanSkipped() {
        // Before: a non-string tenant_id was skipped and the request reached the backend with merchant_id or none.
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("tenant_id", 42).claim("merchant_id", "merchant-1"))))
                .startsWith("tenant_id is not");
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("tenant_id", List.of("merchant-1", "merchant-2")))))
                .startsWith("tenant_id is not");
        assertThat(fixture.denyReason(tokens.rawHs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", "{\"iss\":\""
                + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\"c\",\"exp\":"
                + (Instant.now().getEpochSecond() + 300) + ",\"scope\":\"payments:write\",\"tenant_id\":null}")))
                .startsWith("tenant_id is not");
    }

    @Test
    void twoClaimsNamingTwoTenantsRefuseTheToken() {
        assertThat(fixture.denyReason(tokens.rs256(c -> c.claim("tenant_id", "merchant-1").claim("merchant_id", "merchant-2"))))
                .isEqualTo("tenant_id and merchant_id name different tenants");
        var same = fixture.decide(tokens.rs256(c -> c.claim("tenant_id", "merchant-1").claim("merchant_id", "merchant-1")));
        assertThat(same).isInstanceOfSatisfying(Decision.Allow.class,
                allow -> assertThat(allow.context()).containsEntry("tenantId", "merchant-1"));
    }

    @Test
    void aWildcardSegmentMatchesNoDotSegmentNorWhatABackendMayDecodeIntoASeparator() {
        var routes = ScopeRoutes.parse("payments:read=GET/payments/*");
        var scopes = List.of("payments:read");
        assertThat(routes.allows(scopes, "GET", "payments/pay_123-a.b~c")).isTrue();
        for (var path : List.of("payments/..", "payments/.", "payments/%2e%2e", "payments/a%2Fb", "payments/a\\b",
                "payments/a;b", "payments/%00", "payments/\u00e9")) {
            assertThat(routes.allows(scopes, "GET", path)).as(path).isFalse();
        }
    }

    @Test
    void aRouteWithADotSegmentIsRefusedAtStartUp() {
        for (var route : List.of("s=GET/payments/..", "s=GET/./payments", "s=GET/payments/.")) {
            assertThatThrownBy(() -> ScopeRoutes.parse(route)).as(route).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not . or ..");
        }
    }
}
