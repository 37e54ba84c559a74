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
            case "aws:ec2/vpnConnection:VpnConnection" -> state.put("transitGatewayAttachmentId", "tgw-attach-" + name);
            default -> {
                // the echoed inputs, id and arn are enough
            }
        }
    }
}
