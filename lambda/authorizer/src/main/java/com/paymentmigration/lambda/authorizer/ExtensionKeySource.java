package com.paymentmigration.lambda.authorizer;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the key set secret through the AWS Parameters and Secrets Lambda extension, a local HTTP cache of Secrets
 * Manager: no AWS SDK in the jar, and repeated reads cost no API call. {@link HttpURLConnection} rather than the JDK's
 * {@code HttpClient}: one plain request to localhost does not need the latter's executor and selector machinery,
 * whose class loading alone costs hundreds of milliseconds on a cold start.
 */
public final class ExtensionKeySource implements KeySource {

    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 3_000;
    /** A JWK set is a few kilobytes; anything far larger is not one. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;
    private final URL url;

    public ExtensionKeySource(String secretId, int port) {
        try {
            this.url = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                    + URLEncoder.encode(secretId, StandardCharsets.UTF_8)).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("secret id " + secretId + " gives no valid extension URL", e);
        }
    }

    @Override
    public String fetch() throws Exception {
        // The extension is on this host: no proxy, whatever the environment says (and no proxy lookup to load).
        var connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        try {
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            var token = System.getenv("AWS_SESSION_TOKEN");
            if (token != null) {
                connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
            }
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("secrets extension answered " + status);
            }
            String body;
            try (InputStream in = connection.getInputStream()) {
                var bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw new IOException("secrets extension answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (!(Json.object(body).get("SecretString") instanceof String text)) {
                throw new IllegalStateException("key set secret has no SecretString");
            }
            return text;
        } finally {
            connection.disconnect();
        }
    }
}
