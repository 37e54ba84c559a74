package com.paymentmigration.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.iam.PolicyChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketPoliciesTest {

    private static final String SOURCE = "arn:aws:s3:::migration-transaction-logs-dev-123456789012";
    private static final String DESTINATION = "arn:aws:s3:::migration-transaction-logs-replica-dev-123456789012";

    static JsonNode read(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void everyBucketRefusesPlainHttp() throws Exception {
        var deny = read(BucketPolicies.tlsOnly(SOURCE)).path("Statement").get(0);
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Principal").asText()).isEqualTo("*");
        assertThat(deny.path("Resource").toString()).contains(SOURCE + "\"", SOURCE + "/*");
        assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void theLogBucketAdmitsOnlyS3LogDeliveryFromOurAccount() throws Exception {
        var policy = read(BucketPolicies.accessLogs("arn:aws:s3:::logs", "123456789012"));
        assertThat(PolicyChecks.structure(policy)).isEmpty();
        var allow = policy.path("Statement").get(1);
        assertThat(allow.at("/Principal/Service").asText()).isEqualTo("logging.s3.amazonaws.com");
        assertThat(allow.path("Action").asText()).isEqualTo("s3:PutObject");
        assertThat(allow.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
    }

    @Test
    void replicationRoleOnlyReadsTheSourceAndWritesTheDestination() throws Exception {
        var policy = read(BucketPolicies.replication(SOURCE, DESTINATION, "arn:kms:primary", "eu-central-1",
                "arn:kms:secondary", "eu-central-2"));
        assertThat(PolicyChecks.structure(policy)).isEmpty();
        assertThat(PolicyChecks.unscopedWildcards(policy)).isEmpty();
        for (var statement : policy.path("Statement")) {
            var resources = list(statement.path("Resource"));
            for (var action : list(statement.path("Action"))) {
                if (action.startsWith("s3:Get") || action.equals("s3:ListBucket")) {
                    assertThat(resources).as(action).allMatch(r -> r.startsWith(SOURCE) && !r.startsWith(DESTINATION));
                } else if (action.startsWith("s3:Replicate")) {
                    assertThat(resources).as(action).containsExactly(DESTINATION + "/*");
                } else if (action.equals("kms:Decrypt")) {
                    assertThat(resources).containsExactly("arn:kms:primary");
                    assertThat(statement.at("/Condition/StringEquals/kms:ViaService").asText()).isEqualTo("s3.eu-central-1.amazonaws.com");
                } else {
                    assertThat(action).isIn("kms:Encrypt", "kms:GenerateDataKey");
                    assertThat(resources).containsExactly("arn:kms:secondary");
                    assertThat(statement.at("/Condition/StringEquals/kms:ViaService").asText()).isEqualTo("s3.eu-central-2.amazonaws.com");
                }
            }
        }
    }

    private static List<String> list(JsonNode node) {
        var values = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
