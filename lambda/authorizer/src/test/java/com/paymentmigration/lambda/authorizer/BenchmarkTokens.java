package com.paymentmigration.lambda.authorizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

/**
 * Writes a key set and, per algorithm, distinct tokens valid for a day (one per line) into a folder, for
 * {@link AuthorizerBenchmark}. Kept apart so that the benchmark's JVM never loads the JOSE library: the cold start
 * measured is the function's.
 */
public final class BenchmarkTokens {

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        int perAlgorithm = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        var tokens = new TestTokens(Instant.now());
        Files.writeString(dir.resolve("keys.json"), tokens.keySet());
        var day = Date.from(Instant.now().plusSeconds(86_400));
        for (var algorithm : new String[]{"RS256", "ES256", "HS256"}) {
            var lines = new ArrayList<String>();
            for (int i = 0; i < perAlgorithm; i++) {
                var jti = algorithm + "-" + i;
                lines.add(switch (algorithm) {
                    case "RS256" -> tokens.rs256(c -> c.expirationTime(day).jwtID(jti));
                    case "ES256" -> tokens.es256(c -> c.expirationTime(day).jwtID(jti));
                    default -> tokens.hs256(c -> c.expirationTime(day).jwtID(jti));
                });
            }
            Files.write(dir.resolve(algorithm + ".jwt"), lines);
        }
        System.out.println("wrote keys.json and " + perAlgorithm + " tokens per algorithm to " + dir);
    }
}
