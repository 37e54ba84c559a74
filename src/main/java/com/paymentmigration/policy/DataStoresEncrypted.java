package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payment data at rest is encrypted with our keys in its region, never an AWS-managed key or none. */
final class DataStoresEncrypted extends PolicyRule {

    /** Data-store type to the input naming its customer-managed key (null: the type only has an on/off switch). */
    private static final Map<String, String> KEY_INPUTS = Map.of(
            "aws:rds/cluster:Cluster", "kmsKeyId",
            "aws:rds/globalCluster:GlobalCluster", "",
            "aws:dms/replicationInstance:ReplicationInstance", "kmsKeyArn");

    DataStoresEncrypted() {
        super("data-stores-encrypted-with-cmk",
                "Every database and replication instance is encrypted at rest with a customer-managed KMS key.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        KEY_INPUTS.forEach((type, keyInput) -> {
            for (var store : run.ofType(type)) {
                boolean dms = type.startsWith("aws:dms/");
                if (!dms && !Boolean.TRUE.equals(store.inputs().get("storageEncrypted"))) {
                    findings.add(Finding.of(this, store, "storageEncrypted is not true"));
                }
                var key = keyInput.isEmpty() ? "n/a" : store.stringInput(keyInput);
                if (key == null || key.isEmpty() || key.contains("alias/aws/")) {
                    findings.add(Finding.of(this, store, keyInput + " does not name a customer-managed key"));
                }
            }
        });
        return findings;
    }
}
