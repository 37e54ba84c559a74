package com.paymentmigration.network;

import com.paymentmigration.config.Cidr;
import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.core.Wiring;
import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.SecurityRules.Direction;
import com.paymentmigration.network.SecurityRules.Group;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One VPC: subnet tiers across the AZs from {@link SubnetPlan}, route tables per tier, NAT (one per VPC, or one
 * per AZ), flow logs to an encrypted log group, private access to AWS APIs, and a security group per tier with
 * the rules of {@link SecurityRules}. Routes to other networks through the Transit Gateway are added by the
 * transit component, which owns the attachments.
 */
public final class Network extends MigrationComponent {

    public static final String TYPE = "migration:network:Network";
    /** AWS APIs the Lambdas, DMS and the service call; reached privately through interface endpoints. */
    public static final List<String> INTERFACE_ENDPOINTS = List.of("secretsmanager", "ssm", "sts", "sns", "logs",
            "monitoring", "states", "kms");
    /** Image pulls of the payment service's tasks, kept off the NAT gateway (layers come through the S3 endpoint). */
    public static final List<String> IMAGE_ENDPOINTS = List.of("ecr.api", "ecr.dkr");
    /**
     * Trace segments of the functions, which run in the migration VPC: their security group lets traffic out only to
     * the VPC and S3, so X-Ray is reached through its endpoint whichever network path Lambda's daemon takes.
     */
    public static final List<String> FUNCTION_ENDPOINTS = List.of("xray");
    /** VPC flow log records are aggregated per minute rather than ten: incidents during a cutover are short. */
    static final int FLOW_LOG_AGGREGATION_SECONDS = 60;

    public final VpcRole role;
    public final SubnetPlan plan;
    public final Output<String> vpcId;
    public final Map<Tier, List<Subnet>> subnets = new EnumMap<>(Tier.class);
    /** Route tables whose traffic to on-prem and the other VPCs goes through the Transit Gateway. */
    public final List<RouteTable> routedTables = new ArrayList<>();
    public final Map<Group, SecurityGroup> securityGroups = new EnumMap<>(Group.class);

