package com.paymentmigration.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.network.Network;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All five functions run in the migration VPC's private subnets with the compute group and are actively traced,
 * and every AWS API each one calls has an interface endpoint there (their group lets traffic out only to the VPC).
 */
class FunctionsPlacementStackTest {

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void thereAreFiveFunctions() {
        assertThat(run.ofType(FUNCTION)).extracting(f -> f.name()).containsExactlyInAnyOrder("functions-rotation",
                "functions-authorizer", "functions-validator", "functions-trigger", "functions-replication-ops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotation", "authorizer", "validator", "trigger", "replication-ops"})
    void runsInThePrivateSubnetsAndIsTraced(String label) {
        var function = run.one(FUNCTION, "functions-" + label);
        assertThat(function.input("vpcConfig.subnetIds")).contains(List.of("migration-private-a", "migration-private-b",
                "migration-private-c"));
        assertThat(function.input("vpcConfig.securityGroupIds")).contains(List.of("migration-migration-compute-dev"));
        assertThat(function.stringInput("tracingConfig.mode")).isEqualTo("Active");

        var statements = statements(run.one("aws:iam/rolePolicy:RolePolicy", "functions-" + label + "-policy")
                .stringInput("policy"));
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.path("Sid").asText()).isEqualTo("SendTraces");
            assertThat(s.path("Action").toString()).contains("xray:PutTraceSegments", "xray:PutTelemetryRecords");
        });
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.path("Sid").asText()).isEqualTo("RunInTheVpc");
            assertThat(s.path("Action").toString()).contains("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface");
        });
    }

    /** What each function calls, from its handler and the extension it runs with. */
    @ParameterizedTest
    @ValueSource(strings = {"secretsmanager", "states", "kms", "logs", "xray"})
    void everyServiceTheFunctionsCallHasAnEndpointInTheirVpc(String service) {
        var endpoint = run.one("aws:ec2/vpcEndpoint:VpcEndpoint", "migration-" + service);
        assertThat(endpoint.inputs()).containsEntry("serviceName", "com.amazonaws.eu-central-1." + service)
                .containsEntry("privateDnsEnabled", true).containsEntry("vpcId", "migration-vpc");
        assertThat(Network.INTERFACE_ENDPOINTS.contains(service) || Network.FUNCTION_ENDPOINTS.contains(service)).isTrue();
    }

    @Test
    void theAuthorizerReadsItsKeySetThroughSecretsManagerNotFromTheInternet() {
        var authorizer = run.one(FUNCTION, "functions-authorizer");
        assertThat(authorizer.stringInput("environment.variables.KEY_SET_SECRET_ID"))
                .as("the compute group reaches only the VPC and S3: a JWKS URL on the internet would need an egress "
                        + "path of its own").isEqualTo("dev/payments/jwt-signing-keys");
        assertThat(authorizer.input("layers")).as("the extension serving the secret on localhost")
                .hasValueSatisfying(layers -> assertThat(layers.toString()).contains("Parameters-and-Secrets"));
    }

    @Test
    void theComputeGroupReachesTheEndpointsOverHttps() {
        assertThat(run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).anySatisfy(rule ->
                assertThat(rule.inputs()).containsEntry("securityGroupId", "migration-migration-compute-dev")
                        .containsEntry("cidrIpv4", "10.20.0.0/16").containsEntry("fromPort", 443L));
    }

    private static List<JsonNode> statements(String policy) {
        try {
            var list = new ArrayList<JsonNode>();
            JSON.readTree(policy).path("Statement").forEach(list::add);
            return list;
        } catch (java.io.IOException e) {
            throw new AssertionError("policy is not JSON: " + policy, e);
        }
    }
}
