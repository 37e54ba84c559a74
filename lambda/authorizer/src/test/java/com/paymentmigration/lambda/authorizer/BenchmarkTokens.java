package com.paymentmigration.lambda.authorizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a key set and one token per algorithm (valid for a day) into a folder, for {@link AuthorizerBenchmark}.
 * Kept apart so that the benchmark's JVM never loads the JOSE library: the cold start measured is the function's.
 */
public final class BenchmarkTokens {

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(dir);
        var tokens = new TestTokens(Instant.now());
        Files.writeString(dir.resolve("keys.json"), tokens.keySet());
        var day = java.util.Date.from(Instant.now().plusSeconds(86_400));
        Files.writeString(dir.resolve("RS256.jwt"), tokens.rs256(c -> c.expirationTime(day)));
        Files.writeString(dir.resolve("ES256.jwt"), tokens.es256(c -> c.expirationTime(day)));
        Files.writeString(dir.resolve("HS256.jwt"), tokens.hs256(c -> c.expirationTime(day)));
        System.out.println("wrote keys.json and RS256/ES256/HS256 tokens to " + dir);
    }
}
