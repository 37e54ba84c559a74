package com.paymentmigration.orchestration;

/**
 * The service calls the state machines make, each with the IAM action it needs. Tasks are built only from these, so
 * an execution role can be written from what a definition calls, and a test can hold the two against each other.
 * Direct integrations wherever AWS has an API; Lambda functions only for what needs SQL on the databases (the
 * validator, replication-ops).
 */
public enum Integration {
    SSM_PUT_PARAMETER("arn:aws:states:::aws-sdk:ssm:putParameter", "ssm:PutParameter"),
    SSM_GET_PARAMETER("arn:aws:states:::aws-sdk:ssm:getParameter", "ssm:GetParameter"),
    SNS_PUBLISH("arn:aws:states:::sns:publish", "sns:Publish"),
    S3_PUT_OBJECT("arn:aws:states:::aws-sdk:s3:putObject", "s3:PutObject"),
    DMS_TEST_CONNECTION("arn:aws:states:::aws-sdk:databasemigration:testConnection", "dms:TestConnection"),
    DMS_DESCRIBE_CONNECTIONS("arn:aws:states:::aws-sdk:databasemigration:describeConnections", "dms:DescribeConnections"),
    DMS_DESCRIBE_TASKS("arn:aws:states:::aws-sdk:databasemigration:describeReplicationTasks",
            "dms:DescribeReplicationTasks"),
    DMS_START_TASK("arn:aws:states:::aws-sdk:databasemigration:startReplicationTask", "dms:StartReplicationTask"),
    DMS_STOP_TASK("arn:aws:states:::aws-sdk:databasemigration:stopReplicationTask", "dms:StopReplicationTask"),
    RDS_DESCRIBE_GLOBAL_CLUSTERS("arn:aws:states:::aws-sdk:rds:describeGlobalClusters", "rds:DescribeGlobalClusters"),
    SECRETS_DESCRIBE("arn:aws:states:::aws-sdk:secretsmanager:describeSecret", "secretsmanager:DescribeSecret"),
    CLOUDWATCH_DESCRIBE_ALARMS("arn:aws:states:::aws-sdk:cloudwatch:describeAlarms", "cloudwatch:DescribeAlarms"),
    CLOUDWATCH_GET_METRIC_DATA("arn:aws:states:::aws-sdk:cloudwatch:getMetricData", "cloudwatch:GetMetricData"),
    API_GET_STAGE("arn:aws:states:::aws-sdk:apigateway:getStage", "apigateway:GET"),
    API_UPDATE_STAGE("arn:aws:states:::aws-sdk:apigateway:updateStage", "apigateway:PATCH"),
    ROUTE53_CHANGE_RECORD_SETS("arn:aws:states:::aws-sdk:route53:changeResourceRecordSets",
            "route53:ChangeResourceRecordSets"),
    LAMBDA_INVOKE("arn:aws:states:::lambda:invoke", "lambda:InvokeFunction"),
    START_EXECUTION("arn:aws:states:::aws-sdk:sfn:startExecution", "states:StartExecution"),
    LIST_EXECUTIONS("arn:aws:states:::aws-sdk:sfn:listExecutions", "states:ListExecutions"),
    STOP_EXECUTION("arn:aws:states:::aws-sdk:sfn:stopExecution", "states:StopExecution");

    /** The Task state's Resource. */
    public final String resource;
    /** The IAM action the execution role needs for it. */
    public final String action;

    Integration(String resource, String action) {
        this.resource = resource;
        this.action = action;
    }

    public static Integration ofResource(String resource) {
        for (var integration : values()) {
            if (integration.resource.equals(resource)) {
                return integration;
            }
        }
        throw new IllegalArgumentException("no integration calls " + resource);
    }
}
