package com.paymentmigration.rehearsal.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.rehearsal.iam.IdentityPolicies.Decision.ALLOW;
import static com.paymentmigration.rehearsal.iam.IdentityPolicies.Decision.EXPLICIT_DENY;
import static com.paymentmigration.rehearsal.iam.IdentityPolicies.Decision.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAM = "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/phase";

    private static IdentityPolicies policies(String... statements) throws Exception {
        return IdentityPolicies.of(List.of(JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":["
                + String.join(",", statements) + "]}")));
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    @Test
    void nothingIsAllowedUnlessAStatementAllowsIt() throws Exception {
        assertThat(policies(allow("ssm:GetParameter", PARAM)).evaluate("ssm:PutParameter", PARAM)).isEqualTo(IMPLICIT_DENY);
        assertThat(policies(allow("ssm:GetParameter", PARAM)).evaluate("ssm:GetParameter", PARAM + "-other"))
                .isEqualTo(IMPLICIT_DENY);
        assertThat(policies(allow("ssm:GetParameter", PARAM)).evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
    }

    @Test
    void actionsMatchCaseInsensitivelyWithWildcards() throws Exception {
        assertThat(policies(allow("SSM:getparameter", PARAM)).evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
        assertThat(policies(allow("ssm:Get*", PARAM)).evaluate("ssm:GetParameters", PARAM)).isEqualTo(ALLOW);
        assertThat(policies(allow("ssm:?etParameter", PARAM)).evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
        assertThat(policies(allow("ssm:Get?", PARAM)).evaluate("ssm:GetParameter", PARAM)).isEqualTo(IMPLICIT_DENY);
        assertThat(policies(allow("*", "*")).evaluate("states:StartExecution", "arn:aws:states:x")).isEqualTo(ALLOW);
    }

    @Test
    void resourcesMatchCaseSensitivelySegmentBySegment() throws Exception {
        var objects = policies(allow("s3:PutObject", "arn:aws:s3:::bucket/checkpoints/*"));
        assertThat(objects.evaluate("s3:PutObject", "arn:aws:s3:::bucket/checkpoints/run/1.json")).isEqualTo(ALLOW);
        assertThat(objects.evaluate("s3:PutObject", "arn:aws:s3:::bucket/Checkpoints/1.json")).isEqualTo(IMPLICIT_DENY);
        assertThat(objects.evaluate("s3:PutObject", "arn:aws:s3:::bucket/rollbacks/1.json")).isEqualTo(IMPLICIT_DENY);
        var anyRegion = policies(allow("ssm:GetParameter", "arn:aws:ssm:*:123456789012:parameter/migration/*"));
        assertThat(anyRegion.evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
        assertThat(anyRegion.evaluate("ssm:GetParameter", PARAM.replace("123456789012", "999999999999")))
                .isEqualTo(IMPLICIT_DENY);
        // A wildcard within a segment stays in it: a pattern that lost its account segment matches nothing.
        assertThat(IdentityPolicies.arnMatches("arn:aws:ssm:eu-*:parameter/x", "arn:aws:ssm:eu-central-1:1:parameter/x"))
                .isFalse();
        assertThat(IdentityPolicies.arnMatches("arn:aws:ssm:eu-*:1:parameter/*", "arn:aws:ssm:eu-central-1:1:parameter/x"))
                .isTrue();
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() throws Exception {
        var policies = policies(allow("ssm:*", "*"),
                "{\"Effect\":\"Deny\",\"Action\":\"ssm:PutParameter\",\"Resource\":\"" + PARAM + "\"}");
        assertThat(policies.evaluate("ssm:PutParameter", PARAM)).isEqualTo(EXPLICIT_DENY);
        assertThat(policies.evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
    }

    @Test
    void notActionAndNotResourceMatchEverythingElse() throws Exception {
        var policies = policies("{\"Effect\":\"Allow\",\"NotAction\":\"ssm:PutParameter\",\"NotResource\":\"" + PARAM + "\"}");
        assertThat(policies.evaluate("ssm:GetParameter", PARAM + "x")).isEqualTo(ALLOW);
        assertThat(policies.evaluate("ssm:PutParameter", PARAM + "x")).isEqualTo(IMPLICIT_DENY);
        assertThat(policies.evaluate("ssm:GetParameter", PARAM)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void listsOfActionsAndResourcesMatchAnyMember() throws Exception {
        var policies = policies("{\"Effect\":\"Allow\",\"Action\":[\"sns:Publish\",\"ssm:GetParameter\"],"
                + "\"Resource\":[\"arn:aws:sns:eu-central-1:1:a\",\"" + PARAM + "\"]}");
        assertThat(policies.evaluate("ssm:GetParameter", PARAM)).isEqualTo(ALLOW);
        assertThat(policies.evaluate("sns:Publish", "arn:aws:sns:eu-central-1:1:a")).isEqualTo(ALLOW);
    }

    @Test
    void whatIsNotModelledIsRefusedNamingTheStatement() {
        assertThatThrownBy(() -> policies("{\"Sid\":\"Cond\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"))
                .hasMessageContaining("'Cond'").hasMessageContaining("condition");
        assertThatThrownBy(() -> policies("{\"Sid\":\"Both\",\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"NotAction\":\"s3:Get*\",\"Resource\":\"*\"}")).hasMessageContaining("'Both'");
        assertThatThrownBy(() -> policies("{\"Sid\":\"Odd\",\"Effect\":\"Permit\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
                .hasMessageContaining("Permit");
    }

    @Test
    void aSingleStatementObjectIsAccepted() throws Exception {
        JsonNode document = JSON.readTree("{\"Statement\":" + allow("sns:Publish", "*") + "}");
        assertThat(IdentityPolicies.of(List.of(document)).evaluate("sns:Publish", "arn:aws:sns:x:1:t")).isEqualTo(ALLOW);
    }
}
