package com.paymentmigration.replication;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.secrets.DatabaseSecrets;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** DMS built alone (with the keys, VPC and parameters it needs): each endpoint logs in with the secret of its side. */
class ReplicationComponentTest {

    private static final String ENDPOINT = "aws:dms/endpoint:Endpoint";

    private final StackRun run = ComponentFixture.run(stack -> {
        var keys = new EncryptionKeys("keys", stack);
        new Replication("replication", stack, keys, ComponentFixture.network(stack, VpcRole.MIGRATION, keys),
                new DatabaseSecrets(secret("given-onprem", ""), secret("given-aurora", "")),
                new Parameters("parameters", stack, keys));
    });

    @Test
    void theOnPremEndpointsUseTheOnPremSecretAndTheAuroraEndpointsAurorasOwn() {
        for (var onPrem : new String[] {"replication-onprem-source", "replication-onprem-target"}) {
            assertThat(run.one(ENDPOINT, onPrem).stringInput("secretsManagerArn")).as(onPrem).contains("given-onprem");
        }
        for (var aurora : new String[] {"replication-aurora-source", "replication-aurora-target"}) {
            assertThat(run.one(ENDPOINT, aurora).stringInput("secretsManagerArn")).as(aurora).contains("given-aurora");
        }
    }

    @Test
    void theForwardTaskReadsOnPremAndTheReverseTaskReadsAurora() {
        var endpoints = run.ofType(ENDPOINT);
        var forward = run.one("aws:dms/replicationTask:ReplicationTask", "replication-forward");
        var reverse = run.one("aws:dms/replicationTask:ReplicationTask", "replication-reverse");

        assertThat(endpointName(endpoints, forward.stringInput("sourceEndpointArn"))).isEqualTo("replication-onprem-source");
        assertThat(endpointName(endpoints, forward.stringInput("targetEndpointArn"))).isEqualTo("replication-aurora-target");
        assertThat(endpointName(endpoints, reverse.stringInput("sourceEndpointArn"))).isEqualTo("replication-aurora-source");
        assertThat(endpointName(endpoints, reverse.stringInput("targetEndpointArn"))).isEqualTo("replication-onprem-target");
        assertThat(run.one("aws:ssm/parameter:Parameter", "replication-forward-task-arn").stringInput("name"))
                .isEqualTo("/migration/dev/replication/forward-task-arn");
    }

    /** The endpoint a task names by ARN: the plan's mock ARNs end in the endpoint's id. */
    private static String endpointName(List<RecordedResource> endpoints, String arn) {
        return endpoints.stream().filter(e -> arn.endsWith(":" + e.stringInput("endpointId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint has ARN " + arn)).name();
    }
}
