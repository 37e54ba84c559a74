package com.paymentmigration.it;

import com.paymentmigration.StackOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a deployed stack through its outputs. Runs with `mvn verify` when cfn-outputs/flat-outputs.json exists. */
class DeployedStackIT {

    private FlatOutputs outputs;

    /** Per test, not per class: each test then shows as skipped, with the reason, in the report. */
    @BeforeEach
    void load() {
        outputs = FlatOutputs.loadOrSkip();
    }

    @Test
    void exportsTheThreeRequiredOutputs() {
        assertThat(outputs.require(StackOutputs.MIGRATION_STATE_MACHINE_ARN)).startsWith("arn:aws:states:");
        assertThat(URI.create(outputs.require(StackOutputs.API_ENDPOINT)).getScheme()).isEqualTo("https");
        assertThat(outputs.require(StackOutputs.DASHBOARD_URL)).contains("#dashboards:name=");
    }

    @Test
    void migrationStateMachineIsActive() {
        var arn = outputs.require(StackOutputs.MIGRATION_STATE_MACHINE_ARN);
        try (var sfn = SfnClient.builder().region(Region.of(arn.split(":")[3])).build()) {
            assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).status()).isEqualTo(StateMachineStatus.ACTIVE);
        }
    }

    @Test
    void dashboardExists() {
        var url = outputs.require(StackOutputs.DASHBOARD_URL);
        var region = url.replaceAll(".*[?&]region=([a-z0-9-]+).*", "$1");
        var name = url.substring(url.indexOf("#dashboards:name=") + "#dashboards:name=".length());
        try (var cloudWatch = CloudWatchClient.builder().region(Region.of(region)).build()) {
            assertThat(cloudWatch.getDashboard(b -> b.dashboardName(name)).dashboardBody()).contains("widgets");
        }
    }

    @Test
    void theRunbookNamesTheDeployedMachines() {
        var runbook = outputs.optional(StackOutputs.RUNBOOK).orElseThrow(() -> new AssertionError("no runbook output"));
        assertThat(runbook.path("01-start-migration").asText()).contains(outputs.require(StackOutputs.MIGRATION_STATE_MACHINE_ARN));
        assertThat(runbook.toString()).contains(outputs.require(StackOutputs.ROLLBACK_STATE_MACHINE_ARN));
    }

    @Test
    void thePaymentServiceRunsItsDesiredTasksWhenTheStackRunsIt() {
        var cluster = outputs.optional(StackOutputs.SERVICE_CLUSTER_NAME);
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster.isPresent(), "the stack does not run the payment service");
        var region = outputs.require(StackOutputs.MIGRATION_STATE_MACHINE_ARN).split(":")[3];
        try (var ecs = EcsClient.builder().region(Region.of(region)).build()) {
            var service = ecs.describeServices(b -> b.cluster(cluster.get().asText())
                    .services(outputs.require(StackOutputs.SERVICE_NAME))).services().get(0);
            assertThat(service.status()).isEqualTo("ACTIVE");
            assertThat(service.runningCount()).isEqualTo(service.desiredCount()).isPositive();
            assertThat(service.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString()).isEqualTo("DISABLED");
        }
    }
}
