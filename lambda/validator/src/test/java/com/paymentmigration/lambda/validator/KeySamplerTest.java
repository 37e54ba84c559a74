package com.paymentmigration.lambda.validator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting sampled keys into chunks, leaves and partitions: contiguous, ordered, nothing lost, nothing twice. */
class KeySamplerTest {

    private static List<List<String>> keys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> List.of(Integer.toString(i))).toList();
    }

    @Test
    void smallTablesReadEveryKeyAndLargeOnesSample() {
        assertThat(KeySampler.percent(-1, 1000)).isEqualTo(100);
        assertThat(KeySampler.percent(50_000, 1000)).isEqualTo(100);
        assertThat(KeySampler.percent(5_000_000, 1000)).isEqualTo(2.0);
        assertThat(KeySampler.percent(5_000_000, 10)).isEqualTo(100);
        assertThat(KeySampler.percent(5_000_000, 100_000)).isEqualTo(0.02);
    }

    @Test
    void chunksAreContiguousAndTheirLeavesLieInside() {
        var range = new KeyRange(List.of("0"), null);
        // Every key sampled at 2%: a sampled key stands for 50 rows, so a 1,000-row leaf is every 20th key.
        var chunks = KeySampler.chunks(keys(10_000), range, 2.0, 100_000, 1_000);
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).range().lower()).isEqualTo(List.of("0"));
        assertThat(chunks.get(4).range().upper()).isNull();
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).range().lower()).isEqualTo(chunks.get(i - 1).range().upper());
        }
        var first = chunks.get(0);
        assertThat(first.range().upper()).isEqualTo(List.of("2001"));
        assertThat(first.thresholds()).hasSize(99).startsWith(List.of("21")).endsWith(List.of("1981"));
        assertThat(first.leaf(0)).isEqualTo(new KeyRange(List.of("0"), List.of("21")));
        assertThat(first.leaf(99)).isEqualTo(new KeyRange(List.of("1981"), List.of("2001")));
    }

    @Test
    void anEmptySampleIsOneChunkOverTheWholeRange() {
        var chunks = KeySampler.chunks(List.of(), KeyRange.ALL, 100, 1000, 10);
        assertThat(chunks).containsExactly(new Chunk(KeyRange.ALL, List.of()));
        assertThat(chunks.get(0).leaf(0)).isEqualTo(KeyRange.ALL);
    }

    @Test
    void partitionsSplitTheKeysEvenlyAndCoverEverything() {
        var partitions = KeySampler.partitions(keys(1000), 4);
        assertThat(partitions).extracting(KeyRange::lower).containsExactly(null, List.of("251"), List.of("501"), List.of("751"));
        assertThat(partitions).extracting(KeyRange::upper).containsExactly(List.of("251"), List.of("501"), List.of("751"), null);
        assertThat(KeySampler.partitions(keys(2), 8)).hasSize(2);
        assertThat(KeySampler.partitions(List.of(), 8)).containsExactly(KeyRange.ALL);
    }

    @Test
    void keySqlAddressesSingleAndCompositeKeys() {
        var id = new Column("id", "bigint", false, "", true);
        var merchant = new Column("merchant", "text", true, "default", true);
        var single = new KeySql(List.of(id), false);
        assertThat(single.where(new KeyRange(List.of("1"), List.of("9")))).isEqualTo("\"id\" >= ?::bigint AND \"id\" < ?::bigint");
        assertThat(single.bucket(3)).isEqualTo("width_bucket(\"id\", ?::text[]::bigint[])");
        var composite = new KeySql(List.of(merchant, id), true);
        assertThat(composite.expression()).isEqualTo("ROW(\"merchant\" COLLATE \"C\", \"id\")");
        assertThat(composite.where(new KeyRange(null, List.of("m", "1"))))
                .isEqualTo("ROW(\"merchant\" COLLATE \"C\", \"id\") < ROW(?::text COLLATE \"C\", ?::bigint)");
        assertThat(composite.in(2)).contains("IN (ROW(").contains("), ROW(");
        assertThat(new ArrayList<>(List.of(composite.texts()))).containsExactly(
                "\"merchant\"::text AS key_text_1, \"id\"::text AS key_text_2");
    }
}
