package com.paymentmigration.orchestration;

import com.paymentmigration.config.MigrationConfig.TrafficStep;

import com.paymentmigration.dns.WeightedName;

import java.util.List;
import java.util.Optional;

/** Targets as the dev stack resolves them, and the dev settings; the definitions are built from nothing else. */
final class SampleTargets {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-central-1";

    private SampleTargets() {
    }

    static final WeightedName.Zone ZONE = new WeightedName.Zone("Z0123456789ABCDEFGHIJ", new WeightedName.RecordSets(
            "payments.dev.payments.internal", List.of("172.16.20.11", "172.16.20.12"), "hc-legacy",
            "internal-migration-payments-svc-dev.elb.eu-central-1.amazonaws.com", "Z215JYRZR1TBD5", "hc-new"));

    static Targets targets() {
        return targets(Optional.empty());
    }

    /** The targets when the traffic steps also move the weighted name's records. */
    static Targets withDns() {
        return targets(Optional.of(ZONE));
    }

    private static Targets targets(Optional<WeightedName.Zone> dns) {
        var dms = "arn:aws:dms:" + REGION + ":" + ACCOUNT + ":";
        return new Targets(REGION, ACCOUNT,
                "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:migration-migration-dev",
                "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:migration-rollback-dev",
                dms + "rep:migration-replication-dev", "migration-replication-dev",
                dms + "task:migration-forward-dev", "migration-forward-dev",
                dms + "task:migration-reverse-dev", "migration-reverse-dev",
                List.of(dms + "endpoint:onprem-source", dms + "endpoint:aurora-target", dms + "endpoint:aurora-source",
                        dms + "endpoint:onprem-target"),
                List.of("arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:dev/payments/onprem-postgres-AbCdEf",
                        "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:dev/payments/aurora-master-GhIjKl"),
                "a1b2c3d4e5", "v1", "/migration/dev", "migration-checkpoints-dev-" + ACCOUNT,
                "migration-rollback-states-dev-" + ACCOUNT, "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":migration-status-dev",
                "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":migration-alarms-dev",
                List.of("migration-alarm-cdc-latency-dev", "migration-alarm-api-5xx-rate-dev"),
                "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:migration-validator-dev", dns,
                "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:migration-replication-ops-dev",
                "migration-global-dev", "migration_reverse_dev", "migration_changes_dev", "dms_control");
    }

    static Settings settings() {
        return settings(true);
    }

    static Settings settings(boolean shiftsApi) {
        return new Settings(List.of(new TrafficStep(10, 5), new TrafficStep(25, 5), new TrafficStep(50, 10),
                new TrafficStep(100, 10)), 60, 3, 15, 120, List.of("payments.%", "ledger.entries"),
                List.of("payments.tmp_%"), 4, 8, shiftsApi,
                new com.paymentmigration.config.MigrationConfig.WriterContract(5, 5));
    }
}
