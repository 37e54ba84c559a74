package com.paymentmigration.lambda.validator.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every column gets a rule, and the README's "equal means" table is exactly the rules the code applies. */
class ValueRuleTest {

    private static Column column(String baseType, char kind, char category) {
        return new Column("c", "d", category == 'S', "", true, baseType, kind, category, false);
    }

    @Test
    void everyTypeGetsARule() {
        assertThat(ValueRule.of(column("numeric", 'b', 'N'))).isEqualTo(ValueRule.NUMERIC);
        assertThat(ValueRule.of(column("money", 'b', 'N'))).isEqualTo(ValueRule.NUMERIC);
        assertThat(ValueRule.of(column("timestamp with time zone", 'b', 'D'))).isEqualTo(ValueRule.INSTANT);
        assertThat(ValueRule.of(column("integer[]", 'b', 'A'))).isEqualTo(ValueRule.ARRAY);
        assertThat(ValueRule.of(column("mood", 'e', 'E'))).isEqualTo(ValueRule.ENUM);
        assertThat(ValueRule.of(column("citext", 'b', 'S'))).isEqualTo(ValueRule.TEXT);
        assertThat(ValueRule.of(column("xml", 'b', 'U'))).isEqualTo(ValueRule.TEXT_OUTPUT);
        assertThat(ValueRule.of(column("int4range", 'r', 'R'))).isEqualTo(ValueRule.TEXT_OUTPUT);
    }

    @Test
    void theReadmeTableIsTheRules() throws Exception {
        var readme = Files.readString(Path.of("../../README.md"));
        for (var rule : ValueRule.values()) {
            assertThat(readme).contains("| `" + rule.key() + "` | " + rule.types() + " | " + rule.meaning() + " | "
                    + rule.hashing() + " |");
        }
    }
}
