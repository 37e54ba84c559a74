package com.paymentmigration.lambda.authorizer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * A documented harness, not a unit test (see the README): {@code cold DIR} prints the time from JVM start to the
 * first decision, as a fresh Lambda container would see it without SnapStart; {@code warm DIR [N]} prints
 * p50/p99 of N decisions per algorithm after a warm-up. Run on the function's jar plus this class only.
 */
public final class AuthorizerBenchmark {

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[1]);
        var keys = Files.readString(dir.resolve("keys.json"));
        var authorizer = new Authorizer(new JwtVerifier(new Keys(() -> keys, Clock.systemUTC()), "https://idp.example.com/",
                "payments-api", Clock.systemUTC()), ScopeRoutes.parse(
                "payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds"));
        if (args[0].equals("cold")) {
            var decision = authorizer.decide(event(Files.readString(dir.resolve("RS256.jwt"))));
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("cold start: %d ms from JVM start to first decision (%s)%n", sinceStart,
                    decision.getClass().getSimpleName());
            return;
        }
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        for (var algorithm : new String[]{"RS256", "ES256", "HS256"}) {
            var event = event(Files.readString(dir.resolve(algorithm + ".jwt")));
            for (int i = 0; i < n / 2; i++) {
                check(authorizer.decide(event));
            }
            var samples = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                var decision = authorizer.decide(event);
                samples[i] = System.nanoTime() - t0;
                check(decision);
            }
            Arrays.sort(samples);
            System.out.printf("%s warm: p50 %.1f us, p99 %.1f us, max %.1f us over %d decisions%n", algorithm,
                    samples[n / 2] / 1e3, samples[(int) (n * 0.99)] / 1e3, samples[n - 1] / 1e3, n);
        }
    }

    private static Map<String, Object> event(String token) {
        return Map.of("type", "TOKEN", "authorizationToken", "Bearer " + token.trim(),
                "methodArn", "arn:aws:execute-api:eu-central-1:123456789012:abc123/live/POST/payments");
    }

    private static void check(Decision decision) {
        if (!(decision instanceof Decision.Allow)) {
            throw new IllegalStateException("benchmark token was denied: " + decision);
        }
    }
}
