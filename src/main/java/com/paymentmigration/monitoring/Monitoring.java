package com.paymentmigration.monitoring;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Outputs;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.naming.NameRule;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The migration dashboard, the alarms (to the alarm topic of their region) and the log metric filters that feed
 * them. Dashboard and alarms are built by plain functions from {@link MonitoredResources}; this component resolves
 * the identifiers from the other components' outputs and wires the resources.
 */
public final class Monitoring extends MigrationComponent {

    public static final String TYPE = "migration:monitoring:Monitoring";
    /** DMS marks error and warning lines with "]E:" and "]W:" after the component name. */
    static final String DMS_ERROR_PATTERN = "\"]E:\"";
    static final String DMS_WARNING_PATTERN = "\"]W:\"";
    /** The authorizer logs one JSON line per refusal. */
    static final String AUTHORIZER_DENY_PATTERN = "{ $.decision = \"deny\" }";

    public final Output<String> dashboardUrl;
    /** Alarm name to ARN of the alarms that start the automatic rollback. */
    public final Map<String, Output<String>> criticalAlarmArns = new LinkedHashMap<>();
    /** Every alarm's name by its purpose (health checks and runbooks refer to alarms by name). */
    public final Map<String, Output<String>> alarmNames = new LinkedHashMap<>();

    /** The payment service's metric dimensions, as outputs. */
    public record ServiceSources(Output<String> cluster, Output<String> service, Output<String> loadBalancer,
                                 Output<String> targetGroup) {
    }

    /** What is watched, as the other components' outputs; functions by short label. */
    public record Sources(Output<String> replicationInstanceId, Output<String> forwardTaskId, Output<String> reverseTaskId,
                          Output<String> primaryClusterId, Output<String> secondaryClusterId, Output<String> apiName,
                          Output<String> stageName, Output<String> loadBalancer, Output<String> legacyTargetGroup,
                          Output<String> newTargetGroup, Map<String, Output<String>> functions,
                          Output<String> migrationMachineArn, Output<String> rollbackMachineArn,
                          Optional<ServiceSources> service) {

        /** Every output by the name of the {@link MonitoredResources} field it fills. */
        Map<String, Output<String>> byField() {
            var fields = new LinkedHashMap<String, Output<String>>();
            fields.put("replicationInstanceId", replicationInstanceId);
            fields.put("forwardTaskId", forwardTaskId);
            fields.put("reverseTaskId", reverseTaskId);
            fields.put("primaryClusterId", primaryClusterId);
            fields.put("secondaryClusterId", secondaryClusterId);
            fields.put("apiName", apiName);
            fields.put("stageName", stageName);
            fields.put("loadBalancer", loadBalancer);
            fields.put("legacyTargetGroup", legacyTargetGroup);
            fields.put("newTargetGroup", newTargetGroup);
            functions.forEach((label, name) -> fields.put(functionField(label), name));
            fields.put("migrationMachineArn", migrationMachineArn);
            fields.put("rollbackMachineArn", rollbackMachineArn);
            service.ifPresent(tier -> {
                fields.put("serviceCluster", tier.cluster());
                fields.put("serviceName", tier.service());
                fields.put("serviceLoadBalancer", tier.loadBalancer());
                fields.put("serviceTargetGroup", tier.targetGroup());
            });
            return fields;
        }

        static String functionField(String label) {
            return "function-" + label;
        }
    }

