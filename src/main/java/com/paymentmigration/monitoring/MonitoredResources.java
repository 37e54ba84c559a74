package com.paymentmigration.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The identifiers of everything the dashboard and alarms watch, as the metrics' dimensions spell them (resolved
 * from the components' outputs, so the builders stay plain functions).
 */
public record MonitoredResources(
        String primaryRegion,
        String secondaryRegion,
        String environmentSuffix,
        String replicationInstanceId,
        String forwardTaskId,
        String reverseTaskId,
        String primaryClusterId,
        String secondaryClusterId,
        String apiName,
        String stageName,
        String loadBalancer,
        String legacyTargetGroup,
        String newTargetGroup,
        Map<String, String> functions,
        String migrationMachineArn,
        String rollbackMachineArn,
        String webAcl,
        Optional<ServiceTier> service) {

    /**
     * @param functions each Lambda function's short label (for alarm names) and its function name
     * @param webAcl    the name of the API's web ACL
     * @param service   the payment service, when the stack runs it
     */
    public MonitoredResources {
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /**
     * Dimensions of the web ACL's totals over all its rules, as AWS/WAFV2 publishes them for a regional ACL; in a
     * fixed order, so the dashboard body is the same on every run.
     */
    public Map<String, String> webAclTotals() {
        var dimensions = new LinkedHashMap<String, String>();
        dimensions.put("WebACL", webAcl);
        dimensions.put("Region", primaryRegion);
        dimensions.put("Rule", "ALL");
        return java.util.Collections.unmodifiableMap(dimensions);
    }

    /** The ECS service and its load balancer, as AWS/ECS and AWS/ApplicationELB name them. */
    public record ServiceTier(String cluster, String service, String loadBalancer, String targetGroup) {
    }
}
