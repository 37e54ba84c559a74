package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.schema.Column;
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
    void smallTablesReadEveryKeyAndLargeOnesSampleOneKeyPerPage() {
        assertThat(KeySampler.sampling(-1, 0, 1000)).isEqualTo(KeySampler.Sampling.EVERY_KEY);
        assertThat(KeySampler.sampling(50_000, 900, 1000)).isEqualTo(KeySampler.Sampling.EVERY_KEY);
        // 5,000,000 rows on 90,909 pages (55 a page): a key per 1,000 rows is a page in 18.2.
        var sampling = KeySampler.sampling(5_000_000, 90_909, 1000);
        assertThat(sampling.onePerPage()).isTrue();
        assertThat(sampling.percent()).isCloseTo(5.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(sampling.rowsPerKey()).isCloseTo(1000, org.assertj.core.data.Offset.offset(0.01));
        // Wanting a key per 10 rows of a 55-rows-a-page table means reading every key.
        assertThat(KeySampler.sampling(5_000_000, 90_909, 10)).isEqualTo(KeySampler.Sampling.EVERY_KEY);
    }

    @Test
    void chunksAreContiguousAndTheirLeavesLieInside() {
        var range = new KeyRange(List.of("0"), null);
        // Each sampled key stands for 50 rows, so a 1,000-row leaf is every 20th key.
        var chunks = KeySampler.chunks(keys(10_000), range, 50, 100_000, 1_000);
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
        var chunks = KeySampler.chunks(List.of(), KeyRange.ALL, 1, 1000, 10);
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
        var id = Column.plain("id", "bigint", false, "");
        var merchant = Column.plain("merchant", "text", true, "default");
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
