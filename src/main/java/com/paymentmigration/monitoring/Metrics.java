package com.paymentmigration.monitoring;

/** Namespaces: AWS's own, and ours for what the stack's log filters and the validator publish. */
public final class Metrics {

    public static final String DMS = "AWS/DMS";
    public static final String RDS = "AWS/RDS";
    public static final String API_GATEWAY = "AWS/ApiGateway";
    public static final String LAMBDA = "AWS/Lambda";
    public static final String NLB = "AWS/NetworkELB";
    public static final String ALB = "AWS/ApplicationELB";
    public static final String STATES = "AWS/States";
    public static final String ECS = "AWS/ECS";
    /** Web ACL requests; a regional web ACL's metrics carry WebACL, Region and Rule (ALL for the ACL's totals). */
    public static final String WAF = "AWS/WAFV2";
    /** Task counts; published when the cluster has Container Insights on. */
    public static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    /** Published by the validator (embedded metric format), dimension Environment. */
    public static final String VALIDATION = "PaymentMigration/Validation";
    /**
     * Published by this stack's log metric filters (DMS task errors) and by replication-ops (embedded metric format,
     * dimensions Environment and Database): {@link #SLOT_RETAINED_WAL}.
     */
    public static final String REPLICATION = "PaymentMigration/Replication";
    /**
     * WAL bytes the oldest logical replication slot of a database holds back. DMS publishes no slot metric, and
     * AWS/RDS's OldestReplicationSlotLag covers Aurora only: replication-ops measures both databases the same way.
     */
    public static final String SLOT_RETAINED_WAL = "OldestSlotRetainedWalBytes";
    /** The values of the Database dimension of {@link #SLOT_RETAINED_WAL}. */
    public static final java.util.List<String> SLOT_DATABASES = java.util.List.of("onprem", "aurora");
    public static final String API_LOGS = "PaymentMigration/Api";

    private Metrics() {
    }
}
