package com.paymentmigration.monitoring;

import com.paymentmigration.config.MigrationConfig.Thresholds;
import com.paymentmigration.service.PaymentService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every alarm of the stack, as data. Each says what it watches, when it fires, and what missing data means,
 * because "no data" means different things: no traffic yet, a task not started, or a metric gone silent.
 */
public final class AlarmCatalog {

    /** One metric of an alarm, or a math expression over the others (exactly one query returns data). */
    public record Query(String id, String namespace, String metric, Map<String, String> dimensions, String stat,
                        String expression, boolean returnData) {
        static Query metric(String id, String namespace, String metric, Map<String, String> dimensions, String stat,
                            boolean returnData) {
            return new Query(id, namespace, metric, dimensions, stat, null, returnData);
        }

        static Query expression(String id, String expression) {
            return new Query(id, null, null, Map.of(), null, expression, true);
        }
    }

    /**
     * @param secondary        the alarm lives in the secondary region (its metric is published there)
     * @param missingData      CloudWatch's treatMissingData
     * @param alarmOnNoData    also notify on INSUFFICIENT_DATA: silence is itself a problem
     * @param critical         an ALARM starts the automatic rollback while a migration runs
     */
    public record AlarmSpec(String purpose, String description, boolean secondary, List<Query> queries, int period,
                            int evaluationPeriods, int datapointsToAlarm, double threshold, String comparison,
                            String missingData, boolean alarmOnNoData, boolean critical) {
    }

    /** Purposes of the alarms the weighted DNS records' health checks follow. */
    public static final String LEGACY_DOWN = "legacy-backend-down";
    public static final String SERVICE_DOWN = "service-down";
    /**
     * WAL a replication slot may hold back before someone must act: well below the free disk a database keeps for a
     * day of WAL at our write rate, and far above what a running task holds (a few segments).
     */
    public static final long SLOT_RETAINED_WAL_ALARM_BYTES = 10L * 1024 * 1024 * 1024;
    public static final String SLOT_RETAINED_WAL = "replication-slot-retained-wal";
    /** The API's web ACL blocks requests in bulk. */
    public static final String WAF_BLOCKED = "api-waf-blocked";
    /** Also rolls back a service deployment that raises it. */
    public static final String SERVICE_5XX_RATE = PaymentService.DEPLOYMENT_ALARM;

    private AlarmCatalog() {
    }

    /**
     * Executions of a state machine that ended badly (failed, timed out, aborted). Not critical: a failed rollback must
     * not start another rollback; people are needed.
     */
    private static AlarmSpec executionsEnded(String machine, String arn) {
        var dimensions = Map.of("StateMachineArn", arn);
        return new AlarmSpec(machine + "-executions-failed", "A " + machine + " state machine execution failed, timed "
                + "out or was aborted", false, List.of(
                Query.metric("failed", Metrics.STATES, "ExecutionsFailed", dimensions, "Sum", false),
                Query.metric("timedOut", Metrics.STATES, "ExecutionsTimedOut", dimensions, "Sum", false),
                Query.metric("aborted", Metrics.STATES, "ExecutionsAborted", dimensions, "Sum", false),
                Query.expression("ended", "failed + timedOut + aborted")),
                60, 1, 1, 0, "GreaterThanThreshold", "notBreaching", false, false);
    }

    /**
     * A slot nobody reads pins WAL until the disk fills (or max_slot_wal_keep_size invalidates the slot and its
     * direction is lost). Not critical: a rollback cannot drain a slot; a person decides whether to drop it.
     */
    private static AlarmSpec slotRetainedWal(String environment) {
        var queries = new ArrayList<Query>();
        for (var database : Metrics.SLOT_DATABASES) {
            queries.add(Query.metric(database, Metrics.REPLICATION, Metrics.SLOT_RETAINED_WAL,
                    Map.of("Environment", environment, "Database", database), "Maximum", false));
        }
        queries.add(Query.expression("oldest", "MAX([" + String.join(", ", Metrics.SLOT_DATABASES) + "])"));
        return new AlarmSpec(SLOT_RETAINED_WAL, "A replication slot holds back more than "
                + SLOT_RETAINED_WAL_ALARM_BYTES / (1024 * 1024 * 1024) + " GiB of WAL on on-prem or Aurora", false,
                queries, 300, 2, 2, SLOT_RETAINED_WAL_ALARM_BYTES, "GreaterThanThreshold",
                // Measured every 5 minutes; silence means nobody is watching the slots any more: tell someone.
                "missing", true, false);
    }

    /** The payment service: no healthy task at all, some unhealthy tasks, and its own 5XX rate. */
    private static void serviceAlarms(MonitoredResources.ServiceTier s, Thresholds t, List<AlarmSpec> alarms) {
        var group = Map.of("TargetGroup", s.targetGroup(), "LoadBalancer", s.loadBalancer());
        alarms.add(new AlarmSpec(SERVICE_DOWN, "The payment service has no healthy task behind its load balancer",
                false, List.of(Query.metric("healthy", Metrics.ALB, "HealthyHostCount", group, "Minimum", true)),
                60, 3, 3, 1, "LessThanThreshold", "breaching", false, false));
        alarms.add(new AlarmSpec("service-unhealthy-hosts", "Payment service tasks fail their health check",
                false, List.of(Query.metric("unhealthy", Metrics.ALB, "UnHealthyHostCount", group, "Maximum", true)),
                60, 3, 3, 0, "GreaterThanThreshold",
                // A deployment replacing tasks reports briefly; three minutes in a row is a real problem.
                "notBreaching", false, false));
        alarms.add(new AlarmSpec(SERVICE_5XX_RATE, "More than " + t.api5xxRatePercent()
                + " % of the payment service's responses are 5XX", false, List.of(
                Query.metric("errors", Metrics.ALB, "HTTPCode_Target_5XX_Count", group, "Sum", false),
                Query.metric("requests", Metrics.ALB, "RequestCount", group, "Sum", false),
                Query.expression("rate", "IF(requests > 0, 100 * errors / requests, 0)")),
                60, 5, 3, t.api5xxRatePercent(), "GreaterThanThreshold", "notBreaching", false, true));
    }

