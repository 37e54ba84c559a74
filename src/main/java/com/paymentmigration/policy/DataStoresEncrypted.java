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

    static final String REPOSITORY = "aws:ecr/repository:Repository";

    DataStoresEncrypted() {
        super("data-stores-encrypted-with-cmk",
                "Every database, replication instance and image repository is encrypted at rest with a "
                        + "customer-managed KMS key.");
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
        // Images carry the payment code and its configuration.
        for (var repository : run.ofType(REPOSITORY)) {
            if (!"KMS".equals(repository.stringInput("encryptionConfigurations.0.encryptionType"))
                    || repository.stringInput("encryptionConfigurations.0.kmsKey") == null) {
                findings.add(Finding.of(this, repository, "is not encrypted with a customer-managed key; set "
                        + "encryptionConfigurations to KMS with the region's key"));
            }
        }
        return findings;
    }
}
