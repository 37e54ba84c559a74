package com.paymentmigration.lambda.authorizer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Property: whatever arrives, no exception escapes and the answer is allow or deny; only genuine tokens pass. */
class AuthorizerFuzzTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\":,\u00e9\u0000";

    @Test
    void randomAndMutatedInputsNeverEscapeAndNeverPassUnlessIntact() {
        var tokens = new TestTokens(Instant.now());
        var keySet = tokens.keySet();
        var authorizer = new Authorizer(new JwtVerifier(new Keys(() -> keySet, Clock.systemUTC()), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Clock.systemUTC()), ScopeRoutes.parse(TestTokens.ROUTES));
        var genuine = new String[]{tokens.rs256(c -> c), tokens.es256(c -> c), tokens.hs256(c -> c)};
        var random = new Random(20261123L);
        int allowed = 0;
        for (int i = 0; i < 20_000; i++) {
            var original = genuine[i % genuine.length];
            String input = switch (i % 4) {
                case 0 -> randomString(random, random.nextInt(200));
                case 1 -> mutate(original, random);
                case 2 -> String.join(".", b64(random), b64(random), b64(random));
                default -> original.substring(0, random.nextInt(original.length()));
            };
            var event = Map.of("authorizationToken", (random.nextBoolean() ? "Bearer " : "bearer ") + input,
                    "methodArn", TestTokens.METHOD_ARN);
            var decision = authorizer.decide(event);
            assertThat(decision).isNotNull();
            if (decision instanceof Decision.Allow) {
                allowed++;
                assertThat(sameDecodedParts(input, original)).as("allowed input %s", input).isTrue();
            }
        }
        assertThat(allowed).as("some mutations only touch unused base64 bits, most do not").isLessThan(1000);
        for (var token : genuine) {
            assertThat(authorizer.decide(Map.of("authorizationToken", "Bearer " + token, "methodArn", TestTokens.METHOD_ARN)))
                    .isInstanceOf(Decision.Allow.class);
        }
    }

    private static boolean sameDecodedParts(String input, String original) {
        var a = input.trim().split("\\.", -1);
        var b = original.split("\\.", -1);
        if (a.length != 3) {
            return false;
        }
        for (int p = 0; p < 3; p++) {
            if (!Arrays.equals(Base64.getUrlDecoder().decode(a[p]), Base64.getUrlDecoder().decode(b[p]))) {
                return false;
            }
        }
        return true;
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
