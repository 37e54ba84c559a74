package com.paymentmigration.service;

import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.Tier;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.ParameterSpec;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.secrets.ExistingSecret;
import com.paymentmigration.storage.LoadBalancerLogDelivery;
import com.paymentmigration.storage.SecureBucket;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceAlarmsArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new payment service: ECS Fargate tasks in the migration VPC's private subnets behind an internal application
 * load balancer, which the API reaches through its private link as the "new" backend. Deployments roll back on
 * their own when new tasks fail (circuit breaker), and auto scaling follows CPU and memory.
 */
public final class PaymentService extends MigrationComponent {

    public static final String TYPE = "migration:service:PaymentService";
    /** The TLS policy of the listener: TLS 1.3, and 1.2 with forward-secret ciphers only. */
    static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    static final int HTTP_PORT = 80;
    /** Seconds a draining task keeps its in-flight requests; shorter than the container's stop timeout. */
    static final int DEREGISTRATION_DELAY_SECONDS = 30;
    /** A JVM's start-up: health checks failing before this do not count against a new task. */
    static final int HEALTH_CHECK_GRACE_SECONDS = 120;
    static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
    /** Scale in slowly: a traffic step doubles load within seconds, and cold tasks need time. */
    static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    /** Auto scaling owns the task count after the first deploy; an up must not reset it. */
    static final String RUNTIME_MANAGED = "desiredCount";
    /** The purpose of the alarm on the service's 5XX rate, which also rolls back a deployment that raises it. */
    public static final String DEPLOYMENT_ALARM = "service-target-5xx-rate";

    public final Output<String> loadBalancerArn;
    /** The AWS/ApplicationELB metric dimensions of the load balancer and target group. */
    public final Output<String> loadBalancerArnSuffix;
    public final Output<String> targetGroupArnSuffix;
    public final Output<String> loadBalancerDnsName;
    /** The load balancer's own hosted zone, which alias records name. */
    public final Output<String> loadBalancerZoneId;
    /** The TLS listener: the API's target group can register the load balancer only once it exists. */
    public final Listener tlsListener;
    public final Output<String> clusterName;
    public final Output<String> serviceName;
    public final Output<String> imageRepositoryUrl;
    /** The ECS service and its load balancer as AWS/ECS and AWS/ApplicationELB name them in metrics. */
    public record Dimensions(Output<String> cluster, Output<String> service, Output<String> loadBalancer,
                             Output<String> targetGroup) {
    }

    /** What the dashboard and the alarms watch. */
    public final Dimensions dimensions;

    public PaymentService(String name, StackContext stack, EncryptionKeys keys, Network migration,
                          List<SecurityRules.Client> clients, ExistingSecret dbSecret, Output<String> databaseEndpoint,
                          Parameters parameters, SecureBucket accessLogs) {
        super(TYPE, name, stack);
        var config = stack.config().service();
        var region = stack.config().regions().primary();

        Output<String> repositoryUrl;
        Output<String> repositoryArn;
        if (config.createsRepository()) {
            var repository = new Repository(name + "-images", RepositoryArgs.builder()
                    .name(stack.names().of(NameRule.ECR_REPOSITORY, "payments-service"))
                    // A tag names one image forever, so the running tasks and the audit trail agree on what ran.
                    .imageTagMutability("IMMUTABLE")
                    .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                    .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                            .encryptionType("KMS").kmsKey(keys.primaryKeyArn).build())
                    .forceDelete(true)
                    .build(), primary());
            repositoryUrl = repository.repositoryUrl();
            repositoryArn = repository.arn();
        } else {
            repositoryUrl = Output.of(config.imageRepository());
            repositoryArn = Output.of(ServicePolicies.repositoryArn(config.imageRepository()));
        }
        this.imageRepositoryUrl = repositoryUrl;

