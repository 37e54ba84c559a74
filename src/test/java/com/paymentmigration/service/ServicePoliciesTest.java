package com.paymentmigration.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.iam.PolicyChecks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServicePoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPOSITORY = "arn:aws:ecr:eu-central-1:123456789012:repository/payments";
    private static final String LOG_GROUP = "arn:aws:logs:eu-central-1:123456789012:log-group:/migration/dev/payments-service";
    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dev/payments/service-db-AbCdEf";
    private static final String PARAMETERS = "arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/service";

    private static JsonNode execution() throws Exception {
        return JSON.readTree(ServicePolicies.executionRole(REPOSITORY, LOG_GROUP));
    }

    private static JsonNode task(String keyArn) throws Exception {
        return JSON.readTree(ServicePolicies.taskRole(SECRET, keyArn, List.of(PARAMETERS, PARAMETERS + "/*"),
                List.of("arn:aws:ssm:eu-central-1:123456789012:parameter/migration/dev/database/write-freeze")));
    }

    @Test
    void bothAreWellFormedAndScoped() throws Exception {
        for (var policy : List.of(execution(), task(""), task("arn:aws:kms:eu-central-1:123456789012:key/k"))) {
            assertThat(PolicyChecks.structure(policy)).isEmpty();
            assertThat(PolicyChecks.unscopedWildcards(policy)).isEmpty();
        }
    }

    @Test
    void theAgentPullsOneRepositoryAndWritesOneLogButReadsNoData() throws Exception {
        var actions = PolicyChecks.allowedActions(execution());
        assertThat(actions).containsExactlyInAnyOrder("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(execution().at("/Statement/0/Resource").asText()).isEqualTo(REPOSITORY);
        assertThat(execution().at("/Statement/2/Resource").asText()).isEqualTo(LOG_GROUP + ":*");
    }

    @Test
    void theApplicationReadsItsSecretAndParametersAndNothingElse() throws Exception {
        var actions = PolicyChecks.allowedActions(task(""));
        assertThat(actions).containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "ssm:GetParameter",
                "ssm:GetParameters", "ssm:GetParametersByPath");
        assertThat(actions).noneMatch(a -> a.startsWith("ecr:") || a.startsWith("logs:"));
        assertThat(task("").at("/Statement/0/Resource").asText()).isEqualTo(SECRET);
        assertThat(task("").at("/Statement/1/Resource")).extracting(JsonNode::asText)
                .containsExactly(PARAMETERS, PARAMETERS + "/*");
        assertThat(PolicyChecks.allowedActions(task("arn:aws:kms:eu-central-1:123456789012:key/k")))
                .as("a customer-managed secret key is decrypted, the AWS-managed one needs no grant")
                .contains("kms:Decrypt");
    }

    @Test
    void aRepositoryUriNamesItsArn() {
        assertThat(ServicePolicies.repositoryArn("123456789012.dkr.ecr.eu-central-1.amazonaws.com/team/payments"))
                .isEqualTo("arn:aws:ecr:eu-central-1:123456789012:repository/team/payments");
    }
}
