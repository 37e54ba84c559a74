package com.paymentmigration.functions;

import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The wiring every function of the stack shares: its own encrypted log group, a role only Lambda may assume, the
 * Java runtime with its jar, environment encrypted with our key, active X-Ray tracing, JSON logs, and a place in the
 * migration VPC's private subnets (the databases are there, and every AWS API a function calls answers through the
 * VPC's endpoints). Each function adds its memory, timeout, environment and policy.
 */
public final class LambdaFunction {

    public static final String RUNTIME = "java21";
    /** Every function is traced whoever calls it; the actions its role needs for that. */
    public static final String TRACING_MODE = "Active";
    public static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    /** ENI management for functions in a VPC: these actions accept no narrower resource. */
    static final List<String> VPC_ACCESS = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    /**
     * What tells one function from another.
     *
     * @param id      the logical-name part, under the component's name (e.g. {@code trigger})
     * @param purpose the physical-name part of the function, its role and its log group (e.g. {@code rollback-trigger})
     */
    public record Definition(String id, String purpose, String description, String handler, String jar,
                             String roleDescription) {
    }

    /** The function and the log group it writes to. */
    public record Built(Function function, LogGroup logGroup) {
    }

    private LambdaFunction() {
    }

    /**
     * @param policy   the role's policy, given the log group's ARN
     * @param settings memory, timeout, environment and whatever else is the function's own
     */
    static Built create(Functions parent, Definition definition, EncryptionKeys keys, Network network,
                        java.util.function.Function<Output<String>, Output<String>> policy,
                        UnaryOperator<FunctionArgs.Builder> settings) {
        var stack = parent.stack();
        var logicalName = parent.prefix() + "-" + definition.id();
        var logGroup = Wiring.logGroup(logicalName + "-logs", stack, definition.purpose(), keys.primaryKeyArn,
                parent.childOptions(UnaryOperator.identity()));
        var role = Wiring.serviceRole(logicalName, stack, definition.purpose(), "lambda.amazonaws.com",
                definition.roleDescription(), policy.apply(logGroup.arn()), parent.childOptions(UnaryOperator.identity()));
        var args = FunctionArgs.builder()
                .name(stack.names().of(NameRule.LAMBDA_FUNCTION, definition.purpose()))
                .description(definition.description())
                .runtime(RUNTIME)
                .handler(definition.handler())
                .code(new FileArchive(definition.jar()))
                .role(role.arn())
                .kmsKeyArn(keys.primaryKeyArn)
                .tracingConfig(FunctionTracingConfigArgs.builder().mode(TRACING_MODE).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logGroup.name()).build());
        var function = new Function(logicalName, settings.apply(args).vpcConfig(privateSubnets(network)).build(),
                parent.childOptions(o -> o.dependsOn(role.policy(), logGroup)));
        return new Built(function, logGroup);
    }

    private static FunctionVpcConfigArgs privateSubnets(Network network) {
        return FunctionVpcConfigArgs.builder()
                .subnetIds(Output.all(network.subnetIds(Tier.PRIVATE)))
                .securityGroupIds(network.securityGroups.get(SecurityRules.Group.COMPUTE).id().applyValue(List::of))
                .build();
    }

    static Statement writeLogs(String logGroupArn) {
        return Statement.allow("WriteLogs").actions("logs:CreateLogStream", "logs:PutLogEvents").resources(logGroupArn + ":*");
    }

    /** What Lambda's X-Ray daemon needs to send the segments of an actively traced function (these take no resource). */
    static Statement sendTraces() {
        return Statement.allow("SendTraces").actions(TRACE_ACTIONS).resources("*");
    }

    static Statement runInTheVpc() {
        return Statement.allow("RunInTheVpc").actions(VPC_ACCESS).resources("*");
    }
}
