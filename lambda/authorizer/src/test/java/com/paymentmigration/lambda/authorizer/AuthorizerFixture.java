package com.paymentmigration.lambda.authorizer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** An authorizer over a key set secret the test can change, a clock it can move, and a count of secret reads. */
final class AuthorizerFixture {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final AtomicReference<String> secret = new AtomicReference<>();
    /** When set, a read of the secret fails with it. */
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final AtomicInteger fetches = new AtomicInteger();
    final MutableClock clock = new MutableClock(Instant.now());
    final Authorizer authorizer;

    AuthorizerFixture(String keySet, String routes, Duration maxAge) {
        secret.set(keySet);
        var keys = new Keys(() -> {
            fetches.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            return secret.get();
        }, clock, maxAge);
        authorizer = new Authorizer(new JwtVerifier(keys, TestTokens.ISSUER, TestTokens.AUDIENCE, clock), ScopeRoutes.parse(routes));
    }

    AuthorizerFixture(String keySet) {
        this(keySet, TestTokens.ROUTES, Keys.DEFAULT_MAX_AGE);
    }

    Decision decide(String token) {
        return authorizer.decide(Map.of("type", "TOKEN", "authorizationToken", "Bearer " + token,
                "methodArn", TestTokens.METHOD_ARN));
    }

    String denyReason(String token) {
        var decision = decide(token);
        assertThat(decision).isInstanceOf(Decision.Deny.class);
        return ((Decision.Deny) decision).reason();
    }

    void allowed(String token) {
        assertThat(decide(token)).isInstanceOf(Decision.Allow.class);
    }

    void advance(Duration duration) {
        clock.now = clock.now.plus(duration);
    }
}
