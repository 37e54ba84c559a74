package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * CloudWatch: the plan's alarms with states a scenario sets (all OK at first), and DMS's CDC latency metrics from a
 * scriptable model. DescribeAlarms, like AWS, answers names it does not know with nothing; the names read that way
 * are kept, since a gate reading an alarm that does not exist is always quiet.
 */
public final class Metrics implements StandIn {

    /** The latest CDC latency (seconds) of a task's metric at a time, or none when DMS published no datapoint. */
    public interface LatencyModel {
        OptionalDouble latency(String taskId, String metricName, Instant at);
    }

    private final String region;
    private final String account;
    private final Map<String, StateValue> alarms = new LinkedHashMap<>();
    private final Set<String> unknownAlarmsRead = new LinkedHashSet<>();
    private final Set<String> instanceIds;
    private LatencyModel latency;
    private BiFunction<String, Instant, StateValue> alarmScript = (name, at) -> null;

    Metrics(PlannedStack stack, LatencyModel latency) {
        this.region = stack.primaryRegion();
        this.account = stack.account();
        stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").forEach(a -> alarms.put(stack.physicalName(a), StateValue.OK));
        this.instanceIds = Set.copyOf(stack.ofType("aws:dms/replicationInstance:ReplicationInstance").stream()
                .map(stack::physicalName).toList());
        this.latency = latency;
    }

    @Override
    public String errorPrefix() {
        return "CloudWatch";
    }

    @Override
    public String validationError() {
        // CloudWatch's query API names its validation error so (API reference, Common Errors).
        return "InvalidParameterValue";
    }

    public Set<String> alarmNames() {
        return alarms.keySet();
    }

    public Set<String> unknownAlarmsRead() {
        return Set.copyOf(unknownAlarmsRead);
    }

    public void setAlarm(String name, StateValue state) {
        if (!alarms.containsKey(name)) {
            throw new IllegalArgumentException("the plan creates no alarm " + name + "; it has " + alarms.keySet());
        }
        alarms.put(name, state);
    }

    /** An alarm state that depends on the time (or on anything else the scenario reads); null keeps the set one. */
    public void scriptAlarms(BiFunction<String, Instant, StateValue> script) {
        this.alarmScript = script;
    }

    public void scriptLatency(LatencyModel model) {
        this.latency = model;
    }

    private StateValue state(String name, Instant at) {
        var scripted = alarmScript.apply(name, at);
        return scripted != null ? scripted : alarms.get(name);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        return switch (operation) {
            case "describeAlarms" -> describeAlarms(call);
            case "getMetricData" -> getMetricData(call);
            default -> throw new IllegalArgumentException("cloudwatch:" + operation + " has no stand-in");
        };
    }

    private JsonNode describeAlarms(Call call) throws TaskFailure {
        var request = call.request(DescribeAlarmsRequest.class);
        if (request.alarmNames().size() > 100) {
            throw call.error(validationError(), "AlarmNames has more than 100 members");
        }
        var names = request.hasAlarmNames() ? request.alarmNames() : List.copyOf(alarms.keySet());
        for (var name : names) {
            call.authorize("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name);
        }
        var found = new ArrayList<MetricAlarm>();
        for (var name : names) {
            if (!alarms.containsKey(name)) {
                unknownAlarmsRead.add(name);
                continue;
            }
            var state = state(name, call.time());
            if (request.stateValue() == null || request.stateValue() == state) {
                found.add(MetricAlarm.builder().alarmName(name).stateValue(state)
                        .alarmArn("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name)
                        .stateReason(state == StateValue.ALARM ? "Threshold Crossed (rehearsal)" : "Threshold not crossed")
                        .stateUpdatedTimestamp(call.time()).build());
            }
        }
        return SdkShapes.write(DescribeAlarmsResponse.builder().metricAlarms(found).build());
    }

    private JsonNode getMetricData(Call call) throws TaskFailure {
        var request = call.request(GetMetricDataRequest.class);
        call.authorize("cloudwatch:GetMetricData", "*");
        if (!request.startTime().isBefore(request.endTime())) {
            throw call.error(validationError(), "The parameter StartTime must be less than the parameter EndTime.");
        }
        var results = new ArrayList<MetricDataResult>();
        for (var query : request.metricDataQueries()) {
            if (!query.id().matches("[a-z][a-zA-Z0-9_]*")) {
                throw call.error(validationError(), "The value " + query.id() + " for parameter "
                        + "MetricDataQueries.member.Id is invalid: it must start with a lower-case letter");
            }
            if (query.metricStat() == null || query.metricStat().period() % 60 != 0) {
                throw call.error(validationError(), "Query " + query.id() + " needs a MetricStat with a Period that "
                        + "is a multiple of 60");
            }
            var metric = query.metricStat().metric();
            var dimensions = new LinkedHashMap<String, String>();
            metric.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
            var value = OptionalDouble.empty();
            if ("AWS/DMS".equals(metric.namespace()) && instanceIds.contains(dimensions.get("ReplicationInstanceIdentifier"))) {
                value = latency.latency(dimensions.getOrDefault("ReplicationTaskIdentifier", ""), metric.metricName(),
                        call.time());
            }
            var result = MetricDataResult.builder().id(query.id()).label(metric.metricName()).statusCode(StatusCode.COMPLETE);
            if (value.isPresent()) {
                result.timestamps(call.time().minusSeconds(call.time().getEpochSecond() % 60)).values(value.getAsDouble());
            } else {
                result.timestamps(List.of()).values(List.of());
            }
            results.add(result.build());
        }
        return SdkShapes.write(GetMetricDataResponse.builder().metricDataResults(results).build());
    }
}
