package com.paymentmigration.monitoring;

import com.paymentmigration.api.Api;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Outputs;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.StateMachine;
import com.paymentmigration.database.Database;
import com.paymentmigration.functions.Functions;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.notifications.Notifications;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.replication.Replication;
import com.paymentmigration.service.PaymentService;
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
import java.util.IdentityHashMap;
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
    public final Alarms alarms;

    /** An alarm as the resources that follow it name it: rules match its ARN, describe-alarms takes its name. */
    public record AlarmRef(String purpose, Output<String> name, Output<String> arn) {
    }

    /**
     * The alarms others act on.
     *
     * @param critical     the alarms that start the automatic rollback, in catalog order
     * @param namesByPurpose every alarm's name by its purpose ({@link AlarmCatalog}'s constants): health checks and
     *                     runbooks refer to alarms by name
     */
    public record Alarms(List<AlarmRef> critical, Map<String, Output<String>> namesByPurpose) {
        public Alarms {
            critical = List.copyOf(critical);
            namesByPurpose = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namesByPurpose));
        }

        public Output<String> name(String purpose) {
            var name = namesByPurpose.get(purpose);
            if (name == null) {
                throw new IllegalArgumentException("no alarm '" + purpose + "'; the stack has " + namesByPurpose.keySet());
            }
            return name;
        }
    }

    /**
     * What is watched, from the components that own it.
     *
     * @param service the payment service, when the stack runs it
     */
    public record Parts(Replication.Refs replication, Database.Refs database, Api.Refs api, Functions.Refs functions,
                        Notifications.Refs notifications, Optional<PaymentService.Dimensions> service) {
    }

    public Monitoring(String name, StackContext stack, Parts parts) {
        super(TYPE, name, stack);
        // The builders take plain strings: alarms get placeholders (each dimension value is resolved to its output
        // below), the dashboard gets the resolved values.
        var machines = new Machines(StateMachine.MIGRATION.arn(stack), StateMachine.ROLLBACK.arn(stack));
        var placeholders = new Placeholders();
        var symbolic = resources(stack, parts, machines, placeholders::of);
        var dmsTaskLogGroup = parts.replication().taskLogGroupName();
        filter(name + "-dms-errors", dmsTaskLogGroup, DMS_ERROR_PATTERN, Metrics.REPLICATION, "TaskErrors");
        filter(name + "-dms-warnings", dmsTaskLogGroup, DMS_WARNING_PATTERN, Metrics.REPLICATION, "TaskWarnings");
        filter(name + "-authorizer-denies", parts.functions().authorizerLogGroupName(), AUTHORIZER_DENY_PATTERN,
                Metrics.API_LOGS, "AuthorizerDenies");

        var critical = new ArrayList<AlarmRef>();
        var namesByPurpose = new LinkedHashMap<String, Output<String>>();
        for (var spec : AlarmCatalog.of(symbolic, stack.config().thresholds())) {
            var topic = spec.secondary() ? parts.notifications().secondaryAlarmTopicArn()
                    : parts.notifications().alarmTopicArn();
            var args = MetricAlarmArgs.builder()
                    .name(stack.names().alarm(spec.purpose()))
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
            metrics(args, spec, placeholders.outputs);
            var alarm = new MetricAlarm(name + "-" + spec.purpose(), args.build(),
                    in(spec.secondary() ? Region.SECONDARY : Region.PRIMARY, o -> o));
            if (spec.critical()) {
                critical.add(new AlarmRef(spec.purpose(), alarm.name(), alarm.arn()));
            }
            namesByPurpose.put(spec.purpose(), alarm.name());
        }
        this.alarms = new Alarms(critical, namesByPurpose);

        var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(stack.names().of(NameRule.DASHBOARD, "payments"))
                .dashboardBody(Outputs.resolved(placeholders.outputs).applyValue(values ->
                        DashboardBody.of(resources(stack, parts, machines, output -> values.get(placeholders.existing(output))),
                                runbook(stack))))
                .build(), primary());
        var region = stack.config().regions().primary();
        this.dashboardUrl = dashboard.dashboardName().applyValue(n -> "https://" + region + ".console.aws.amazon.com/"
                + "cloudwatch/home?region=" + region + "#dashboards:name=" + n);
        registerOutputs(Map.of("dashboardUrl", dashboardUrl));
    }

    /**
     * A placeholder for each watched output, by the output itself (not by a name someone has to spell twice):
     * {@code ${0}}, {@code ${1}}, ... in the order the builders ask for them.
     */
    private static final class Placeholders {
        final Map<String, Output<String>> outputs = new LinkedHashMap<>();
        private final Map<Output<String>, String> keys = new IdentityHashMap<>();

        String of(Output<String> output) {
            return "${" + keyOf(output) + "}";
        }

        private String keyOf(Output<String> output) {
            return keys.computeIfAbsent(output, o -> {
                var key = String.valueOf(outputs.size());
                outputs.put(key, o);
                return key;
            });
        }

        /** The key of an output {@link #of} has seen: the resolved pass asks for exactly the same outputs. */
        String existing(Output<String> output) {
            var key = keys.get(output);
            if (key == null) {
                throw new IllegalStateException("an output the alarms were not built from; build both from one Parts");
            }
            return key;
        }
    }

    /** The state machines' ARNs, known before they exist, as outputs (the account is one). */
    private record Machines(Output<String> migration, Output<String> rollback) {
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

    /** The watched resources with each identifier taken from {@code value}: a placeholder, or the resolved value. */
    private static MonitoredResources resources(StackContext stack, Parts parts, Machines machines,
                                                Function<Output<String>, String> value) {
        var replication = parts.replication();
        var database = parts.database();
        var api = parts.api();
        var functions = new LinkedHashMap<String, String>();
        parts.functions().namesByLabel().forEach((label, name) -> functions.put(label, value.apply(name)));
        return new MonitoredResources(stack.config().regions().primary(), stack.config().regions().secondary(),
                stack.names().suffix(), value.apply(replication.instanceId()),
                value.apply(replication.forward().resourceId()), value.apply(replication.reverse().resourceId()),
                value.apply(database.primaryClusterId()), value.apply(database.secondaryClusterId()),
                value.apply(api.apiName()), value.apply(api.stageName()), value.apply(api.loadBalancerArnSuffix()),
                value.apply(api.legacyTargetGroupArnSuffix()), value.apply(api.newTargetGroupArnSuffix()), functions,
                value.apply(machines.migration()), value.apply(machines.rollback()), stack.names().webAcl(),
                parts.service().map(tier -> new MonitoredResources.ServiceTier(value.apply(tier.cluster()),
                        value.apply(tier.service()), value.apply(tier.loadBalancer()), value.apply(tier.targetGroup()))));
    }

    private static String runbook(StackContext stack) {
        var root = stack.names().parameter();
        return "## Payment migration (" + stack.names().suffix() + ")\n"
                + "State in Parameter Store under `" + root + "` (`" + ParameterKey.PHASE.key() + "`, `"
                + ParameterKey.TRAFFIC_NEW_BACKEND_PERCENT.key() + "`, `" + ParameterKey.DATABASE_ACTIVE_WRITER.key()
                + "`). Roll back: `pulumi config set migration:mode rollback && pulumi up`. "
                + "Runbook: README sections *Roll back, and go forward again*, *Replication (DMS)*, *The API and the traffic split*.";
    }
}
