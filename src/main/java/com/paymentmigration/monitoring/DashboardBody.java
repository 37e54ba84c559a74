package com.paymentmigration.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The migration dashboard, one row per concern: how far replication lags, how the databases cope, how the API
 * and its two backends answer, whether the functions fail, and what validation found. Every metric names all
 * the dimensions AWS publishes it with; a metric with a missing dimension draws an empty graph.
 */
public final class DashboardBody {

    static final int GRID_WIDTH = 24;
    static final int HEIGHT = 6;
    static final int PERIOD = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitoredResources r;
    private final ArrayNode widgets = JSON.createArrayNode();
    private int y;

    private DashboardBody(MonitoredResources resources) {
        this.r = resources;
    }

    public static String of(MonitoredResources resources, String runbookMarkdown) {
        var body = new DashboardBody(resources);
        body.build(runbookMarkdown);
        var root = JSON.createObjectNode();
        root.set("widgets", body.widgets);
        return root.toString();
    }

    private void build(String runbook) {
        var text = widgets.addObject();
        place(text, 0, GRID_WIDTH, 3);
        text.put("type", "text");
        text.putObject("properties").put("markdown", runbook);
        y += 3;

        var forward = dms(r.forwardTaskId());
        var reverse = dms(r.reverseTaskId());
        row(metric("Replication: CDC latency (s)", r.primaryRegion(), "Maximum",
                        with(Metrics.DMS, "CDCLatencySource", forward), with(Metrics.DMS, "CDCLatencyTarget", forward),
                        with(Metrics.DMS, "CDCLatencyTarget", reverse)),
                metric("Replication: CDC throughput (rows/s)", r.primaryRegion(), "Average",
                        with(Metrics.DMS, "CDCThroughputRowsSource", forward),
                        with(Metrics.DMS, "CDCThroughputRowsTarget", forward)),
                metric("Replication: full load (rows/s) and task log errors", r.primaryRegion(), "Sum",
                        with(Metrics.DMS, "FullLoadThroughputRowsTarget", forward),
                        List.of(Metrics.REPLICATION, "TaskErrors"), List.of(Metrics.REPLICATION, "TaskWarnings")));

        row(metric("Aurora writer: CPU (%)", r.primaryRegion(), "Average",
                        List.of(Metrics.RDS, "CPUUtilization", "DBClusterIdentifier", r.primaryClusterId(), "Role", "WRITER")),
                metric("Aurora: connections and replica lag (ms)", r.primaryRegion(), "Maximum",
                        List.of(Metrics.RDS, "DatabaseConnections", "DBClusterIdentifier", r.primaryClusterId()),
                        List.of(Metrics.RDS, "AuroraReplicaLagMaximum", "DBClusterIdentifier", r.primaryClusterId())),
                metric("Aurora global database: replication lag (ms)", r.secondaryRegion(), "Maximum",
                        List.of(Metrics.RDS, "AuroraGlobalDBReplicationLag", "DBClusterIdentifier", r.secondaryClusterId())));

        var api = List.of("ApiName", r.apiName(), "Stage", r.stageName());
        row(metric("API: requests, 4XX, 5XX", r.primaryRegion(), "Sum",
                        with(Metrics.API_GATEWAY, "Count", api), with(Metrics.API_GATEWAY, "4XXError", api),
                        with(Metrics.API_GATEWAY, "5XXError", api),
                        List.of(Metrics.API_LOGS, "AuthorizerDenies")),
                latency(api),
                metric("Backends: healthy targets (legacy, new)", r.primaryRegion(), "Minimum",
                        nlb(r.legacyTargetGroup(), "HealthyHostCount"), nlb(r.newTargetGroup(), "HealthyHostCount"),
                        nlb(r.legacyTargetGroup(), "UnHealthyHostCount"), nlb(r.newTargetGroup(), "UnHealthyHostCount")));

        var firewall = new ArrayList<String>();
        r.webAclTotals().forEach((key, value) -> {
            firewall.add(key);
            firewall.add(value);
        });
        row(metric("API firewall: requests blocked and allowed (5 min)", r.primaryRegion(), "Sum",
                with(Metrics.WAF, "BlockedRequests", firewall), with(Metrics.WAF, "AllowedRequests", firewall)));

        r.service().ifPresent(this::serviceRows);

        var machines = new ArrayList<List<String>>();
        for (var arn : List.of(r.migrationMachineArn(), r.rollbackMachineArn())) {
            for (var metric : List.of("ExecutionsStarted", "ExecutionsSucceeded", "ExecutionsFailed", "ExecutionsTimedOut",
                    "ExecutionsAborted")) {
                machines.add(with(Metrics.STATES, metric, List.of("StateMachineArn", arn)));
            }
        }
        row(metric("State machines: migration and rollback executions", r.primaryRegion(), "Sum",
                machines.toArray(List[]::new)));

        var errors = new ArrayList<List<String>>();
        var durations = new ArrayList<List<String>>();
        var throttles = new ArrayList<List<String>>();
        for (var function : r.functions().values()) {
            errors.add(List.of(Metrics.LAMBDA, "Errors", "FunctionName", function));
            durations.add(List.of(Metrics.LAMBDA, "Duration", "FunctionName", function));
            throttles.add(List.of(Metrics.LAMBDA, "Throttles", "FunctionName", function));
        }
        row(metric("Lambda: errors", r.primaryRegion(), "Sum", errors.toArray(List[]::new)),
                metric("Lambda: duration (ms)", r.primaryRegion(), "Maximum", durations.toArray(List[]::new)),
                metric("Lambda: throttles", r.primaryRegion(), "Sum", throttles.toArray(List[]::new)));

        var environment = List.of("Environment", r.environmentSuffix());
        row(metric("Validation: rows checked", r.primaryRegion(), "Sum",
                        with(Metrics.VALIDATION, "RowsChecked", environment)),
                metric("Validation: mismatches", r.primaryRegion(), "Sum",
                        with(Metrics.VALIDATION, "Mismatches", environment)),
                metric("Replication slots: WAL held back (bytes)", r.primaryRegion(), "Maximum",
                        Metrics.SLOT_DATABASES.stream().map(database -> with(Metrics.REPLICATION,
                                Metrics.SLOT_RETAINED_WAL, List.of("Environment", r.environmentSuffix(), "Database",
                                        database))).toArray(List[]::new)));
    }

