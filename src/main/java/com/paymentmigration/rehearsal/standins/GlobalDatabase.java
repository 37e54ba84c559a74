package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * RDS: the plan's Aurora global database and its member clusters. The writer starts as the primary region's cluster;
 * a scenario can move it ({@link #switchOverTo}) as a managed switchover or failover would. Errors as the RDS API
 * reference names them (GlobalClusterNotFoundFault).
 */
public final class GlobalDatabase implements StandIn {

    private final String identifier;
    private final String arn;
    private final List<String> memberArns;
    private String writerArn;

    GlobalDatabase(PlannedStack stack) {
        var global = stack.ofType("aws:rds/globalCluster:GlobalCluster");
        if (global.size() != 1) {
            throw new IllegalArgumentException("the plan must create one Aurora global database, not " + global.size());
        }
        identifier = stack.physicalName(global.get(0));
        // Global clusters are not regional: their ARN has no region (RDS user guide, "Amazon Resource Names").
        arn = "arn:aws:rds::" + stack.account() + ":global-cluster:" + identifier;
        var clusters = stack.ofType("aws:rds/cluster:Cluster");
        memberArns = clusters.stream().map(stack::arn).toList();
        writerArn = clusters.stream().filter(c -> stack.region(c).equals(stack.primaryRegion())).map(stack::arn)
                .findFirst().orElseThrow(() -> new NoSuchElementException("the plan creates no Aurora cluster in "
                        + stack.primaryRegion()));
    }

    @Override
    public String errorPrefix() {
        return "Rds";
    }

    @Override
    public String validationError() {
        return "InvalidParameterValue";
    }

    /** The writer moves to the member cluster in {@code region} (a switchover or a failover of the global database). */
    public void switchOverTo(String region) {
        writerArn = memberArns.stream().filter(m -> m.split(":")[3].equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member cluster in " + region + "; members: " + memberArns));
    }

    public String identifier() {
        return identifier;
    }

    public String writerArn() {
        return writerArn;
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        if (!operation.equals("describeGlobalClusters")) {
            throw new IllegalArgumentException("rds:" + operation + " has no stand-in");
        }
        var request = call.request(DescribeGlobalClustersRequest.class);
        call.authorize("rds:DescribeGlobalClusters", arn);
        if (!request.filters().isEmpty()) {
            // Our definitions name the cluster; a filter would need its semantics modelled first.
            throw new IllegalArgumentException("the RDS stand-in does not model DescribeGlobalClusters' Filters");
        }
        if (request.globalClusterIdentifier() != null && !request.globalClusterIdentifier().equals(identifier)) {
            throw call.error("GlobalClusterNotFoundFault", "Global cluster " + request.globalClusterIdentifier()
                    + " not found");
        }
        var members = memberArns.stream().map(m -> GlobalClusterMember.builder().dbClusterArn(m)
                .isWriter(m.equals(writerArn))
                .readers(m.equals(writerArn) ? memberArns.stream().filter(r -> !r.equals(m)).toList() : List.of())
                .build()).toList();
        var cluster = GlobalCluster.builder().globalClusterIdentifier(identifier).globalClusterArn(arn)
                .status("available").engine("aurora-postgresql").globalClusterMembers(members).build();
        return SdkShapes.write(DescribeGlobalClustersResponse.builder().globalClusters(cluster).build());
    }
}
