package com.paymentmigration.dns;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeightedNameTest {

    static final WeightedName.RecordSets SETS = new WeightedName.RecordSets("payments.dev.payments.internal",
            List.of("172.16.20.11", "172.16.20.12"), "hc-legacy", "internal-alb.elb.eu-central-1.amazonaws.com",
            "Z3F0SRJ5LGBH90", "hc-new");

    @Test
    void oneBatchUpsertsBothSetsUnderOneNameAndType() throws Exception {
        var batch = new ObjectMapper().readTree(WeightedName.changeBatch(SETS, "75", "25"));
        var changes = batch.get("Changes");
        assertThat(changes).hasSize(2).allSatisfy(change -> {
            assertThat(change.get("Action").asText()).isEqualTo("UPSERT");
            assertThat(change.at("/ResourceRecordSet/Name").asText()).isEqualTo("payments.dev.payments.internal");
            assertThat(change.at("/ResourceRecordSet/Type").asText()).isEqualTo("A");
        });
        var legacy = changes.get(0).get("ResourceRecordSet");
        assertThat(legacy.get("SetIdentifier").asText()).isEqualTo(WeightedName.LEGACY);
        assertThat(legacy.get("Weight").asInt()).isEqualTo(75);
        assertThat(legacy.get("TTL").asInt()).isEqualTo(WeightedName.TTL_SECONDS);
        assertThat(legacy.get("HealthCheckId").asText()).isEqualTo("hc-legacy");
        assertThat(legacy.get("ResourceRecords")).extracting(r -> r.get("Value").asText())
                .containsExactly("172.16.20.11", "172.16.20.12");
        var next = changes.get(1).get("ResourceRecordSet");
        assertThat(next.get("SetIdentifier").asText()).isEqualTo(WeightedName.NEW);
        assertThat(next.get("Weight").asInt()).isEqualTo(25);
        assertThat(next.has("TTL")).as("an alias takes its target's TTL; Route 53 refuses one").isFalse();
        assertThat(next.get("AliasTarget")).isEqualTo(new ObjectMapper().readTree("{\"HostedZoneId\":\"Z3F0SRJ5LGBH90\","
                + "\"DNSName\":\"internal-alb.elb.eu-central-1.amazonaws.com\",\"EvaluateTargetHealth\":true}"));
    }

    @Test
    void weightsMayBePlaceholdersForPrintf() {
        var batch = WeightedName.changeBatch(SETS, "%d", "%d");
        assertThat(batch).contains("\"Weight\":%d").doesNotContain("\"%d\"");
        assertThat(batch.split("%d", -1)).hasSize(3);
    }

    @Test
    void theInitialSplitSendsEverythingToLegacy() {
        assertThat(WeightedName.INITIAL_LEGACY_WEIGHT + WeightedName.INITIAL_NEW_WEIGHT).isEqualTo(100);
        assertThat(WeightedName.INITIAL_NEW_WEIGHT).isZero();
    }
}
