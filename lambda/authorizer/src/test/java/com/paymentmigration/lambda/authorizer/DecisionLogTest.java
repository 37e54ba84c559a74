package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metric filter {@code { $.decision = "deny" }} counts a deny only if its log line is one line of valid JSON. */
class DecisionLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens tokens = new TestTokens(Instant.now());
    private static final List<String> CRAFTED = List.of("RS256\"}\n{\"decision\":\"allow\"", "x\u2028y\u2029z", "a\r\nb",
            "nul\u0000", "back\\slash\\", "\"", "emoji \ud83d\ude00", "lone \ud800 surrogate", "tab\tand\u0085next line",
            "x".repeat(5000));

    @Test
    void everyDenyIsOneLineOfJsonSayingDenyWhateverTheHeaderOrPathHolds() throws Exception {
        var fixture = new AuthorizerFixture(tokens.keySet());
        var out = new ByteArrayOutputStream();
        var handler = new AuthorizerHandler(fixture.authorizer, new PrintStream(out, true, StandardCharsets.UTF_8));
        var payload = tokens.rs256(c -> c).split("\\.")[1];
        var reader = "Bearer " + tokens.rs256(c -> c.claim("scope", "payments:read"));
        var events = new ArrayList<Map<String, Object>>();
        for (var text : CRAFTED) {
            var header = JSON.writeValueAsString(Map.of("alg", text, "kid", "rsa-1"));
            var token = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                    + "." + payload + ".c2ln";
            events.add(TestTokens.requestEvent("Bearer " + token, TestTokens.METHOD_ARN));
            // A path the scopes do not open is quoted in the reason.
            events.add(TestTokens.requestEvent(reader, ApiGatewayModel.STAGE_ARN + "/GET/refunds/" + text.replace("\u0000", "")));
        }
        for (var event : events) {
            assertThatThrownBy(() -> handler.handleRequest(event)).hasMessage("Unauthorized");
        }
        var lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(events.size() + 1);
        assertThat(lines[events.size()]).isEmpty();
        for (int i = 0; i < events.size(); i++) {
            var line = lines[i];
            assertThat(line.chars()).as(line).allMatch(c -> c >= 0x20 && c < 0x7F);
            var fields = JSON.readTree(line);
            assertThat(fields.path("decision").asText()).as(line).isEqualTo("deny");
            assertThat(fields.path("reason").isTextual()).as(line).isTrue();
            assertThat(line.length()).as("attacker text is cut").isLessThan(LogLine.MAX_VALUE_LENGTH * 7);
        }
    }

    @Test
    void anAllowWritesNoDenyLine() {
        var fixture = new AuthorizerFixture(tokens.keySet());
        var out = new ByteArrayOutputStream();
        var handler = new AuthorizerHandler(fixture.authorizer, new PrintStream(out, true, StandardCharsets.UTF_8));
        var response = handler.handleRequest(TestTokens.requestEvent("Bearer " + tokens.rs256(c -> c), TestTokens.METHOD_ARN));
        assertThat(response).containsEntry("principalId", "client-7");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
