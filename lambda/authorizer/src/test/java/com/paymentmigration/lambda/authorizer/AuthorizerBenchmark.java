package com.paymentmigration.lambda.authorizer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A documented harness, not a unit test (see the README and {@code benchmark.sh}), run on the function's jar plus
 * this class only, with the function's environment pointing at {@link ExtensionStub}.
 * <ul>
 *   <li>{@code cold DIR}: from JVM start to the first decision through {@link AuthorizerHandler}: the handler's
 *   construction from the environment, the key set read over HTTP, the token's verification and the policy. Prints
 *   one number of milliseconds.</li>
 *   <li>{@code warm DIR}: per algorithm, p50/p99/max of decisions through the handler on tokens it has not seen (a
 *   signature check each: the cache-miss path), then on the same tokens again (the cache-hit path). The JIT is warmed
 *   first on throwaway authorizers over the same tokens, whose caches the handler does not share.</li>
 * </ul>
 */
public final class AuthorizerBenchmark {

    private static final String METHOD_ARN = "arn:aws:execute-api:eu-central-1:123456789012:abc123/live/POST/payments";
    private static final int WARM_UP_ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[1]);
        if (args[0].equals("cold")) {
            var event = event(Files.readAllLines(dir.resolve("RS256.jwt")).get(0));
            var response = new AuthorizerHandler().handleRequest(event);
            long end = System.currentTimeMillis();
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            if (!response.containsKey("policyDocument")) {
                throw new IllegalStateException("benchmark token was not allowed: " + response);
            }
            System.out.println(end - start);
            return;
        }
        var handler = new AuthorizerHandler();
        var keys = Files.readString(dir.resolve("keys.json"));
        for (var algorithm : new String[]{"RS256", "ES256", "HS256"}) {
            var tokens = Files.readAllLines(dir.resolve(algorithm + ".jwt"));
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                var throwaway = new Authorizer(new JwtVerifier(new Keys(() -> keys, Clock.systemUTC()), System.getenv("ISSUER"),
                        System.getenv("AUDIENCE"), Clock.systemUTC()), ScopeRoutes.parse(System.getenv("SCOPE_ROUTES")));
                for (var token : tokens) {
                    throwaway.decide(event(token));
                }
            }
            report(algorithm + " first sight (signature checked)", handler, tokens);
            report(algorithm + " seen before (cached)", handler, tokens);
        }
    }

    private static void report(String what, AuthorizerHandler handler, List<String> tokens) {
        var samples = new long[tokens.size()];
        for (int i = 0; i < samples.length; i++) {
            var event = event(tokens.get(i));
            long t0 = System.nanoTime();
            handler.handleRequest(event);
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        int n = samples.length;
        System.out.printf("%s: p50 %.1f us, p99 %.1f us, max %.1f us over %d decisions%n", what,
                samples[n / 2] / 1e3, samples[(int) Math.ceil(n * 0.99) - 1] / 1e3, samples[n - 1] / 1e3, n);
    }

    private static Map<String, Object> event(String token) {
        return Map.of("type", "REQUEST", "methodArn", METHOD_ARN, "headers", Map.of("Authorization", "Bearer " + token));
    }
}
