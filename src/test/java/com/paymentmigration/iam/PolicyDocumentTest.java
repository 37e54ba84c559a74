package com.paymentmigration.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rendersTheShapeIamReturns() throws Exception {
        var json = PolicyDocument.of(
                Statement.allow("One").actions("s3:GetObject").resources("arn:aws:s3:::b/*"),
                Statement.allow("Two").service("logs.eu-central-1.amazonaws.com").actions("kms:Decrypt", "kms:Encrypt")
                        .resources("*").condition("StringEquals", "aws:SourceAccount", "123456789012"),
                Statement.deny("Three").anyone().actions("s3:*").resources("a", "b")
                        .condition("Bool", "aws:SecureTransport", "false")).toJson();
        var doc = JSON.readTree(json);
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(doc.path("Statement").get(0).path("Action").asText()).isEqualTo("s3:GetObject");
        assertThat(doc.path("Statement").get(1).path("Principal").path("Service").asText())
                .isEqualTo("logs.eu-central-1.amazonaws.com");
        assertThat(doc.path("Statement").get(1).path("Action").isArray()).isTrue();
        assertThat(doc.path("Statement").get(1).at("/Condition/StringEquals/aws:SourceAccount").asText())
                .isEqualTo("123456789012");
        assertThat(doc.path("Statement").get(2).path("Principal").asText()).isEqualTo("*");
        assertThat(PolicyChecks.structure(doc)).isEmpty();
    }

    @Test
    void trustPolicyIsPinnedToTheAccount() throws Exception {
        var doc = JSON.readTree(PolicyDocument.trust("states.amazonaws.com", "123456789012").toJson());
        var statement = doc.path("Statement").get(0);
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("states.amazonaws.com");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
    }

    @Test
    void structureChecksCatchWhatIamRejects() throws Exception {
        var bad = JSON.readTree("""
                {"Version":"2008-10-17","Statement":[
                  {"Sid":"A","Effect":"Permit","Action":"s3 GetObject","Resource":"*"},
                  {"Sid":"A","Effect":"Allow","Action":[]}
                ]}""");
        assertThat(PolicyChecks.structure(bad)).containsExactlyInAnyOrder(
                "Version must be 2012-10-17", "A: Effect must be Allow or Deny", "A: action 's3 GetObject' is not service:Action",
                "Sid A is used twice", "A: no Action", "A: needs a Resource (identity policy) or a Principal (resource policy)");
    }

    @Test
    void wildcardResourcesAreAllowedOnlyForUnscopableActions() throws Exception {
        var doc = JSON.readTree(PolicyDocument.of(
                Statement.allow("Metrics").actions("cloudwatch:PutMetricData").resources("*"),
                Statement.allow("Broad").actions("s3:GetObject", "xray:PutTraceSegments").resources("*"),
                Statement.deny("DenyAll").actions("s3:DeleteObject").resources("*")).toJson());
        assertThat(PolicyChecks.unscopedWildcards(doc)).containsExactly(
                "Broad: s3:GetObject on Resource \"*\"; scope it to the resource it needs");
        assertThat(PolicyChecks.allowedActions(doc)).containsExactly("cloudwatch:PutMetricData", "s3:GetObject",
                "xray:PutTraceSegments");
    }
}
