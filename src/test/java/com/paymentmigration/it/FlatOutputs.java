package com.paymentmigration.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployed stack's outputs, as {@code scripts/write-flat-outputs.sh} writes them after {@code pulumi up}.
 * Without the file every integration test is skipped, with the reason in the test report.
 */
final class FlatOutputs {

    private static final Path FILE = Path.of(System.getenv().getOrDefault("FLAT_OUTPUTS", "cfn-outputs/flat-outputs.json"));

    private final JsonNode outputs;

    private FlatOutputs(JsonNode outputs) {
        this.outputs = outputs;
    }

    private static final String ABSENT = FILE + " is absent: deploy a stack with `pulumi up`, then run "
            + "scripts/write-flat-outputs.sh <stack> to test against it";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    static FlatOutputs loadOrSkip() {
        if (!Files.isRegularFile(FILE) && !TOLD.getAndSet(true)) {
            System.err.println("SKIPPING integration tests: " + ABSENT);
        }
        assumeTrue(Files.isRegularFile(FILE), ABSENT);
        try {
            return new FlatOutputs(new ObjectMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " is not valid JSON; rewrite it with scripts/write-flat-outputs.sh", e);
        }
    }

    /** An output the stack exports only with some config (the service, the weighted name). */
    java.util.Optional<com.fasterxml.jackson.databind.JsonNode> optional(String key) {
        var value = outputs.path(key);
        return value.isMissingNode() || value.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    String require(String key) {
        var value = outputs.path(key);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new AssertionError(FILE + " has no output '" + key + "'; outputs present: " + outputs.properties()
                    .stream().map(java.util.Map.Entry::getKey).toList());
        }
        return value.asText();
    }
}