    public Monitoring(String name, StackContext stack, Sources sources, Output<String> alarmTopicArn,
                      Output<String> secondaryAlarmTopicArn, Output<String> dmsTaskLogGroup,
                      Output<String> authorizerLogGroup) {
        super(TYPE, name, stack);
        // The builders take plain strings: alarms get placeholders (each dimension value is resolved to its output
        // below), the dashboard gets the resolved values.
        var watched = sources.byField();
        var symbolic = resources(stack, sources, Monitoring::placeholder);
        filter(name + "-dms-errors", dmsTaskLogGroup, DMS_ERROR_PATTERN, Metrics.REPLICATION, "TaskErrors");
        filter(name + "-dms-warnings", dmsTaskLogGroup, DMS_WARNING_PATTERN, Metrics.REPLICATION, "TaskWarnings");
        filter(name + "-authorizer-denies", authorizerLogGroup, AUTHORIZER_DENY_PATTERN, Metrics.API_LOGS, "AuthorizerDenies");

        for (var spec : AlarmCatalog.of(symbolic, stack.config().thresholds())) {
            var topic = spec.secondary() ? secondaryAlarmTopicArn : alarmTopicArn;
            var args = MetricAlarmArgs.builder()
                    .name(AlarmCatalog.alarmName(stack.names(), spec.purpose()))
                    .alarmDescription(spec.description())
                    .comparisonOperator(spec.comparison())
                    .threshold(spec.threshold())
                    .evaluationPeriods(spec.evaluationPeriods())
                    .datapointsToAlarm(spec.datapointsToAlarm())
                    .treatMissingData(spec.missingData())
                    .alarmActions(topic.applyValue(List::of))
                    .okActions(topic.applyValue(List::of));
            if (spec.alarmOnNoData()) {
                args.insufficientDataActions(topic.applyValue(List::of));
            }
            metrics(args, spec, watched);
            var alarm = new MetricAlarm(name + "-" + spec.purpose(), args.build(),
                    in(spec.secondary() ? Region.SECONDARY : Region.PRIMARY, o -> o));
            if (spec.critical()) {
                criticalAlarmArns.put(spec.purpose(), alarm.arn());
            }
            alarmNames.put(spec.purpose(), alarm.name());
        }

        var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(stack.names().of(NameRule.DASHBOARD, "payments"))
                .dashboardBody(Outputs.resolved(watched).applyValue(values ->
                        DashboardBody.of(resources(stack, sources, values::get), runbook(stack))))
                .build(), primary());
        var region = stack.config().regions().primary();
        this.dashboardUrl = dashboard.dashboardName().applyValue(n -> "https://" + region + ".console.aws.amazon.com/"
                + "cloudwatch/home?region=" + region + "#dashboards:name=" + n);
        registerOutputs(Map.of("dashboardUrl", dashboardUrl));
    }

    private void filter(String logicalName, Output<String> logGroup, String pattern, String namespace, String metric) {
        new LogMetricFilter(logicalName, LogMetricFilterArgs.builder()
                .name(stack.names().of(NameRule.GENERIC, metric.toLowerCase()))
                .logGroupName(logGroup)
                .pattern(pattern)
                .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                        .namespace(namespace).name(metric).value("1").defaultValue("0").build())
                .build(), primary());
    }

    /**
     * One metric: a plain alarm on it, the only kind Route 53 health checks accept (no metric queries). Several, or
     * an expression: metric queries.
     */
    private static void metrics(MetricAlarmArgs.Builder args, AlarmCatalog.AlarmSpec spec,
                                Map<String, Output<String>> watched) {
        var first = spec.queries().get(0);
        if (spec.queries().size() == 1 && first.expression() == null) {
            args.namespace(first.namespace()).metricName(first.metric()).period(spec.period())
                    .dimensions(dimensions(first, watched));
            // Percentiles are extended statistics in a plain alarm.
            if (first.stat().startsWith("p")) {
                args.extendedStatistic(first.stat());
            } else {
                args.statistic(first.stat());
            }
            return;
        }
        var queries = new ArrayList<Output<MetricAlarmMetricQueryArgs>>();
        for (var query : spec.queries()) {
            queries.add(query(query, spec.period(), watched));
        }
        args.metricQueries(Output.all(queries));
    }

    /** The query's dimensions, placeholder values replaced by the outputs they stand for. */
    private static Output<Map<String, String>> dimensions(AlarmCatalog.Query query, Map<String, Output<String>> watched) {
        var dimensions = new LinkedHashMap<String, Output<String>>();
        query.dimensions().forEach((dimension, value) -> dimensions.put(dimension,
                value.startsWith("${") ? watched.get(value.substring(2, value.length() - 1)) : Output.of(value)));
        return Outputs.resolved(dimensions);
    }

    private static Output<MetricAlarmMetricQueryArgs> query(AlarmCatalog.Query query, int period,
                                                            Map<String, Output<String>> watched) {
        if (query.expression() != null) {
            return Output.of(MetricAlarmMetricQueryArgs.builder().id(query.id()).expression(query.expression())
                    .returnData(true).build());
        }
        return dimensions(query, watched).applyValue(values -> MetricAlarmMetricQueryArgs.builder().id(query.id())
                .returnData(query.returnData())
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(query.namespace())
                        .metricName(query.metric()).dimensions(values).stat(query.stat()).period(period).build())
                .build());
    }

    private static String placeholder(String field) {
        return "${" + field + "}";
    }

    /** The watched resources with each identifier taken from {@code value} by its field name. */
    private static MonitoredResources resources(StackContext stack, Sources sources, Function<String, String> value) {
        var functions = new LinkedHashMap<String, String>();
        sources.functions().keySet().forEach(label -> functions.put(label, value.apply(Sources.functionField(label))));
        return new MonitoredResources(stack.config().regions().primary(), stack.config().regions().secondary(),
                stack.names().suffix(), value.apply("replicationInstanceId"), value.apply("forwardTaskId"),
                value.apply("reverseTaskId"), value.apply("primaryClusterId"), value.apply("secondaryClusterId"),
                value.apply("apiName"), value.apply("stageName"), value.apply("loadBalancer"),
                value.apply("legacyTargetGroup"), value.apply("newTargetGroup"), functions,
                value.apply("migrationMachineArn"), value.apply("rollbackMachineArn"), stack.names().webAcl(),
                sources.service().map(tier -> new MonitoredResources.ServiceTier(value.apply("serviceCluster"),
                        value.apply("serviceName"), value.apply("serviceLoadBalancer"), value.apply("serviceTargetGroup"))));
    }

    private static String runbook(StackContext stack) {
        var root = stack.names().parameter();
        return "## Payment migration (" + stack.names().suffix() + ")\n"
                + "State in Parameter Store under `" + root + "` (`phase`, `traffic/new-backend-percent`, "
                + "`database/active-writer`). Roll back: `pulumi config set migration:mode rollback && pulumi up`. "
                + "Runbook: README sections *Roll back, and go forward again*, *Replication (DMS)*, *The API and the traffic split*.";
    }
}
