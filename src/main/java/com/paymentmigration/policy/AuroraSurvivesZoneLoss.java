package com.paymentmigration.policy;

import com.paymentmigration.database.Database;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every Aurora cluster has instances in two availability zones or more, so losing a zone leaves one to fail over
 * to. The only exception is a cluster tagged as accepting it, which the stack does only on an explicit config choice.
 */
final class AuroraSurvivesZoneLoss extends PolicyRule {

    static final String CLUSTER = "aws:rds/cluster:Cluster";

    AuroraSurvivesZoneLoss() {
        super("aurora-survives-zone-loss", "Every Aurora cluster has instances in at least two named availability "
                + "zones, unless tagged " + Database.ZONE_LOSS_ACCEPTED_TAG + "=true by an explicit config choice.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var cluster : run.ofType(CLUSTER)) {
            if ("true".equals(cluster.stringInput("tags." + Database.ZONE_LOSS_ACCEPTED_TAG))) {
                continue;
            }
            var identifier = cluster.stringInput("clusterIdentifier");
            var instances = run.ofType(AuroraEnhancedMonitoring.INSTANCE).stream()
                    .filter(i -> Objects.equals(i.stringInput("clusterIdentifier"), identifier)).toList();
            var unplaced = instances.stream().filter(i -> i.stringInput("availabilityZone") == null).count();
            var zones = instances.stream().map(i -> i.stringInput("availabilityZone")).filter(Objects::nonNull)
                    .distinct().toList();
            if (unplaced > 0) {
                findings.add(Finding.of(this, cluster, unplaced + " instance(s) name no availabilityZone; place each "
                        + "one so the spread is known"));
            } else if (zones.size() < 2) {
                findings.add(Finding.of(this, cluster, "has instances in " + zones + " only; put instances in two zones "
                        + "or more (or accept it explicitly: auroraAcceptSingleAz)"));
            }
        }
        return findings;
    }
}
