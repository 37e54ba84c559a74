package com.paymentmigration.storage;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.stack.ComponentFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The buckets built alone with the keys: the load balancer's log bucket only for a stack that runs the service. */
class StorageComponentTest {

    private static final String BUCKETS = "migration:storage:SecureBucket";

    @Test
    void theServicesLogBucketExistsOnlyWithTheService() {
        var withService = ComponentFixture.run(stack -> new Storage("storage", stack, new EncryptionKeys("keys", stack)));
        var without = ComponentFixture.run(stack -> new Storage("storage", stack, new EncryptionKeys("keys", stack)),
                "serviceEnabled=false", "newBackendIps=[\"10.20.0.10\"]", "dnsDomainName=", "trafficShiftBy=api");

        assertThat(withService.ofType(BUCKETS)).extracting(b -> b.name()).containsExactlyInAnyOrder("access-logs",
                "access-logs-secondary", "checkpoints", "rollback-states", "transaction-logs", "transaction-logs-replica",
                "load-balancer-logs");
        assertThat(without.ofType(BUCKETS)).extracting(b -> b.name()).doesNotContain("load-balancer-logs").hasSize(6);
    }
}
