package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.node.TextNode;
import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.parameters.ParameterKey;

import java.util.List;

import static com.paymentmigration.orchestration.Flow.expr;
import static com.paymentmigration.orchestration.Flow.obj;

/**
 * The building blocks both state machines use, each a few states on one {@link Flow}: record a phase, notify, read
 * the alarms, read a task's status, stop a task idempotently, measure CDC latency, write a checkpoint.
 * Every one first reads the state it would change, so a flow built from them can run again from anywhere.
 */
final class Steps {

    /** DMS task status, as describe-replication-tasks reports it. */
    static final String RUNNING = "running";
    /** Polling bounds: each poll is about 9 history events, so no loop comes near the 25,000-event limit. */
    static final int TASK_STATE_CHECKS = 60;
    static final int TASK_STATE_WAIT_SECONDS = 15;
    /** Latency that cannot be read counts as too high: no data is never a reason to move on. */
    static final int UNKNOWN_LATENCY = 999_999;
    /** JSONata, in a GetMetricData Task's Assign: the latest CDC latency of either side, or UNKNOWN_LATENCY. */
    static final String LATEST_LATENCY = "$max($states.result.MetricDataResults.($exists(Values[0]) ? Values[0] : "
            + UNKNOWN_LATENCY + "))";

    final Flow flow;
    final Targets targets;

    Steps(Flow flow, Targets targets) {
        this.flow = flow;
        this.targets = targets;
    }

    Flow.Task putParameter(String state, ParameterKey key, String value, String next) {
        return flow.task(state, Integration.SSM_PUT_PARAMETER, List.of(targets.parameterArn(key)))
                .arguments(obj("Name", targets.parameter(key), "Value", value, "Type", "String", "Overwrite", true))
                .output(expr("$states.input"))
                .next(next);
    }

    /**
     * Both weighted record sets with new weights in one change batch (Route 53 applies a batch atomically), then
     * their mirrors in Parameter Store. The weights are JSONata expressions giving numbers.
     *
     * @return the first state
     */
    String shiftDns(String state, String legacyWeight, String newWeight, String next) {
        var zone = targets.weightedDns().orElseThrow();
        var batch = WeightedName.changeBatch(zone.recordSets(), TextNode.valueOf(expr(legacyWeight)),
                TextNode.valueOf(expr(newWeight)));
        var recordLegacy = state + ": record legacy weight";
        var recordNew = state + ": record new weight";
        flow.task(state, Integration.ROUTE53_CHANGE_RECORD_SETS, List.of(targets.hostedZoneArn()))
                .arguments(obj("HostedZoneId", zone.id(), "ChangeBatch", batch))
                .output(expr("$states.input"))
                .next(recordLegacy);
        putParameter(recordLegacy, Targets.DNS_LEGACY_WEIGHT, expr("$string(" + legacyWeight + ")"), recordNew);
        putParameter(recordNew, Targets.DNS_NEW_WEIGHT, expr("$string(" + newWeight + ")"), next);
        return state;
    }

    Flow.Task notify(String state, String topicArn, String subject, String message, String next) {
        return flow.task(state, Integration.SNS_PUBLISH, List.of(topicArn))
                .arguments(obj("TopicArn", topicArn, "Subject", subject, "Message", message))
                .output(expr("$states.input"))
                .next(next);
    }

    /** Writes the phase to Parameter Store and announces it on the status topic; returns the first state's name. */
    String phase(String phase, String next) {
        var record = "Record phase " + phase;
        var announce = "Announce phase " + phase;
        putParameter(record, Targets.PHASE, phase, announce);
        notify(announce, targets.statusTopicArn(), "Payment migration (" + targets.stageName() + "): " + phase,
                expr("$string({'phase': '" + phase + "', 'execution': $states.context.Execution.Id, 'at': $now()})"),
                next);
        return record;
    }

    /** Reads the critical alarms; any in ALARM goes to {@code firing}, else to {@code quiet}. */
    void checkAlarms(String state, String quiet, String firing) {
        var choice = state + ": quiet?";
        flow.task(state, Integration.CLOUDWATCH_DESCRIBE_ALARMS, List.of("*"))
                .arguments(obj("AlarmNames", targets.criticalAlarms(), "StateValue", "ALARM"))
                .assign("firingAlarms", expr("[$states.result.MetricAlarms.AlarmName]"))
                .output(expr("$states.input"))
                .next(choice);
        flow.choice(choice).when(expr("$count($firingAlarms) = 0"), quiet).otherwise(firing);
    }

