package com.paymentmigration.rehearsal.standins;

import java.util.List;
import java.util.Map;

/**
 * The required members of the shapes our state machines send. The SDK's field metadata does not carry the model's
 * {@code required} trait (its RequiredTrait marks only a few S3 URI members), and the service models are not in the
 * SDK jars, so they are listed here from each operation's API reference ("Required: Yes"):
 * SSM GetParameter and PutParameter; SNS Publish; S3 PutObject; DMS TestConnection, DescribeConnections,
 * DescribeReplicationTasks (Filter), StartReplicationTask, StopReplicationTask; Secrets Manager DescribeSecret;
 * CloudWatch DescribeAlarms, GetMetricData (MetricDataQuery, MetricStat, Metric's Dimension); API Gateway GetStage,
 * UpdateStage; Route 53 ChangeResourceRecordSets (ChangeBatch, Change, ResourceRecordSet, ResourceRecord,
 * AliasTarget); Lambda Invoke; Step Functions StartExecution, ListExecutions, StopExecution.
 * A shape absent here has no required member.
 */
final class RequiredMembers {

    private static final String SDK = "software.amazon.awssdk.services.";

    private static final Map<String, List<String>> BY_SHAPE = Map.ofEntries(
            Map.entry(SDK + "ssm.model.GetParameterRequest", List.of("Name")),
            Map.entry(SDK + "ssm.model.PutParameterRequest", List.of("Name", "Value")),
            Map.entry(SDK + "sns.model.PublishRequest", List.of("Message")),
            Map.entry(SDK + "s3.model.PutObjectRequest", List.of("Bucket", "Key")),
            Map.entry(SDK + "databasemigration.model.TestConnectionRequest", List.of("ReplicationInstanceArn", "EndpointArn")),
            Map.entry(SDK + "databasemigration.model.Filter", List.of("Name", "Values")),
            Map.entry(SDK + "databasemigration.model.StartReplicationTaskRequest",
                    List.of("ReplicationTaskArn", "StartReplicationTaskType")),
            Map.entry(SDK + "databasemigration.model.StopReplicationTaskRequest", List.of("ReplicationTaskArn")),
            Map.entry(SDK + "secretsmanager.model.DescribeSecretRequest", List.of("SecretId")),
            Map.entry(SDK + "cloudwatch.model.GetMetricDataRequest", List.of("MetricDataQueries", "StartTime", "EndTime")),
            Map.entry(SDK + "cloudwatch.model.MetricDataQuery", List.of("Id")),
            Map.entry(SDK + "cloudwatch.model.MetricStat", List.of("Metric", "Period", "Stat")),
            Map.entry(SDK + "cloudwatch.model.Dimension", List.of("Name", "Value")),
            Map.entry(SDK + "apigateway.model.GetStageRequest", List.of("RestApiId", "StageName")),
            Map.entry(SDK + "apigateway.model.UpdateStageRequest", List.of("RestApiId", "StageName")),
            Map.entry(SDK + "route53.model.ChangeResourceRecordSetsRequest", List.of("HostedZoneId", "ChangeBatch")),
            Map.entry(SDK + "route53.model.ChangeBatch", List.of("Changes")),
            Map.entry(SDK + "route53.model.Change", List.of("Action", "ResourceRecordSet")),
            Map.entry(SDK + "route53.model.ResourceRecordSet", List.of("Name", "Type")),
            Map.entry(SDK + "route53.model.ResourceRecord", List.of("Value")),
            Map.entry(SDK + "route53.model.AliasTarget", List.of("HostedZoneId", "DNSName", "EvaluateTargetHealth")),
            Map.entry(SDK + "lambda.model.InvokeRequest", List.of("FunctionName")),
            Map.entry(SDK + "sfn.model.StartExecutionRequest", List.of("StateMachineArn")),
            Map.entry(SDK + "sfn.model.StopExecutionRequest", List.of("ExecutionArn")));

    private RequiredMembers() {
    }

    static List<String> of(Class<?> shape) {
        return BY_SHAPE.getOrDefault(shape.getName(), List.of());
    }

    /** For the test that holds the table against the SDK: every listed member exists on its shape. */
    static Map<String, List<String>> table() {
        return BY_SHAPE;
    }
}