    /** The payment service: how busy its tasks are and how many run, then what its load balancer sees. */
    private void serviceRows(MonitoredResources.ServiceTier s) {
        var service = List.of("ClusterName", s.cluster(), "ServiceName", s.service());
        row(metric("Service: CPU and memory (%)", r.primaryRegion(), "Average",
                        with(Metrics.ECS, "CPUUtilization", service), with(Metrics.ECS, "MemoryUtilization", service)),
                metric("Service: tasks running / desired", r.primaryRegion(), "Average",
                        with(Metrics.CONTAINER_INSIGHTS, "RunningTaskCount", service),
                        with(Metrics.CONTAINER_INSIGHTS, "DesiredTaskCount", service)));
        var group = List.of("TargetGroup", s.targetGroup(), "LoadBalancer", s.loadBalancer());
        row(metric("Service ALB: requests and target 5XX", r.primaryRegion(), "Sum",
                        with(Metrics.ALB, "RequestCount", group), with(Metrics.ALB, "HTTPCode_Target_5XX_Count", group)),
                metric("Service ALB: target response time p99 (s)", r.primaryRegion(), "p99",
                        with(Metrics.ALB, "TargetResponseTime", group)),
                metric("Service ALB: healthy / unhealthy targets", r.primaryRegion(), "Minimum",
                        with(Metrics.ALB, "HealthyHostCount", group), with(Metrics.ALB, "UnHealthyHostCount", group)));
    }

    private static List<String> with(String namespace, String metric, List<String> dimensions) {
        var line = new ArrayList<>(List.of(namespace, metric));
        line.addAll(dimensions);
        return line;
    }

    private List<String> dms(String taskId) {
        return List.of("ReplicationInstanceIdentifier", r.replicationInstanceId(), "ReplicationTaskIdentifier", taskId);
    }

    private List<String> nlb(String targetGroup, String metric) {
        return List.of(Metrics.NLB, metric, "TargetGroup", targetGroup, "LoadBalancer", r.loadBalancer());
    }

    private ObjectNode latency(List<String> api) {
        var widget = metric("API: latency p50 / p99 (ms)", r.primaryRegion(), "p50",
                with(Metrics.API_GATEWAY, "Latency", api));
        var metrics = (ArrayNode) widget.path("properties").path("metrics");
        var p99 = metrics.addArray();
        with(Metrics.API_GATEWAY, "Latency", api).forEach(p99::add);
        p99.addObject().put("stat", "p99");
        return widget;
    }

    @SafeVarargs
    private ObjectNode metric(String title, String region, String stat, List<String>... lines) {
        var widget = JSON.createObjectNode();
        widget.put("type", "metric");
        var properties = widget.putObject("properties");
        properties.put("title", title);
        properties.put("region", region);
        properties.put("stat", stat);
        properties.put("period", PERIOD);
        properties.put("view", "timeSeries");
        var metrics = properties.putArray("metrics");
        for (var line : lines) {
            var array = metrics.addArray();
            line.forEach(array::add);
        }
        return widget;
    }

    private void row(ObjectNode... row) {
        int width = GRID_WIDTH / row.length;
        for (int i = 0; i < row.length; i++) {
            place(row[i], i * width, width, HEIGHT);
            widgets.add(row[i]);
        }
        y += HEIGHT;
    }

    private void place(ObjectNode widget, int x, int width, int height) {
        widget.put("x", x);
        widget.put("y", y);
        widget.put("width", width);
        widget.put("height", height);
    }
}