    /** Reads a task's status into {@code $taskStatus} and its statistics into {@code $taskStats}. */
    Flow.Task describeTask(String state, String taskArn, String next) {
        return flow.task(state, Integration.DMS_DESCRIBE_TASKS, List.of("*"))
                .arguments(obj("Filters", List.of(obj("Name", "replication-task-arn", "Values", List.of(taskArn))),
                        "WithoutSettings", true))
                .assign("taskStatus", expr("$states.result.ReplicationTasks[0].Status"))
                .assign("taskStats", expr("$states.result.ReplicationTasks[0].ReplicationTaskStats"))
                .output(expr("$states.input"))
                .next(next);
    }

    /** Stops a task if it runs and waits (bounded) until it has stopped; a task not running is left alone. */
    String stopTask(String label, String taskArn, String next) {
        var describe = "Describe " + label + " before stopping";
        var choose = label + ": stop needed?";
        var stop = "Stop " + label;
        var wait = "Wait for " + label + " to stop";
        var poll = "Poll " + label + " stopping";
        var arrived = label + ": stopped?";
        describeTask(describe, taskArn, choose).assign("taskChecks", 0);
        flow.choice(choose)
                .when(expr("$taskStatus in ['running', 'starting', 'resuming']"), stop)
                .when(expr("$taskStatus = 'stopping'"), wait)
                .otherwise(next);
        flow.task(stop, Integration.DMS_STOP_TASK, List.of(taskArn))
                .arguments(obj("ReplicationTaskArn", taskArn))
                .output(expr("$states.input"))
                .next(wait);
        flow.waitFor(wait, TASK_STATE_WAIT_SECONDS).next(poll);
        describeTask(poll, taskArn, arrived).assign("taskChecks", expr("$taskChecks + 1"));
        flow.choice(arrived)
                .when(expr("$taskStatus in ['stopped', 'failed', 'ready']"), next)
                .when(expr("$taskChecks >= " + TASK_STATE_CHECKS),
                        failWith(label + " did not stop", "TaskDidNotStop", "the " + label + " did not stop"))
                .otherwise(wait);
        return describe;
    }

    /**
     * Reads the last minute's CDC latency of a task (the larger of source and target latency, in seconds) into
     * {@code $cdcLatency}; no datapoint reads as {@link #UNKNOWN_LATENCY}.
     */
    Flow.Task measureLatency(String state, String taskId, String next) {
        var dimensions = List.of(
                obj("Name", "ReplicationInstanceIdentifier", "Value", targets.replicationInstanceId()),
                obj("Name", "ReplicationTaskIdentifier", "Value", taskId));
        var queries = List.of("CDCLatencySource", "CDCLatencyTarget").stream().map(metric -> obj(
                "Id", metric.equals("CDCLatencySource") ? "source" : "target",
                "MetricStat", obj("Metric", obj("Namespace", "AWS/DMS", "MetricName", metric,
                        "Dimensions", dimensions), "Period", 60, "Stat", "Maximum"))).toList();
        return flow.task(state, Integration.CLOUDWATCH_GET_METRIC_DATA, List.of("*"))
                .arguments(obj("MetricDataQueries", queries, "ScanBy", "TimestampDescending",
                        "StartTime", expr("$fromMillis($millis() - 300000)"), "EndTime", expr("$now()")))
                .assign("cdcLatency", expr(LATEST_LATENCY))
                .output(expr("$states.input"))
                .next(next);
    }

    /** Writes a JSON document to {@code key} of {@code bucket} (both buckets are versioned and KMS-encrypted). */
    Flow.Task putObject(String state, String bucket, String prefix, String key, String body, String next) {
        return flow.task(state, Integration.S3_PUT_OBJECT, List.of(targets.bucketObjects(bucket, prefix)))
                .arguments(obj("Bucket", bucket, "Key", key, "Body", body, "ContentType", "application/json"))
                .output(expr("$states.input"))
                .next(next);
    }

    /** A Pass that turns a failed gate into an error, shaped like a caught one, for the flow's failure state. */
    String failWith(String state, String error, String cause) {
        return failWith(state, error, cause, flow.failureState());
    }

    /** The same, leading to {@code next} instead (a failure inside a write freeze must thaw first). */
    String failWith(String state, String error, String cause, String next) {
        flow.pass(state)
                .output(obj("failedState", state, "error", obj("Error", error, "Cause", cause)))
                .next(next);
        return state;
    }
}
