package com.paymentmigration.lambda.authorizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void readsOneObjectWithExactNumbers() throws Exception {
        var object = Json.object("{\"a\":1,\"b\":4294967296,\"c\":18446744073709551616,\"d\":1.5,\"e\":[true,null,\"x\"],\"f\":{}}");
        assertThat(object).containsEntry("a", 1).containsEntry("b", 4294967296L)
                .containsEntry("c", BigInteger.ONE.shiftLeft(64)).containsEntry("d", 1.5)
                .containsEntry("e", java.util.Arrays.asList(true, null, "x")).containsEntry("f", Map.of());
    }

    @Test
    void refusesWhatIsNotExactlyOneObjectWithDistinctMembers() {
        for (var text : List.of("", "[]", "\"x\"", "{} {}", "{}x", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":",
                "{\"a\":[1,}", "[".repeat(2000), "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}")) {
            assertThatThrownBy(() -> Json.object(text)).as(text).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void writesOneAsciiLineAnyJsonParserReadsBack() throws Exception {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("text", "q\"\\\n\r\u2028\u2029\u0000\u00e9\ud83d\ude00");
        fields.put("number", 42L);
        fields.put("flag", true);
        fields.put("nothing", null);
        var line = Json.line(fields);
        assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        var back = new ObjectMapper().readValue(line, Map.class);
        assertThat(back).isEqualTo(new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(fields), Map.class));
    }
}
