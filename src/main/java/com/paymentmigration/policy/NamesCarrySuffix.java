package com.paymentmigration.policy;

import com.paymentmigration.naming.Names;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Two environments share an account only if no physical name can collide: each carries the suffix. */
final class NamesCarrySuffix extends PolicyRule {

    /** Inputs that hold an account- or region-wide physical name. */
    static final List<String> NAME_INPUTS = List.of("name", "namePrefix", "bucket", "bucketPrefix", "functionName",
            "identifier", "clusterIdentifier", "globalClusterIdentifier", "replicationInstanceId", "replicationTaskId",
            "endpointId", "replicationSubnetGroupId", "certificateId", "dashboardName", "alarmName");
    /** Types whose "name" lives inside a parent that already carries the suffix, or is a DNS name. */
    private static final Set<String> SCOPED_NAMES = Set.of("aws:route53/record:Record", "aws:route53/zone:Zone",
            "aws:apigateway/stage:Stage", "aws:lambda/alias:Alias");

    /** Account-wide singletons a service finds by exact name (DMS, RDS); created only when config asks for them. */
    static final Set<String> SERVICE_DEFINED_NAMES = Set.of("dms-vpc-role", "dms-cloudwatch-logs-role",
            Names.RDS_OS_METRICS_LOG_GROUP);

    NamesCarrySuffix() {
        super("names-carry-suffix",
                "Every physical name carries the environment suffix, so stacks never collide in one account.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (var resource : run.resources()) {
            if (!resource.custom() || resource.read() || resource.isProvider() || SCOPED_NAMES.contains(resource.type())) {
                continue;
            }
            for (var key : NAME_INPUTS) {
                if (resource.inputs().get(key) instanceof String value && !value.contains(context.environmentSuffix())
                        && !SERVICE_DEFINED_NAMES.contains(value)) {
                    findings.add(Finding.of(this, resource, key + " '" + value + "' does not carry the suffix '"
                            + context.environmentSuffix() + "'; build it with Names.of(...)"));
                }
            }
        }
        return findings;
    }
}
