package com.paymentmigration.lambda.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.PartitionValidator;
import com.paymentmigration.lambda.validator.report.Json;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static com.paymentmigration.lambda.validator.TwoDatabases.both;
import static com.paymentmigration.lambda.validator.TwoDatabases.table;
import static com.paymentmigration.lambda.validator.TwoDatabases.target;
import static org.assertj.core.api.Assertions.assertThat;

/** An invocation stops before its deadline and the next one continues from the last finished chunk. */
class ResumeTest {

    private final TwoDatabases.Harness harness = new TwoDatabases.Harness();

    private JsonNode event(String name) throws Exception {
        return Json.MAPPER.readTree("{\"action\": \"validate\", \"table\": \"" + name + "\", \"partition\": 0, "
                + "\"options\": {\"rowsPerChunk\": 1000, \"leafRows\": 100}, \"reportKey\": \"runs/r1/" + name + ".json\"}");
    }

    @Test
    void aStoppedRunResumesFromItsLastChunkAndFindsWhatAnUninterruptedRunFinds() throws Exception {
        var name = table("resumable");
        both("CREATE TABLE " + name + " (id int PRIMARY KEY, v int)",
                "INSERT INTO " + name + " SELECT g, g FROM generate_series(1, 5000) g");
        target("UPDATE " + name + " SET v = 0 WHERE id IN (10, 2500, 4990)");
        // Enough time for two chunks, then the clock is short: the run must stop between chunks.
        var calls = new AtomicInteger();
        PartitionValidator.Deadline shortLived = () -> calls.incrementAndGet() <= 1 ? Long.MAX_VALUE : 1;

        var first = harness.validator.handle(event(name), shortLived);
        assertThat(first.get("complete").asBoolean()).isFalse();
        assertThat(first.get("status").asText()).isEqualTo("IN_PROGRESS");
        var stored = Json.read(harness.store.read("runs/r1/" + name + ".json").orElseThrow(), PartitionReport.class, "progress");
        assertThat(stored.chunksDone()).isEqualTo(2);
        assertThat(stored.chunks()).hasSize(5);
        assertThat(stored.pending()).extracting(d -> d.key().get(0)).containsExactly("10");

        var second = harness.validator.handle(event(name), PartitionValidator.Deadline.NONE);
        assertThat(second.get("complete").asBoolean()).isTrue();
        assertThat(second.get("sourceRows").asLong()).isEqualTo(5000);
        assertThat(second.get("mismatches").asLong()).isEqualTo(3);

        // A retry of a finished partition reads its report instead of checking again.
        int writes = harness.store.writes.size();
        assertThat(harness.validator.handle(event(name), PartitionValidator.Deadline.NONE)).isEqualTo(second);
        assertThat(harness.store.writes).hasSize(writes);
    }
}
