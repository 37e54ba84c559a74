package com.paymentmigration.network;

import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkStackTest {

    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    private static List<RecordedResource> subnets(StackRun run, String vpc, String tier) {
        return run.ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.stringInput("vpcId").equals(vpc + "-vpc") && tier.equals(s.stringInput("tags.Tier"))).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "production, private, 3", "production, public, 3", "production, database, 3", "production, dms, 3",
            "production, tgw, 3", "migration, private, 3", "migration, tgw, 3",
            "secondary, private, 3", "secondary, public, 0", "secondary, database, 3", "secondary, tgw, 3",
    })
    void subnetsPerTierAndAz(String vpc, String tier, int count) {
        var found = subnets(run, vpc, tier);
        assertThat(found).hasSize(count);
        assertThat(found).extracting(s -> s.stringInput("availabilityZone")).doesNotHaveDuplicates();
        assertThat(found).allSatisfy(s -> assertThat(s.inputs()).containsEntry("mapPublicIpOnLaunch", false));
    }

    @Test
    void twoAzsMakeTwoSubnetsPerTierAtTheSameAddresses() {
        var two = StackFixture.dev("availabilityZoneCount=2");
        assertThat(subnets(two, "production", "private")).extracting(s -> s.stringInput("cidrBlock"))
                .containsExactly("10.10.0.0/20", "10.10.16.0/20");
        assertThat(subnets(run, "production", "private")).extracting(s -> s.stringInput("cidrBlock"))
                .startsWith("10.10.0.0/20", "10.10.16.0/20");
    }

    @Test
    void moreAzsThanTheRegionHasIsAConfigError() {
        var four = StackFixture.dev("availabilityZoneCount=4");
        assertThat(four.succeeded()).isFalse();
        assertThat(four.exceptions()).anySatisfy(e -> assertThat(e).hasRootCauseInstanceOf(InvalidConfigException.class)
                .rootCause().hasMessageContaining("migration:availabilityZoneCount = '4': eu-central-1 has 3 available zones")
                .hasMessageContaining("set it to 3 or fewer"));
        assertThat(four.resources()).noneMatch(r -> r.type().startsWith("aws:ec2/"));
    }

    @Test
    void oneNatPerVpcByDefaultOnePerAzWhenAsked() {
        assertThat(run.ofType("aws:ec2/natGateway:NatGateway")).hasSize(2);
        assertThat(StackFixture.dev("natPerAz=true").ofType("aws:ec2/natGateway:NatGateway")).hasSize(6);
    }

    @Test
    void flowLogsOnEveryVpcToAnEncryptedGroup() {
        assertThat(run.ofType("aws:ec2/flowLog:FlowLog")).extracting(f -> f.stringInput("vpcId"))
                .containsExactlyInAnyOrder("production-vpc", "migration-vpc", "secondary-vpc");
        var group = run.one("aws:cloudwatch/logGroup:LogGroup", "secondary-flow-logs");
        assertThat(group.inputs()).containsEntry("name", "/migration/dev/vpc-flow-logs-secondary")
                .containsEntry("kmsKeyId", "arn:aws:kms:eu-central-2:123456789012:key/keys-secondary")
                .containsEntry("retentionInDays", 30L);
        assertThat(run.one("aws:ec2/flowLog:FlowLog", "secondary-flow-log").dependsOn())
                .anyMatch(u -> u.endsWith("RolePolicy::secondary-flow-logs-policy"));
    }

    @Test
    void everyVpcsDefaultSecurityGroupIsManagedWithoutRules() {
        var defaults = run.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertThat(defaults).extracting(g -> g.stringInput("vpcId"))
                .containsExactlyInAnyOrder("production-vpc", "migration-vpc", "secondary-vpc");
        assertThat(defaults).allSatisfy(g -> assertThat(g.inputs()).containsEntry("ingress", List.of())
                .containsEntry("egress", List.of()));
        assertThat(run.one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "secondary-default-sg").providerName())
                .contains("aws-secondary");
    }

    @Test
    void privateApiAccessThroughEndpointsWithPrivateDns() {
        var interfaces = run.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.stringInput("vpcEndpointType"))).toList();
        // Both VPCs with internet egress; X-Ray and the image registry in the migration VPC, where the functions and
        // the service run.
        assertThat(interfaces).hasSize(2 * Network.INTERFACE_ENDPOINTS.size() + Network.FUNCTION_ENDPOINTS.size()
                + Network.IMAGE_ENDPOINTS.size());
        assertThat(interfaces).filteredOn(e -> e.stringInput("serviceName").endsWith(".xray"))
                .extracting(RecordedResource::name).containsExactly("migration-xray");
        assertThat(interfaces).filteredOn(e -> e.stringInput("serviceName").contains(".ecr."))
                .extracting(RecordedResource::name).containsExactlyInAnyOrder("migration-ecr.api", "migration-ecr.dkr");
        assertThat(interfaces).allSatisfy(e -> {
            assertThat(e.inputs()).containsEntry("privateDnsEnabled", true);
            assertThat(e.input("subnetIds")).hasValueSatisfying(ids -> assertThat((List<?>) ids).hasSize(3));
        });
        assertThat(interfaces).extracting(e -> e.stringInput("serviceName"))
                .contains("com.amazonaws.eu-central-1.secretsmanager", "com.amazonaws.eu-central-1.states");
        var s3 = run.one("aws:ec2/vpcEndpoint:VpcEndpoint", "migration-s3");
        assertThat(s3.inputs()).containsEntry("vpcEndpointType", "Gateway");
        assertThat(s3.input("routeTableIds")).hasValueSatisfying(ids -> assertThat(ids.toString()).contains("migration-private-0-rt"));
        assertThat(run.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "migration-dms-s3").inputs())
                .containsEntry("prefixListId", "pl-migration-s3");
    }

    @Test
    void noIngressFromTheInternet() {
        // Private address space, or another of our security groups; never the internet.
        assertThat(run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .isNotEmpty()
                .allSatisfy(r -> {
                    if (r.stringInput("referencedSecurityGroupId") == null) {
                        assertThat(r.stringInput("cidrIpv4")).matches("(10\\.|172\\.(1[6-9]|2\\d|3[01])\\.|192\\.168\\.).*");
                    }
                });
    }
}
