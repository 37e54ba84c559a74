package com.paymentmigration.storage;

import java.util.Map;
import java.util.Set;

/**
 * Who writes Application Load Balancer access logs into a bucket, per region, and where. AWS's "Enable access logs
 * for your Application Load Balancer" (Step 2, the bucket policy): in Regions available before August 2022 the
 * policy grants the Elastic Load Balancing account of the Region; in Regions launched since, the log delivery
 * service principal. The bucket must be in the load balancer's Region and use SSE-S3, the only server-side
 * encryption the delivery supports (same page, Step 1).
 */
public final class LoadBalancerLogDelivery {

    /** Key prefix the load balancer writes under; AWS appends AWSLogs/&lt;account&gt;/elasticloadbalancing/... */
    public static final String PREFIX = "payment-service";
    static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

    /** Elastic Load Balancing's account in each Region available before August 2022. */
    private static final Map<String, String> ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"), Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"), Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-west-3", "009996457667"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("ap-east-1", "754344448648"), Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ap-northeast-2", "600734575887"), Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-south-1", "718504428378"), Map.entry("sa-east-1", "507241528517"));
    /** Regions launched in August 2022 or later, where the service principal writes the logs. */
    private static final Set<String> SERVICE_PRINCIPAL_REGIONS = Set.of("eu-central-2", "eu-south-2", "ap-south-2",
            "ap-southeast-4", "me-central-1", "il-central-1", "ca-west-1");

    /** The bucket policy principal as {@code (type, value)}: ("AWS", account root ARN) or ("Service", principal). */
    public record Principal(String type, String value) {
    }

    private LoadBalancerLogDelivery() {
    }

    public static Principal principal(String region) {
        if (ACCOUNTS.containsKey(region)) {
            return new Principal("AWS", "arn:aws:iam::" + ACCOUNTS.get(region) + ":root");
        }
        if (SERVICE_PRINCIPAL_REGIONS.contains(region)) {
            return new Principal("Service", SERVICE_PRINCIPAL);
        }
        throw new IllegalArgumentException("no known load balancer log delivery principal for region " + region
                + "; add it to " + LoadBalancerLogDelivery.class.getSimpleName() + " from AWS's 'Enable access logs "
                + "for your Application Load Balancer' page");
    }

    /** The objects the load balancer may write: its prefix, this account's folder. */
    public static String objects(String bucketArn, String accountId) {
        return bucketArn + "/" + PREFIX + "/AWSLogs/" + accountId + "/*";
    }
}
