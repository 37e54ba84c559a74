package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.jr.ob.JSON;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the key set secret through the AWS Parameters and Secrets Lambda extension, a local HTTP cache of Secrets
 * Manager: no AWS SDK in the jar, and repeated reads cost no API call.
 */
public final class ExtensionKeySource implements KeySource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    public ExtensionKeySource(String secretId, int port) {
        this.uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
    }

    @Override
    public String fetch() throws Exception {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                .header("X-Aws-Parameters-Secrets-Token", System.getenv("AWS_SESSION_TOKEN")).GET().build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("secrets extension answered " + response.statusCode());
        }
        var secretString = JSON.std.mapFrom(response.body()).get("SecretString");
        if (!(secretString instanceof String text)) {
            throw new IllegalStateException("key set secret has no SecretString");
        }
        return text;
    }
}
