package com.paymentmigration.lambda.authorizer;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For {@code benchmark.sh}, not a unit test: answers on 127.0.0.1 as the Parameters and Secrets extension does
 * ({@code GET /secretsmanager/get?secretId=...} with the session token header, a JSON body whose SecretString is the
 * key set), so the benchmark measures the function's real HTTP read. Runs in its own JVM until killed; writes the
 * port it listens on to {@code DIR/port}.
 */
public final class ExtensionStub {

    static final String SESSION_TOKEN = "benchmark-session-token";

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        var body = Json.line(Map.of("Name", "benchmark/jwks", "SecretString", Files.readString(dir.resolve("keys.json"))))
                .getBytes(StandardCharsets.UTF_8);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/secretsmanager/get", exchange -> {
            boolean authorized = SESSION_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
            var answer = authorized ? body : "{\"message\":\"missing token\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Files.writeString(dir.resolve("port"), String.valueOf(server.getAddress().getPort()));
    }
}
