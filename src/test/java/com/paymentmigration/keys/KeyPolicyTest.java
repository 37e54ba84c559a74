package com.paymentmigration.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.iam.PolicyChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPolicyTest {

    private final JsonNode policy = read(KeyPolicy.document("123456789012", "eu-central-2", List.of("/migration/dev/*", "dms-tasks-migration-replication-dev")));

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode statement(String sid) {
        for (var s : policy.path("Statement")) {
            if (s.path("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    @Test
    void isWellFormed() {
        assertThat(PolicyChecks.structure(policy)).isEmpty();
    }

    @Test
    void theAccountKeepsAdministrationSoIamCanGrantUse() {
        assertThat(statement("AccountAdministersKey").at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void logsMayEncryptOnlyThisStacksLogGroupsInTheKeysRegion() {
        var logs = statement("CloudWatchLogsEncryptsOurLogGroups");
        assertThat(logs.at("/Principal/Service").asText()).isEqualTo("logs.eu-central-2.amazonaws.com");
        assertThat(logs.at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:logs:eu-central-2:123456789012:log-group:/migration/dev/*",
                        "arn:aws:logs:eu-central-2:123456789012:log-group:dms-tasks-migration-replication-dev");
    }

    @Test
    void alarmsAndEventBridgeCanPublishToEncryptedTopicsWithoutSourceConditions() {
        var publish = statement("AlarmsAndEventsPublishToEncryptedTopics");
        assertThat(publish.at("/Principal/Service").toString()).isEqualTo("[\"cloudwatch.amazonaws.com\",\"events.amazonaws.com\"]");
        assertThat(publish.has("Condition")).isFalse();
        assertThat(PolicyChecks.allowedActions(policy)).contains("kms:GenerateDataKey*", "kms:Decrypt");
    }
}
