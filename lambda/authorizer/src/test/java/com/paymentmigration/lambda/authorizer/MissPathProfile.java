package com.paymentmigration.lambda.authorizer;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A profiling harness, not a unit test (see the README): where the CPU time of an RS256 decision on a cache miss
 * goes. Over the benchmark's tokens ({@code benchmark.sh} writes them), per stage: the thread's CPU time and the bytes
 * it allocated, averaged per token, in rounds (the first rounds warm the JIT). The stages are the code's own pieces
 * run alone (base64url of the three segments with the canonical check, the two JSON objects), then, with the JDK's
 * provider and with ACCP (see {@link SignatureEngines}), the bare signature check, the whole verifier, and the
 * handler on a miss and on a hit.
 * Usage: {@code java -cp target/authorizer.jar:target/test-classes ...MissPathProfile target/bench [rounds]}
 */
public final class MissPathProfile {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String ISSUER = "https://idp.example.com/";
    private static final String AUDIENCE = "payments-api";
    private static final String ROUTES = "payments:read=GET/payments,GET/payments/*;payments:write=POST/payments,POST/refunds";
    private static final String METHOD_ARN = "arn:aws:execute-api:eu-central-1:123456789012:abc123/live/POST/payments";

    private interface Stage {
        void run(String token) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var tokens = Files.readAllLines(dir.resolve("RS256.jwt"));
        var keySet = Files.readString(dir.resolve("keys.json"));
        var key = (PublicKey) KeySet.parse(keySet).get("rsa-1").key();
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round + " of " + rounds + ", " + tokens.size() + " tokens");
            measure("base64url, 3 segments, canonical check", tokens, token -> {
                int first = token.indexOf('.');
                int second = token.lastIndexOf('.');
                Base64Url.decode(token.substring(0, first), "header");
                Base64Url.decode(token.substring(first + 1, second), "payload");
                Base64Url.decode(token.substring(second + 1), "signature");
            });
            measure("JSON, header and claims", tokens, token -> {
                int first = token.indexOf('.');
                int second = token.lastIndexOf('.');
                Json.object(new String(Base64Url.decode(token.substring(0, first), "h"), StandardCharsets.UTF_8));
                Json.object(new String(Base64Url.decode(token.substring(first + 1, second), "p"), StandardCharsets.UTF_8));
            });
            for (var provider : List.of(Providers.JDK, Providers.ACCP)) {
                Providers.use(provider, System.err);
                measure(provider + " SHA256withRSA alone (new engine)", tokens, token -> {
                    int second = token.lastIndexOf('.');
                    var verifier = SignatureEngines.signature(SignatureEngines.preferred(), "SHA256withRSA");
                    verifier.initVerify(key);
                    verifier.update(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
                    verifier.verify(Base64Url.decode(token.substring(second + 1), "s"));
                });
                var verifier = new JwtVerifier(new Keys(() -> keySet, Clock.systemUTC()), ISSUER, AUDIENCE, Clock.systemUTC());
                measure(provider + " JwtVerifier.verify, miss", tokens, verifier::verify);
                var handler = new AuthorizerHandler(new Authorizer(new JwtVerifier(new Keys(() -> keySet, Clock.systemUTC()),
                        ISSUER, AUDIENCE, Clock.systemUTC()), ScopeRoutes.parse(ROUTES)), System.out);
                measure(provider + " handleRequest, miss", tokens, token -> handler.handleRequest(event(token)));
                measure(provider + " handleRequest, hit", tokens, token -> handler.handleRequest(event(token)));
            }
        }
    }

    private static void measure(String stage, List<String> tokens, Stage body) throws Exception {
        long thread = Thread.currentThread().getId();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        for (var token : tokens) {
            body.run(token);
        }
        int n = tokens.size();
        System.out.printf("  %-40s cpu %6.1f us, allocated %6d bytes per token%n", stage,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / n, (THREADS.getThreadAllocatedBytes(thread) - allocated) / n);
    }

    private static Map<String, Object> event(String token) {
        return Map.of("type", "REQUEST", "methodArn", METHOD_ARN, "headers", Map.of("Authorization", "Bearer " + token));
    }
}
