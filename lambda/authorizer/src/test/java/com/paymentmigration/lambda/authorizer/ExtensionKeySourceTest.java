package com.paymentmigration.lambda.authorizer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key set read from a local HTTP server answering as the Parameters and Secrets extension does. */
class ExtensionKeySourceTest {

    private final AtomicReference<String> requested = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            var created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            created.createContext("/secretsmanager/get", exchange -> {
                requested.set(exchange.getRequestURI().getRawQuery());
                var answer = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ExtensionKeySource source() {
        return new ExtensionKeySource("dev/payments/jwt keys", server.getAddress().getPort());
    }

    @Test
    void returnsTheSecretStringOfTheNamedSecret() throws Exception {
        body.set("{\"Name\":\"dev/payments/jwt keys\",\"SecretString\":\"{\\\"keys\\\":[]}\"}");
        assertThat(source().fetch()).isEqualTo("{\"keys\":[]}");
        assertThat(requested.get()).isEqualTo("secretId=dev%2Fpayments%2Fjwt+keys");
    }

    @Test
    void anErrorStatusAMissingSecretStringOrAHugeAnswerFailsTheRead() {
        status.set(400);
        body.set("{\"message\":\"not found\"}");
        assertThatThrownBy(() -> source().fetch()).hasMessage("secrets extension answered 400");
        status.set(200);
        body.set("{\"Name\":\"x\",\"SecretBinary\":\"AAAA\"}");
        assertThatThrownBy(() -> source().fetch()).hasMessage("key set secret has no SecretString");
        body.set("{\"SecretString\":\"" + "x".repeat(ExtensionKeySource.MAX_RESPONSE_BYTES) + "\"}");
        assertThatThrownBy(() -> source().fetch()).hasMessageContaining("larger than");
    }
}
