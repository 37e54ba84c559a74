package com.paymentmigration.policy;

import com.paymentmigration.database.ClusterParameters;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Card data in transit: every Aurora cluster refuses connections that do not use TLS. */
final class DatabasesForceTls extends PolicyRule {

    DatabasesForceTls() {
        super("databases-force-tls", "Every Aurora cluster uses a parameter group with rds.force_ssl = 1.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var groups = run.ofType("aws:rds/clusterParameterGroup:ClusterParameterGroup");
        for (var cluster : run.ofType("aws:rds/cluster:Cluster")) {
            var groupName = cluster.stringInput("dbClusterParameterGroupName");
            var forced = groups.stream().filter(g -> Objects.equals(g.stringInput("name"), groupName))
                    .flatMap(g -> g.input("parameters").stream())
                    .flatMap(p -> ((List<?>) p).stream())
                    .anyMatch(p -> p instanceof Map<?, ?> m && ClusterParameters.FORCE_SSL.name().equals(m.get("name"))
                            && ClusterParameters.FORCE_SSL.value().equals(String.valueOf(m.get("value"))));
            if (!forced) {
                findings.add(Finding.of(this, cluster, "parameter group " + groupName + " does not set rds.force_ssl = 1"));
            }
        }
        return findings;
    }
}
