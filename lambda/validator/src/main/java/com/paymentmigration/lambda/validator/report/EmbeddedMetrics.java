package com.paymentmigration.lambda.validator.report;

import com.paymentmigration.lambda.validator.compare.PartitionReport;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics through the embedded metric format: one structured log line that CloudWatch turns into
 * metrics in {@code PaymentMigration/Validation} with the dimension {@code Environment}, which the stack's
 * dashboard and mismatch alarm read. No PutMetricData call, so no extra permission and no extra latency.
 */
public final class EmbeddedMetrics {

    public static final String NAMESPACE = "PaymentMigration/Validation";

    private final PrintStream out;
    private final String environment;

    public EmbeddedMetrics(PrintStream out, String environment) {
        this.out = out;
        this.environment = environment;
    }

    public void publish(PartitionReport report, long nowMillis) {
        var metrics = new LinkedHashMap<String, Long>();
        metrics.put("RowsChecked", report.sourceRows());
        metrics.put("Mismatches", report.mismatches());
        metrics.put("TransientDifferences", report.transientDifferences());
        var line = new LinkedHashMap<String, Object>();
        line.put("_aws", Map.of("Timestamp", nowMillis, "CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE,
                "Dimensions", List.of(List.of("Environment")),
                "Metrics", metrics.keySet().stream().map(name -> Map.of("Name", name, "Unit", "Count")).toList()))));
        line.put("Environment", environment);
        line.putAll(metrics);
        // Properties, not dimensions: searchable in the log without multiplying metric series.
        line.put("table", report.table());
        line.put("partition", report.partition());
        line.put("status", report.status().name());
        out.println(Json.line(line));
    }
}