    public Network(String name, StackContext stack, VpcRole role, SubnetPlan plan, List<String> zones,
                   List<SecurityRules.Rule> rules, EncryptionKeys keys) {
        super(TYPE, name, stack, role.region, null);
        this.role = role;
        this.plan = plan;
        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(plan.vpc().toString())
                // Interface endpoints with private DNS need both.
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label)))
                .build(), home());
        this.vpcId = vpc.id();

        for (var tier : Tier.values()) {
            if (tier == Tier.PUBLIC && !role.internetEgress) {
                continue;
            }
            var cidrs = plan.subnets(tier);
            var list = new ArrayList<Subnet>();
            for (int az = 0; az < cidrs.size(); az++) {
                list.add(subnet(name, tier, az, cidrs.get(az), zones.get(az)));
            }
            subnets.put(tier, list);
        }
        routeTables(name, zones.size());
        flowLogs(name, keys);
        securityGroups(name, rules);
        closeDefaultSecurityGroup(name);
        if (role.internetEgress) {
            endpoints(name);
        }
        registerOutputs(Map.of("vpcId", vpcId));
    }

    public List<Output<String>> subnetIds(Tier tier) {
        return subnets.get(tier).stream().map(Subnet::id).toList();
    }

    private Subnet subnet(String name, Tier tier, int az, Cidr cidr, String zone) {
        var label = tier.label + "-" + zone.substring(zone.length() - 1);
        return new Subnet(name + "-" + label, SubnetArgs.builder()
                .vpcId(vpcId)
                .cidrBlock(cidr.toString())
                .availabilityZone(zone)
                .mapPublicIpOnLaunch(false)
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label + "-" + label), "Tier", tier.label))
                .build(), home());
    }

    private void routeTables(String name, int azCount) {
        var allAzs = java.util.stream.IntStream.range(0, azCount).boxed().toList();
        if (role.internetEgress) {
            var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder().vpcId(vpcId)
                    .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label + "-igw"))).build(), home());
            var publicTable = table(name, "public", Tier.PUBLIC, allAzs);
            new Route(name + "-public-internet", RouteArgs.builder().routeTableId(publicTable.id())
                    .destinationCidrBlock("0.0.0.0/0").gatewayId(igw.id()).build(), home());
            routedTables.add(publicTable);
            // One NAT per VPC unless asked for one per AZ: each costs an hourly fee plus data processing.
            int nats = stack.config().networks().natPerAz() ? azCount : 1;
            for (int n = 0; n < nats; n++) {
                var eip = new Eip(name + "-nat-" + n + "-eip", EipArgs.builder().domain("vpc").build(), home());
                var nat = new NatGateway(name + "-nat-" + n, NatGatewayArgs.builder()
                        .allocationId(eip.id())
                        .subnetId(subnets.get(Tier.PUBLIC).get(n).id())
                        .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label + "-nat-" + n)))
                        .build(), home(o -> o.dependsOn(igw)));
                int first = n;
                var azs = allAzs.stream().filter(az -> az % nats == first).toList();
                var privateTable = table(name, "private-" + n, Tier.PRIVATE, azs);
                associate(name, "private-" + n, privateTable, Tier.DMS, azs);
                new Route(name + "-private-" + n + "-internet", RouteArgs.builder().routeTableId(privateTable.id())
                        .destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build(), home());
                routedTables.add(privateTable);
            }
        } else {
            var privateTable = table(name, "private-0", Tier.PRIVATE, allAzs);
            associate(name, "private-0", privateTable, Tier.DMS, allAzs);
            routedTables.add(privateTable);
        }
        // The database tier has no default route: Aurora answers, it never calls out.
        routedTables.add(table(name, "database", Tier.DATABASE, allAzs));
        // Attachment ENIs need no routes of their own; a separate table keeps them out of the others' changes.
        table(name, "tgw", Tier.TRANSIT, allAzs);
    }

    private RouteTable table(String name, String label, Tier tier, List<Integer> azs) {
        var table = new RouteTable(name + "-" + label + "-rt", RouteTableArgs.builder().vpcId(vpcId)
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label + "-" + label))).build(), home());
        associate(name, label, table, tier, azs);
        return table;
    }

    private void associate(String name, String label, RouteTable table, Tier tier, List<Integer> azs) {
        for (int az : azs) {
            new RouteTableAssociation(name + "-" + label + "-" + tier.label + "-" + az, RouteTableAssociationArgs.builder()
                    .routeTableId(table.id()).subnetId(subnets.get(tier).get(az).id()).build(), home());
        }
    }

    private void flowLogs(String name, EncryptionKeys keys) {
        var group = Wiring.logGroup(name + "-flow-logs", stack, "vpc-flow-logs-" + role.label,
                keys.keyArn(role.region), home());
        var role = Wiring.serviceRole(name + "-flow-logs", stack, "flow-logs-" + this.role.label,
                "vpc-flow-logs.amazonaws.com", "VPC flow logs of the " + this.role.label + " VPC",
                group.arn().applyValue(arn -> PolicyDocument.of(
                        Statement.allow("WriteFlowLogs")
                                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                                .resources(arn, arn + ":*"),
                        Statement.allow("FindLogGroups").actions("logs:DescribeLogGroups").resources("*")).toJson()),
                home());
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpcId)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(FLOW_LOG_AGGREGATION_SECONDS)
                .build(), home(o -> o.dependsOn(role.policy())));
    }

    private void securityGroups(String name, List<SecurityRules.Rule> rules) {
        for (var group : Group.values()) {
            var label = group.name().toLowerCase();
            securityGroups.put(group, new SecurityGroup(name + "-" + label + "-sg", SecurityGroupArgs.builder()
                    .name(stack.names().of(NameRule.SECURITY_GROUP, role.label + "-" + label))
                    .description(role.label + " VPC: " + label + " tier")
                    .vpcId(vpcId)
                    // Terraform strips the default allow-all egress; every egress below is deliberate.
                    .revokeRulesOnDelete(true)
                    .build(), home()));
        }
        var counters = new LinkedHashMap<String, Integer>();
        for (var rule : rules) {
            var key = rule.group().name().toLowerCase() + "-" + rule.direction().name().toLowerCase();
            int n = counters.merge(key, 1, Integer::sum) - 1;
            var groupId = securityGroups.get(rule.group()).id();
            if (rule.direction() == Direction.INGRESS) {
                new SecurityGroupIngressRule(name + "-" + key + "-" + n, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(groupId).ipProtocol("tcp").fromPort(rule.port()).toPort(rule.port())
                        .cidrIpv4(rule.cidr().toString()).description(rule.description()).build(), home());
            } else {
                new SecurityGroupEgressRule(name + "-" + key + "-" + n, SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(groupId).ipProtocol("tcp").fromPort(rule.port()).toPort(rule.port())
                        .cidrIpv4(rule.cidr().toString()).description(rule.description()).build(), home());
            }
        }
    }

    /**
     * AWS gives every VPC a default group that admits its own members and lets everything out; anything launched
     * without a group lands in it. Managed with no rules at all, it connects nothing: the provider removes the rules
     * it finds when it adopts the group; destroy only forgets the group (AWS deletes it with the VPC).
     */
    private void closeDefaultSecurityGroup(String name) {
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpcId)
                .ingress(List.of())
                .egress(List.of())
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, role.label + "-default-closed")))
                .build(), home());
    }

    private void endpoints(String name) {
        var region = role.region.code(stack);
        var s3 = new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(routedTables.stream().map(RouteTable::id).toList()))
                .build(), home());
        // S3 through the gateway endpoint is addressed by its prefix list, not a CIDR.
        for (var group : List.of(Group.COMPUTE, Group.DMS)) {
            new SecurityGroupEgressRule(name + "-" + group.name().toLowerCase() + "-s3", SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(securityGroups.get(group).id()).ipProtocol("tcp")
                    .fromPort(SecurityRules.HTTPS).toPort(SecurityRules.HTTPS)
                    .prefixListId(s3.prefixListId()).description("S3 through the gateway endpoint").build(), home());
        }
        var services = new ArrayList<>(INTERFACE_ENDPOINTS);
        if (role == VpcRole.MIGRATION) {
            services.addAll(FUNCTION_ENDPOINTS);
        }
        if (role == VpcRole.MIGRATION && stack.config().service().enabled()) {
            services.addAll(IMAGE_ENDPOINTS);
        }
        for (var service : services) {
            new VpcEndpoint(name + "-" + service, VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName("com.amazonaws." + region + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(Output.all(subnetIds(Tier.PRIVATE)))
                    .securityGroupIds(securityGroups.get(Group.ENDPOINTS).id().applyValue(List::of))
                    .build(), home());
        }
    }
}
