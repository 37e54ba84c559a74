package com.paymentmigration.plan;

import java.util.Map;

/** Outputs AWS computes that the program reads back; each type the program uses gets its realistic values here. */
final class MockOutputs {

    private MockOutputs() {
    }

    static void addComputed(String type, String name, String region, Map<String, Object> state) {
        switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> {
                state.putIfAbsent("bucket", name);
                state.put("bucketDomainName", name + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", name + ".s3." + region + ".amazonaws.com");
            }
            case "aws:kms/key:Key" -> state.put("keyId", name);
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                if ("Gateway".equals(state.get("vpcEndpointType"))) {
                    state.put("prefixListId", "pl-" + name);
                }
            }
            case "aws:rds/cluster:Cluster" -> {
                state.put("endpoint", name + ".cluster-plan." + region + ".rds.amazonaws.com");
                state.put("readerEndpoint", name + ".cluster-ro-plan." + region + ".rds.amazonaws.com");
                state.put("clusterResourceId", "cluster-" + name.toUpperCase());
            }
            case "aws:rds/clusterInstance:ClusterInstance" ->
                    state.put("endpoint", name + ".plan." + region + ".rds.amazonaws.com");
            case "aws:lambda/function:Function" -> {
                var arn = String.valueOf(state.get("arn"));
                state.put("invokeArn", "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
                state.put("version", "1");
                state.put("qualifiedArn", arn + ":1");
            }
            case "aws:lambda/alias:Alias" -> {
                var arn = "arn:aws:lambda:" + region + ":" + PlanMocks.ACCOUNT_ID + ":function:" + state.get("functionName")
                        + ":" + name;
                state.put("arn", arn);
                state.put("invokeArn", "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + arn
                        + "/invocations");
            }
            case "aws:apigateway/restApi:RestApi" -> {
                state.put("rootResourceId", name + "-root");
                state.put("executionArn", "arn:aws:execute-api:" + region + ":" + PlanMocks.ACCOUNT_ID + ":" + name);
            }
            case "aws:apigateway/stage:Stage" -> {
                state.put("invokeUrl", "https://" + state.get("restApi") + ".execute-api." + region + ".amazonaws.com/"
                        + state.get("stageName"));
                state.put("arn", "arn:aws:apigateway:" + region + "::/restapis/" + state.get("restApi") + "/stages/"
                        + state.get("stageName"));
            }
            case "aws:apigateway/domainName:DomainName" -> {
                state.put("regionalDomainName", "d-" + name.replace('.', '-') + ".execute-api." + region + ".amazonaws.com");
                state.put("regionalZoneId", "Z1U9ULNL0V5AJ3");
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                // The provider's default type is application; ARNs and metric dimensions say app/ or net/.
                var kind = "network".equals(state.get("loadBalancerType")) ? "net" : "app";
                state.put("dnsName", "internal-" + name + ".elb." + region + ".amazonaws.com");
                state.put("zoneId", "Z3F0SRJ5LGBH90");
                state.put("arnSuffix", kind + "/" + name + "/plan");
                state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":" + PlanMocks.ACCOUNT_ID + ":loadbalancer/"
                        + kind + "/" + name + "/plan");
            }
            case "aws:ecr/repository:Repository" -> {
                state.put("repositoryUrl", PlanMocks.ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + name);
                state.put("registryId", PlanMocks.ACCOUNT_ID);
            }
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                state.put("arn", "arn:aws:ecs:" + region + ":" + PlanMocks.ACCOUNT_ID + ":task-definition/" + name + ":1");
                state.put("revision", 1);
            }
            case "aws:route53/zone:Zone" -> state.put("zoneId", "Z" + Integer.toHexString(name.hashCode()).toUpperCase()
                    + "PLAN");
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arnSuffix", "targetgroup/" + name + "/plan");
            case "aws:dms/replicationInstance:ReplicationInstance" -> state.put("replicationInstanceArn", state.get("arn"));
            case "aws:dms/replicationTask:ReplicationTask" -> state.put("replicationTaskArn", state.get("arn"));
            case "aws:dms/endpoint:Endpoint" -> state.put("endpointArn", state.get("arn"));
            case "aws:dms/certificate:Certificate" -> state.put("certificateArn", state.get("arn"));
            case "aws:ec2/vpnConnection:VpnConnection" -> state.put("transitGatewayAttachmentId", "tgw-attach-" + name);
            default -> {
                // the echoed inputs, id and arn are enough
            }
        }
    }
}
