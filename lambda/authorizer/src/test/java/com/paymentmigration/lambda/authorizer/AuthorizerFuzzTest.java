package com.paymentmigration.lambda.authorizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property, over a bounded number of inputs from a fixed seed: whatever arrives, no exception escapes, the answer is
 * allow or deny, every deny's log line is one line of JSON, and only the genuine tokens, spelled exactly as issued,
 * are allowed: no mutation, truncation or splice of one passes. Under the JDK's providers and under ACCP.
 */
class AuthorizerFuzzTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\":,\u00e9\u0000";

    @AfterEach
    void backToTheJdk() {
        SignatureEngines.useJdk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JDK", "ACCP"})
    void randomAndMutatedInputsNeverEscapeAndNeverPassUnlessIntact(String provider) {
        SignatureEnginesTest.use(provider);
        var tokens = new TestTokens(Instant.now());
        var keySet = tokens.keySet();
        var authorizer = new Authorizer(new JwtVerifier(new Keys(() -> keySet, Clock.systemUTC()), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Clock.systemUTC()), ScopeRoutes.parse(TestTokens.ROUTES));
        var genuine = new String[]{tokens.rs256(c -> c), tokens.es256(c -> c), tokens.hs256(c -> c)};
        var random = new Random(20261123L);
        int allowed = 0;
        for (int i = 0; i < 20_000; i++) {
            var original = genuine[i % genuine.length];
            String input = switch (i % 6) {
                case 0 -> randomString(random, random.nextInt(200));
                case 1, 5 -> mutate(original, random);
                case 2 -> String.join(".", b64(random), b64(random), b64(random));
                case 3 -> splice(genuine, random);
                default -> original.substring(0, random.nextInt(original.length()));
            };
            var authorization = (random.nextBoolean() ? "Bearer " : "bearer ") + input;
            Map<String, Object> event = random.nextBoolean()
                    ? Map.of("authorizationToken", authorization, "methodArn", TestTokens.METHOD_ARN)
                    : TestTokens.requestEvent(authorization, TestTokens.METHOD_ARN);
            var decision = authorizer.decide(event);
            assertThat(decision).isNotNull();
            if (decision instanceof Decision.Deny deny) {
                assertThat(LogLine.deny(deny.reason())).doesNotContain("\n", "\r", "\u2028").contains("\"decision\":\"deny\"");
            } else {
                allowed++;
                assertThat(Arrays.asList(genuine)).as("allowed input %s", input).contains(input);
            }
        }
        assertThat(allowed).as("splices of a token with itself are the genuine token").isPositive();
        for (var token : genuine) {
            assertThat(authorizer.decide(Map.of("authorizationToken", "Bearer " + token, "methodArn", TestTokens.METHOD_ARN)))
                    .isInstanceOf(Decision.Allow.class);
        }
    }

    /** Header, payload and signature each taken from any of the genuine tokens. */
    private static String splice(String[] genuine, Random random) {
        var parts = new String[3];
        for (int p = 0; p < 3; p++) {
            parts[p] = genuine[random.nextInt(genuine.length)].split("\\.")[p];
        }
        return String.join(".", parts);
    }

    private static String mutate(String token, Random random) {
        var chars = token.toCharArray();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
            chars[random.nextInt(chars.length)] = ALPHABET.charAt(random.nextInt(64));
        }
        return new String(chars);
    }

    private static String randomString(Random random, int length) {
        var builder = new StringBuilder();
        for (int i = 0; i < length; i++) {
            builder.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return builder.toString();
    }

    private static String b64(Random random) {
        var bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            bytes = ("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"n\":" + random.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