        var logGroup = Wiring.logGroup(name + "-logs", stack, "payments-service", keys.primaryKeyArn, primary());
        var cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                .name(stack.names().of(NameRule.ECS, "payments"))
                // Running-task counts on the dashboard come from Container Insights.
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), primary());
        this.clusterName = cluster.name();

        var parameterPath = stack.names().parameter(ParameterKey.Sections.SERVICE);
        var writeFreeze = ParameterKey.DATABASE_WRITE_FREEZE.name(stack.names());
        var activeWriter = ParameterKey.DATABASE_ACTIVE_WRITER.name(stack.names());
        // The writers' contract the state machines wait out: the service caches the flags no longer than it says.
        var flagMaxAge = ParameterKey.DATABASE_WRITER_FLAG_MAX_AGE_SECONDS.name(stack.names());
        var longestTransaction = ParameterKey.DATABASE_LONGEST_WRITE_TRANSACTION_SECONDS.name(stack.names());
        publishSettings(parameters, dbSecret, databaseEndpoint);
        var execution = Wiring.serviceRole(name + "-execution", stack, "payments-service-execution",
                "ecs-tasks.amazonaws.com", "ECS agent of the payment service: pulls its image, writes its log",
                Output.tuple(repositoryArn, logGroup.arn()).applyValue(t -> ServicePolicies.executionRole(t.t1, t.t2)),
                primary());
        var task = Wiring.serviceRole(name + "-task", stack, "payments-service-task", "ecs-tasks.amazonaws.com",
                "The payment service itself: reads its own secret and parameters",
                Output.tuple(stack.accountId(), dbSecret.arn(), dbSecret.kmsKeyArn()).applyValue(t -> {
                    var account = t.t1;
                    return ServicePolicies.taskRole(t.t2, t.t3, List.of(ParameterKey.arn(region, account, parameterPath),
                                    ParameterKey.arn(region, account, parameterPath + "/*")),
                            List.of(ParameterKey.arn(region, account, writeFreeze),
                                    ParameterKey.arn(region, account, activeWriter),
                                    ParameterKey.arn(region, account, flagMaxAge),
                                    ParameterKey.arn(region, account, longestTransaction)));
                }), primary());

        var environment = new LinkedHashMap<String, String>();
        environment.put("AWS_REGION", region);
        environment.put("PARAMETER_PATH", parameterPath);
        environment.put("WRITE_FREEZE_PARAMETER", writeFreeze);
        environment.put("ACTIVE_WRITER_PARAMETER", activeWriter);
        environment.put("FLAG_MAX_AGE_PARAMETER", flagMaxAge);
        environment.put("LONGEST_TRANSACTION_PARAMETER", longestTransaction);
        var taskDefinition = new TaskDefinition(name + "-task-definition", TaskDefinitionArgs.builder()
                .family(stack.names().of(NameRule.ECS, "payments"))
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(config.cpu()))
                .memory(String.valueOf(config.memoryMb()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture("X86_64").build())
                .executionRoleArn(execution.arn())
                .taskRoleArn(task.arn())
                .volumes(TaskDefinitionVolumeArgs.builder().name(ContainerDefinition.SCRATCH_VOLUME).build())
                .containerDefinitions(Output.tuple(repositoryUrl, logGroup.name()).applyValue(t ->
                        ContainerDefinition.json(new ContainerDefinition.Spec(t.t1 + ":" + config.imageTag(),
                                config.containerPort(), config.healthCheckPath(), t.t2, region, environment))))
                .build(), primary());

        var loadBalancerGroup = securityGroup(name + "-alb-sg", "service-alb", "Payment service load balancer", migration);
        var tasksGroup = securityGroup(name + "-tasks-sg", "service-tasks", "Payment service tasks", migration);
        allowClients(name, loadBalancerGroup, clients, config);
        new SecurityGroupEgressRule(name + "-alb-to-tasks", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(loadBalancerGroup.id()).referencedSecurityGroupId(tasksGroup.id())
                .ipProtocol("tcp").fromPort(config.containerPort()).toPort(config.containerPort())
                .description("Requests to the tasks").build(), primary());
        new SecurityGroupIngressRule(name + "-tasks-from-alb", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(tasksGroup.id()).referencedSecurityGroupId(loadBalancerGroup.id())
                .ipProtocol("tcp").fromPort(config.containerPort()).toPort(config.containerPort())
                .description("Requests from the load balancer only").build(), primary());

        var loadBalancer = new LoadBalancer(name + "-alb", LoadBalancerArgs.builder()
                .name(stack.names().of(NameRule.LOAD_BALANCER, "payments-svc"))
                .internal(true)
                .loadBalancerType("application")
                .subnets(Output.all(migration.subnetIds(Tier.PRIVATE)))
                .securityGroups(loadBalancerGroup.id().applyValue(List::of))
                // Requests with malformed headers are dropped, not passed to the payment code (request smuggling).
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(false)
                // Every request, who sent it and what became of it (PCI DSS 10.2), to the S3-managed-key log bucket.
                .accessLogs(LoadBalancerAccessLogsArgs.builder().enabled(true).bucket(accessLogs.name)
                        .prefix(LoadBalancerLogDelivery.PREFIX).build())
                .build(), primary(o -> o.dependsOn(accessLogs.policy)));
        var targets = new TargetGroup(name + "-targets", TargetGroupArgs.builder()
                .name(stack.names().of(NameRule.TARGET_GROUP, "payments-svc"))
                // awsvpc tasks are registered by IP address; the default, instance, cannot take them.
                .targetType("ip")
                .port(config.containerPort())
                .protocol("HTTP")
                .vpcId(migration.vpcId)
                .deregistrationDelay(DEREGISTRATION_DELAY_SECONDS)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .protocol("HTTP").path(config.healthCheckPath()).matcher("200")
                        .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3).build())
                .build(), primary());
        var listeners = new ArrayList<Resource>();
        this.tlsListener = new Listener(name + "-tls", ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(config.listenerPort())
                .protocol("HTTPS")
                .certificateArn(config.certificateArn())
                .sslPolicy(TLS_POLICY)
                .defaultActions(forward(targets))
                .build(), primary());
        listeners.add(tlsListener);
        if (config.httpListener()) {
            listeners.add(new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(loadBalancer.arn()).port(HTTP_PORT).protocol("HTTP")
                    .defaultActions(forward(targets)).build(), primary()));
        }

        var dependencies = new ArrayList<Resource>(listeners);
        // The agent's and the app's rights must exist before the first task starts, and outlive the last one.
        dependencies.add(execution.policy());
        dependencies.add(task.policy());
        var service = new Service(name + "-service", ServiceArgs.builder()
                .name(stack.names().of(NameRule.ECS, "payments"))
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .launchType("FARGATE")
                .desiredCount(config.minTasks())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(Output.all(migration.subnetIds(Tier.PRIVATE)))
                        .securityGroups(Output.all(tasksGroup.id(),
                                migration.securityGroups.get(SecurityRules.Group.COMPUTE).id()))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder().targetGroupArn(targets.arn())
                        .containerName(ContainerDefinition.CONTAINER_NAME).containerPort(config.containerPort()).build())
                .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                // Tasks that start but answer with errors pass the circuit breaker; the 5XX alarm catches them.
                .alarms(ServiceAlarmsArgs.builder().enable(true).rollback(true)
                        .alarmNames(stack.names().alarm(DEPLOYMENT_ALARM)).build())
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(200)
                .enableExecuteCommand(false)
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                // With a repository this stack creates, the image is pushed after the first up: do not wait for it.
                .waitForSteadyState(!config.createsRepository())
                .build(), primary(o -> o.dependsOn(dependencies).ignoreChanges(RUNTIME_MANAGED)));
        this.serviceName = service.name();
        autoScaling(name, cluster, service, config);

        this.loadBalancerArn = loadBalancer.arn();
        this.loadBalancerArnSuffix = loadBalancer.arnSuffix();
        this.loadBalancerDnsName = loadBalancer.dnsName();
        this.loadBalancerZoneId = loadBalancer.zoneId();
        this.targetGroupArnSuffix = targets.arnSuffix();
        this.dimensions = new Dimensions(clusterName, serviceName, loadBalancerArnSuffix, targetGroupArnSuffix);
        registerOutputs(Map.of("loadBalancerDnsName", loadBalancerDnsName, "clusterName", clusterName,
                "serviceName", serviceName, "imageRepositoryUrl", imageRepositoryUrl));
    }

    /** What the service reads at start-up, under its own parameter path (the task role reads nothing else). */
    private void publishSettings(Parameters parameters, ExistingSecret dbSecret, Output<String> databaseEndpoint) {
        parameters.publish(ParameterKey.SERVICE_DATABASE_ENDPOINT, databaseEndpoint, ParameterSpec.Kind.CONFIGURED,
                "Aurora writer endpoint the payment service connects to");
        parameters.publish(ParameterKey.SERVICE_DATABASE_NAME, Output.of(stack.config().onPrem().dbName()),
                ParameterSpec.Kind.CONFIGURED, "database the payment service uses");
        parameters.publish(ParameterKey.SERVICE_DATABASE_SECRET_ARN, dbSecret.arn(), ParameterSpec.Kind.CONFIGURED,
                "secret with the payment service's database credentials (rotated; read it on every new connection)");
    }

    private SecurityGroup securityGroup(String logicalName, String purpose, String description, Network migration) {
        return new SecurityGroup(logicalName, SecurityGroupArgs.builder()
                .name(stack.names().of(NameRule.SECURITY_GROUP, purpose))
                .description(description)
                .vpcId(migration.vpcId)
                .revokeRulesOnDelete(true)
                .build(), primary());
    }

    private void allowClients(String name, SecurityGroup group, List<SecurityRules.Client> clients,
                              MigrationConfig.Service config) {
        var ports = new ArrayList<>(List.of(config.listenerPort()));
        if (config.httpListener()) {
            ports.add(HTTP_PORT);
        }
        for (int i = 0; i < clients.size(); i++) {
            for (int port : ports) {
                var client = clients.get(i);
                new SecurityGroupIngressRule(name + "-alb-from-" + i + "-" + port, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(group.id()).cidrIpv4(client.cidr().toString())
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .description(client.description()).build(), primary());
            }
        }
    }

    private static ListenerDefaultActionArgs forward(TargetGroup targets) {
        return ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build();
    }

    /** Target tracking on CPU and on memory: whichever needs more tasks wins, and scale-in waits for both. */
    private void autoScaling(String name, Cluster cluster, Service service, MigrationConfig.Service config) {
        var target = new Target(name + "-scaling", TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(Output.format("service/%s/%s", cluster.name(), service.name()))
                .minCapacity(config.minTasks())
                .maxCapacity(config.maxTasks())
                .build(), primary());
        scalingPolicy(name + "-scale-on-cpu", "service-cpu", target, "ECSServiceAverageCPUUtilization",
                config.cpuTargetPercent());
        scalingPolicy(name + "-scale-on-memory", "service-memory", target, "ECSServiceAverageMemoryUtilization",
                config.memoryTargetPercent());
    }

    private void scalingPolicy(String logicalName, String purpose, Target target, String metric, int percent) {
        new Policy(logicalName, PolicyArgs.builder()
                .name(stack.names().of(NameRule.GENERIC, purpose))
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(metric).build())
                        .targetValue((double) percent)
                        .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                        .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                        .build())
                .build(), primary());
    }
}