    public static List<AlarmSpec> of(MonitoredResources r, Thresholds t) {
        var alarms = new ArrayList<AlarmSpec>();
        var forward = Map.of("ReplicationInstanceIdentifier", r.replicationInstanceId(),
                "ReplicationTaskIdentifier", r.forwardTaskId());
        alarms.add(new AlarmSpec("cdc-latency", "Forward replication lags more than " + t.cdcLatencySeconds()
                + " s behind on-prem for 3 minutes", false,
                List.of(Query.metric("latency", Metrics.DMS, "CDCLatencyTarget", forward, "Maximum", true)),
                60, 3, 3, t.cdcLatencySeconds(), "GreaterThanThreshold",
                // No data until the state machine starts the task; a stopped task raises the task-errors alarm.
                "notBreaching", false, true));
        alarms.add(new AlarmSpec("global-db-lag", "The secondary region lags more than " + t.globalDbLagMs()
                + " ms behind the primary", true,
                List.of(Query.metric("lag", Metrics.RDS, "AuroraGlobalDBReplicationLag",
                        Map.of("DBClusterIdentifier", r.secondaryClusterId()), "Maximum", true)),
                60, 3, 3, t.globalDbLagMs(), "GreaterThanThreshold",
                // The secondary reports continuously; silence means replication itself is broken: tell someone.
                "missing", true, false));
        var api = Map.of("ApiName", r.apiName(), "Stage", r.stageName());
        alarms.add(new AlarmSpec("api-5xx-rate", "More than " + t.api5xxRatePercent() + " % of API requests fail with 5XX",
                false, List.of(
                        Query.metric("errors", Metrics.API_GATEWAY, "5XXError", api, "Sum", false),
                        Query.metric("requests", Metrics.API_GATEWAY, "Count", api, "Sum", false),
                        Query.expression("rate", "IF(requests > 0, 100 * errors / requests, 0)")),
                60, 5, 3, t.api5xxRatePercent(), "GreaterThanThreshold", "notBreaching", false, true));
        alarms.add(new AlarmSpec("api-latency-p99", "API p99 latency above " + t.apiLatencyP99Ms() + " ms", false,
                List.of(Query.metric("p99", Metrics.API_GATEWAY, "Latency", api, "p99", true)),
                60, 5, 3, t.apiLatencyP99Ms(), "GreaterThanThreshold", "notBreaching", false, true));
        for (var function : r.functions().entrySet()) {
            alarms.add(new AlarmSpec(function.getKey() + "-errors", "The " + function.getKey() + " function reported errors",
                    false, List.of(Query.metric("errors", Metrics.LAMBDA, "Errors",
                            Map.of("FunctionName", function.getValue()), "Sum", true)),
                    300, 1, 1, 0, "GreaterThanThreshold", "notBreaching", false, false));
        }
        alarms.add(new AlarmSpec("validation-mismatches", "The validator found rows that differ between source and target",
                false, List.of(Query.metric("mismatches", Metrics.VALIDATION, "Mismatches",
                        Map.of("Environment", r.environmentSuffix()), "Sum", true)),
                60, 1, 1, 0, "GreaterThanThreshold", "notBreaching", false, true));
        alarms.add(new AlarmSpec(LEGACY_DOWN, "The legacy backend has no healthy target behind the private link",
                false, List.of(Query.metric("healthy", Metrics.NLB, "HealthyHostCount",
                        Map.of("TargetGroup", r.legacyTargetGroup(), "LoadBalancer", r.loadBalancer()), "Minimum", true)),
                60, 3, 3, 1, "LessThanThreshold",
                // The load balancer reports every minute; silence means the target group is gone.
                "breaching", false, false));
        alarms.add(new AlarmSpec(WAF_BLOCKED, "The API's web ACL blocked more than " + t.wafBlockedRequests()
                + " requests in 5 minutes: an attack, or rules turning away real clients", false,
                List.of(Query.metric("blocked", Metrics.WAF, "BlockedRequests", r.webAclTotals(), "Sum", true)),
                300, 1, 1, t.wafBlockedRequests(), "GreaterThanThreshold",
                // Nothing blocked publishes nothing. Not critical: blocking attackers is no reason to roll back.
                "notBreaching", false, false));
        r.service().ifPresent(service -> serviceAlarms(service, t, alarms));
        alarms.add(executionsEnded("migration", r.migrationMachineArn()));
        alarms.add(executionsEnded("rollback", r.rollbackMachineArn()));
        alarms.add(slotRetainedWal(r.environmentSuffix()));
        alarms.add(new AlarmSpec("dms-task-errors", "A DMS task logged errors", false,
                List.of(Query.metric("errors", Metrics.REPLICATION, "TaskErrors", Map.of(), "Sum", true)),
                60, 1, 1, 0, "GreaterThanThreshold", "notBreaching", false, true));
        return alarms;
    }
}
