package com.paymentmigration.monitoring;

import com.paymentmigration.core.MigrationComponent;
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
    public final Output<String> dashboardName;
    /** Alarm name to ARN of the alarms that start the automatic rollback. */
    public final Map<String, Output<String>> criticalAlarmArns = new LinkedHashMap<>();

    /** What is watched, as the other components' outputs; functions by short label. */
    public record Sources(Output<String> replicationInstanceId, Output<String> forwardTaskId, Output<String> reverseTaskId,
                          Output<String> primaryClusterId, Output<String> secondaryClusterId, Output<String> apiName,
                          Output<String> stageName, Output<String> loadBalancer, Output<String> legacyTargetGroup,
                          Output<String> newTargetGroup, Map<String, Output<String>> functions) {
    }

    public Monitoring(String name, StackContext stack, Sources sources, Output<String> alarmTopicArn,
                      Output<String> secondaryAlarmTopicArn, Output<String> dmsTaskLogGroup,
                      Output<String> authorizerLogGroup) {
        super(TYPE, name, stack);
        // The builders take plain strings: they get placeholders, resolved to the outputs' values where used.
        var identifiers = new LinkedHashMap<String, Output<String>>();
        var functions = new LinkedHashMap<String, String>();
        sources.functions().forEach((label, fn) -> functions.put(label, placeholder(identifiers, "function-" + label, fn)));
        var symbolic = new MonitoredResources(stack.config().regions().primary(), stack.config().regions().secondary(),
                stack.names().suffix(),
                placeholder(identifiers, "replicationInstanceId", sources.replicationInstanceId()),
                placeholder(identifiers, "forwardTaskId", sources.forwardTaskId()),
                placeholder(identifiers, "reverseTaskId", sources.reverseTaskId()),
                placeholder(identifiers, "primaryClusterId", sources.primaryClusterId()),
                placeholder(identifiers, "secondaryClusterId", sources.secondaryClusterId()),
                placeholder(identifiers, "apiName", sources.apiName()),
                placeholder(identifiers, "stageName", sources.stageName()),
                placeholder(identifiers, "loadBalancer", sources.loadBalancer()),
                placeholder(identifiers, "legacyTargetGroup", sources.legacyTargetGroup()),
                placeholder(identifiers, "newTargetGroup", sources.newTargetGroup()),
                functions);
        filter(name + "-dms-errors", dmsTaskLogGroup, DMS_ERROR_PATTERN, Metrics.REPLICATION_LOGS, "TaskErrors");
        filter(name + "-dms-warnings", dmsTaskLogGroup, DMS_WARNING_PATTERN, Metrics.REPLICATION_LOGS, "TaskWarnings");
        filter(name + "-authorizer-denies", authorizerLogGroup, AUTHORIZER_DENY_PATTERN, Metrics.API_LOGS, "AuthorizerDenies");

        for (var spec : AlarmCatalog.of(symbolic, stack.config().thresholds())) {
            var topic = spec.secondary() ? secondaryAlarmTopicArn : alarmTopicArn;
            var queries = new ArrayList<Output<MetricAlarmMetricQueryArgs>>();
            for (var query : spec.queries()) {
                queries.add(query(query, spec.period(), identifiers));
            }
            var args = MetricAlarmArgs.builder()
                    .name(stack.names().of(NameRule.GENERIC, "alarm-" + spec.purpose()))
                    .alarmDescription(spec.description())
                    .comparisonOperator(spec.comparison())
                    .threshold(spec.threshold())
                    .evaluationPeriods(spec.evaluationPeriods())
                    .datapointsToAlarm(spec.datapointsToAlarm())
                    .metricQueries(Output.all(queries))
                    .treatMissingData(spec.missingData())
                    .alarmActions(topic.applyValue(List::of))
                    .okActions(topic.applyValue(List::of));
            if (spec.alarmOnNoData()) {
                args.insufficientDataActions(topic.applyValue(List::of));
            }
            var alarm = new MetricAlarm(name + "-" + spec.purpose(), args.build(),
                    in(spec.secondary() ? Region.SECONDARY : Region.PRIMARY, o -> o));
            if (spec.critical()) {
                criticalAlarmArns.put(spec.purpose(), alarm.arn());
            }
        }

        var keys = List.copyOf(identifiers.keySet());
        var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(stack.names().of(NameRule.DASHBOARD, "payments"))
                .dashboardBody(Output.all(keys.stream().map(identifiers::get).toList()).applyValue(values -> {
                    var resolved = new LinkedHashMap<String, String>();
                    for (int i = 0; i < keys.size(); i++) {
                        resolved.put(keys.get(i), values.get(i));
                    }
                    return DashboardBody.of(resolve(symbolic, resolved), runbook(stack));
                }))
                .build(), primary());
        var region = stack.config().regions().primary();
        this.dashboardName = dashboard.dashboardName();
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

    private static Output<MetricAlarmMetricQueryArgs> query(AlarmCatalog.Query query, int period,
                                                            Map<String, Output<String>> identifiers) {
        if (query.expression() != null) {
            return Output.of(MetricAlarmMetricQueryArgs.builder().id(query.id()).expression(query.expression())
                    .returnData(true).build());
        }
        var names = List.copyOf(query.dimensions().keySet());
        var values = names.stream().map(n -> {
            var value = query.dimensions().get(n);
            return identifiers.getOrDefault(value, Output.of(value));
        }).toList();
        return Output.all(values).applyValue(resolved -> {
            var dimensions = new LinkedHashMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                dimensions.put(names.get(i), resolved.get(i));
            }
            return MetricAlarmMetricQueryArgs.builder().id(query.id()).returnData(query.returnData())
                    .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(query.namespace())
                            .metricName(query.metric()).dimensions(dimensions).stat(query.stat()).period(period).build())
                    .build();
        });
    }

    private static String placeholder(Map<String, Output<String>> identifiers, String field, Output<String> value) {
        var key = "${" + field + "}";
        identifiers.put(key, value);
        return key;
    }

    /** The symbolic resources with each placeholder replaced by its resolved value. */
    static MonitoredResources resolve(MonitoredResources s, Map<String, String> values) {
        var functions = new LinkedHashMap<String, String>();
        s.functions().forEach((label, fn) -> functions.put(label, values.getOrDefault(fn, fn)));
        return new MonitoredResources(s.primaryRegion(), s.secondaryRegion(), s.environmentSuffix(),
                v(s.replicationInstanceId(), values), v(s.forwardTaskId(), values), v(s.reverseTaskId(), values),
                v(s.primaryClusterId(), values), v(s.secondaryClusterId(), values), v(s.apiName(), values),
                v(s.stageName(), values), v(s.loadBalancer(), values), v(s.legacyTargetGroup(), values),
                v(s.newTargetGroup(), values), functions);
    }

    private static String v(String placeholder, Map<String, String> values) {
        return values.getOrDefault(placeholder, placeholder);
    }

    private static String runbook(StackContext stack) {
        var root = stack.names().parameter();
        return "## Payment migration (" + stack.names().suffix() + ")\n"
                + "State in Parameter Store under `" + root + "` (`phase`, `traffic/new-backend-percent`, "
                + "`database/active-writer`). Roll back: `pulumi config set migration:mode rollback && pulumi up`. "
                + "Runbook: README sections *Roll back, and go forward again*, *Replication (DMS)*, *The API and the traffic split*.";
    }
}
