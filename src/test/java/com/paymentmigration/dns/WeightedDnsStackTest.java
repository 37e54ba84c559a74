package com.paymentmigration.dns;

import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.stack.StackFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WeightedDnsStackTest {

    private static final String RECORD = "aws:route53/record:Record";
    private static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    private static StackRun run;

    @BeforeAll
    static void plan() {
        run = StackFixture.dev();
    }

    @Test
    void legacyAndNewShareTheNameAndStartAt100To0() {
        var records = run.ofType(RECORD);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.inputs()).containsEntry("name", "payments.dev.payments.internal").containsEntry("type", "A");
            assertThat(r.stringInput("zoneId")).isEqualTo(run.outputs().get("dnsZoneId"));
            assertThat(r.options().ignoreChanges()).as("the weights belong to whoever shifts traffic")
                    .containsExactly("weightedRoutingPolicies");
        });
        var legacy = run.one(RECORD, "dns-legacy");
        assertThat(legacy.inputs()).containsEntry("setIdentifier", "legacy").containsEntry("ttl", 60L)
                .containsEntry("records", List.of("172.16.20.11", "172.16.20.12"))
                .containsEntry("weightedRoutingPolicies", List.of(Map.of("weight", 100L)));
        var next = run.one(RECORD, "dns-new");
        assertThat(next.inputs()).containsEntry("setIdentifier", "new")
                .containsEntry("weightedRoutingPolicies", List.of(Map.of("weight", 0L)))
                .doesNotContainKey("ttl").doesNotContainKey("records");
        assertThat(next.input("aliases.0").orElseThrow()).as("the ALB's own zone, not ours").isEqualTo(Map.of(
                "name", "internal-migration-payments-svc-dev.elb.eu-central-1.amazonaws.com",
                "zoneId", "Z3F0SRJ5LGBH90", "evaluateTargetHealth", true));
    }

    @Test
    void eachRecordHasAHealthCheckThatFollowsItsBackendsAlarm() {
        var checks = run.ofType(HEALTH_CHECK);
        assertThat(checks).hasSize(2).allSatisfy(c -> assertThat(c.inputs())
                .containsEntry("type", "CLOUDWATCH_METRIC").containsEntry("cloudwatchAlarmRegion", "eu-central-1")
                .containsEntry("insufficientDataHealthStatus", "LastKnownStatus"));
        assertThat(run.one(HEALTH_CHECK, "dns-legacy-health").stringInput("cloudwatchAlarmName"))
                .isEqualTo("migration-alarm-legacy-backend-down-dev");
        assertThat(run.one(HEALTH_CHECK, "dns-new-health").stringInput("cloudwatchAlarmName"))
                .isEqualTo("migration-alarm-service-down-dev");
        assertThat(run.one(RECORD, "dns-legacy").stringInput("healthCheckId")).isEqualTo("dns-legacy-health");
        assertThat(run.one(RECORD, "dns-new").stringInput("healthCheckId")).isEqualTo("dns-new-health");
        // The alarms exist under exactly those names, as plain single-metric alarms with a standard statistic
        // (Route 53 refuses metric math and percentiles).
        var followed = run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> List.of("migration-alarm-legacy-backend-down-dev", "migration-alarm-service-down-dev")
                        .contains(a.stringInput("name"))).toList();
        assertThat(followed).hasSize(2).allSatisfy(a -> {
            assertThat(a.inputs()).containsKey("metricName").doesNotContainKey("metricQueries");
            assertThat(a.stringInput("statistic")).isIn("Average", "Minimum", "Maximum", "Sum", "SampleCount");
            assertThat(a.inputs()).containsEntry("period", 60L);
        });
    }

    @Test
    void aPrivateZoneServesBothPrimaryVpcsUnlessAZoneIsGiven() {
        var zone = run.one("aws:route53/zone:Zone", "dns-zone");
        assertThat(zone.inputs()).containsEntry("name", "dev.payments.internal").containsEntry("forceDestroy", true);
        assertThat(zone.input("vpcs").orElseThrow()).isEqualTo(List.of(
                Map.of("vpcId", "production-vpc", "vpcRegion", "eu-central-1"),
                Map.of("vpcId", "migration-vpc", "vpcRegion", "eu-central-1")));
        var given = StackFixture.dev("dnsHostedZoneId=Z0123456789ABCDEFGHIJ");
        assertThat(given.ofType("aws:route53/zone:Zone")).isEmpty();
        assertThat(given.ofType(RECORD)).allSatisfy(r -> assertThat(r.stringInput("zoneId")).isEqualTo("Z0123456789ABCDEFGHIJ"));
        assertThat(given.invokes("aws:route53/getZone:getZone")).as("the domain is configured").isEmpty();
        // A zone alone: its domain is looked up, and the name lives under it.
        var zoneOnly = StackFixture.dev("dnsHostedZoneId=Z0123456789ABCDEFGHIJ", "dnsDomainName=");
        assertThat(zoneOnly.invokes("aws:route53/getZone:getZone")).singleElement()
                .satisfies(i -> assertThat(i.args()).containsEntry("zoneId", "Z0123456789ABCDEFGHIJ"));
        assertThat(zoneOnly.ofType(RECORD)).allSatisfy(r -> assertThat(r.stringInput("name"))
                .isEqualTo("payments.z0123456789abcdefghij.zones.plan.internal"));
        assertThat(zoneOnly.outputs()).containsEntry("dnsRecordName", "payments.z0123456789abcdefghij.zones.plan.internal");
    }

    @Test
    void theWeightsAreMirroredInParameterStoreForWhoeverShiftsThem() {
        var legacy = run.one("aws:ssm/parameter:Parameter", "dns-legacy-weight");
        assertThat(legacy.inputs()).containsEntry("name", "/migration/dev/dns/legacy-weight").containsEntry("insecureValue", "100");
        assertThat(legacy.options().ignoreChanges()).contains("insecureValue");
        assertThat(run.one("aws:ssm/parameter:Parameter", "dns-new-weight").inputs()).containsEntry("insecureValue", "0");
        assertThat(run.one("aws:ssm/parameter:Parameter", "dns-record-name").inputs())
                .containsEntry("insecureValue", "payments.dev.payments.internal");
    }

    @Test
    void withoutADomainThereIsNoDns() {
        var none = StackFixture.dev("dnsDomainName=", "trafficShiftBy=api");
        assertThat(none.ofType(RECORD)).isEmpty();
        assertThat(none.ofType(HEALTH_CHECK)).isEmpty();
        assertThat(none.resources()).extracting(RecordedResource::type).doesNotContain("migration:dns:WeightedDns");
        assertThat(none.outputs()).doesNotContainKey("dnsZoneId");
    }
}
