package com.paymentmigration.lambda.validator.changes;

import com.paymentmigration.lambda.validator.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.paymentmigration.lambda.validator.changes.DecodedChange.Action.DELETE;
import static com.paymentmigration.lambda.validator.changes.DecodedChange.Action.INSERT;
import static com.paymentmigration.lambda.validator.changes.DecodedChange.Action.TRUNCATE;
import static com.paymentmigration.lambda.validator.changes.DecodedChange.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** test_decoding's documented output, line by line (the real plugin's output is read in ChangeTrackingTest). */
class DecodedChangeTest {

    @Test
    void quotedValuesNullsBooleansBitsAndArrayTypes() {
        var change = parse("table public.payments: INSERT: id[bigint]:7 note[text]:'it''s ''quoted'' [x]: y' "
                + "paid[boolean]:true flags[bit varying]:B'0101' tags[text[]]:'{a,\"b c\"}' gone[text]:null "
                + "amount[numeric]:-12.50 ratio[double precision]:NaN");
        assertThat(change.action()).isEqualTo(INSERT);
        assertThat(change.tables()).containsExactly(new TableName("public", "payments"));
        assertThat(texts(change.newTuple())).containsExactly(
                Map.entry("id", "7"), Map.entry("note", "it's 'quoted' [x]: y"), Map.entry("paid", "true"),
                Map.entry("flags", "0101"), Map.entry("tags", "{a,\"b c\"}"), Map.entry("gone", "<NULL>"),
                Map.entry("amount", "-12.50"), Map.entry("ratio", "NaN"));
        assertThat(change.oldTuple()).isNull();
    }

    @Test
    void quotedIdentifiersAndTypesHoldingAnyCharacter() {
        var change = parse("table \"Pay \"\"Ments\".\"Order.Lines\": UPDATE: \"Key Part\"[\"My]Type\"]:'a b' "
                + "n[integer[][]]:'{{1}}'");
        assertThat(change.tables()).containsExactly(new TableName("Pay \"Ments", "Order.Lines"));
        assertThat(texts(change.newTuple())).containsExactly(Map.entry("Key Part", "a b"), Map.entry("n", "{{1}}"));
    }

    @Test
    void anUpdateOfTheKeyCarriesTheOldKeyAndToastedValuesMayBeLeftOut() {
        var change = parse("table s.t: UPDATE: old-key: a[integer]:1 b[text]:'x' new-tuple: a[integer]:2 b[text]:'x' "
                + "body[text]:unchanged-toast-datum");
        assertThat(change.action()).isEqualTo(UPDATE);
        assertThat(texts(change.oldTuple())).containsExactly(Map.entry("a", "1"), Map.entry("b", "x"));
        assertThat(change.newTuple().get("body").unchangedToast()).isTrue();
        assertThat(change.newTuple().get("body").text()).isNull();
    }

    @Test
    void deletesCarryTheOldKeyOrNothingAndTruncatesNameEveryTable() {
        assertThat(texts(parse("table s.t: DELETE: a[integer]:1 b[text]:'new-tuple: x'").oldTuple()))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "new-tuple: x"));
        var bare = parse("table s.t: DELETE: (no-tuple-data)");
        assertThat(bare.action()).isEqualTo(DELETE);
        assertThat(bare.oldTuple()).isNull();
        var truncate = parse("table s.a, \"S\".\"B\": TRUNCATE: restart_seqs cascade");
        assertThat(truncate.action()).isEqualTo(TRUNCATE);
        assertThat(truncate.tables()).containsExactly(new TableName("s", "a"), new TableName("S", "B"));
    }

    @Test
    void linesThatChangeNoRowAreSkippedAndBrokenOnesRefused() {
        assertThat(DecodedChange.parse("BEGIN")).isEmpty();
        assertThat(DecodedChange.parse("message: transactional: 1 prefix: p, sz: 1 content:x")).isEmpty();
        assertThatThrownBy(() -> parse("table s.t: INSERT: a[integer]:'open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("table s.t: MERGE: a[integer]:1")).hasMessageContaining("unknown action 'MERGE'");
        assertThatThrownBy(() -> parse("table s.t: INSERT: a[integer:1")).hasMessageContaining("type is not closed");
    }

    @Test
    void changedKeysMapEachChangeToItsKeysOrItsTableToAFullCheck() {
        var t = new TableName("s", "t");
        var other = new TableName("s", "u");
        var partition = new TableName("s", "t_2026");
        var keys = new ChangedKeys(Map.of(t, List.of("a", "b"), other, List.of("id")),
                Map.of(t, List.of(t), partition, List.of(t), other, List.of(other)), 3);
        keys.add("BEGIN");
        keys.add("table s.t_2026: INSERT: a[integer]:1 b[text]:'x' v[text]:null");
        keys.add("table s.t: UPDATE: old-key: a[integer]:1 b[text]:'x' new-tuple: a[integer]:2 b[text]:'x' v[text]:'y'");
        keys.add("table s.t: DELETE: a[integer]:2 b[text]:'x'");
        keys.add("table s.not_tracked: TRUNCATE: (no-flags)");
        keys.add("table s.u: DELETE: (no-tuple-data)");
        assertThat(keys.keys(t)).containsExactlyInAnyOrder(List.of("1", "x"), List.of("2", "x"));
        assertThat(keys.inFull()).containsOnlyKeys(other);
        keys.add("table s.t: INSERT: a[integer]:3 b[text]:unchanged-toast-datum v[text]:null");
        assertThat(keys.inFull()).containsEntry(t, "an INSERT of s.t does not carry key column b (TOASTed, unchanged)");
        var capped = new ChangedKeys(Map.of(t, List.of("a")), Map.of(t, List.of(t)), 2);
        for (int i = 0; i < 3; i++) {
            capped.add("table s.t: INSERT: a[integer]:" + i);
        }
        assertThat(capped.inFull()).containsEntry(t, "more than 2 rows changed");
        var unreadable = new ChangedKeys(Map.of(t, List.of("a")), Map.of(t, List.of(t)), 2);
        unreadable.add("table s.t: INSERT: a[integer]:'open");
        assertThat(unreadable.inFull()).containsKey(t);
    }

    private static DecodedChange parse(String line) {
        return DecodedChange.parse(line).orElseThrow();
    }

    private static List<Map.Entry<String, String>> texts(Map<String, DecodedChange.Datum> tuple) {
        return tuple.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().text() == null ? "<NULL>"
                : e.getValue().text())).toList();
    }
}
