package com.paymentmigration.dns;

import com.paymentmigration.core.MigrationComponent;
import com.paymentmigration.core.Region;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.monitoring.AlarmCatalog;
import com.paymentmigration.monitoring.Monitoring;
import com.paymentmigration.naming.NameRule;
import com.paymentmigration.network.Network;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.ParameterSpec;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.service.PaymentService;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordWeightedRoutingPolicyArgs;
import com.pulumi.aws.route53.inputs.ZoneVpcArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weighted DNS as the other way to shift traffic: the name clients use resolves to the legacy backend's
 * addresses or to the payment service's load balancer, by weight. Both backends are private, where Route 53's
 * checkers cannot reach, so each record's health check follows a CloudWatch alarm on its load balancer's healthy
 * targets instead; Route 53 then stops answering with a backend that has none.
 */
public final class WeightedDns extends MigrationComponent {

    public static final String TYPE = "migration:dns:WeightedDns";
    /** The weights belong to whoever shifts traffic; an up must not reset a shift in progress. */
    static final String RUNTIME_MANAGED = "weightedRoutingPolicies";
    /** While an alarm has no data yet, a record keeps the health it had (new records start healthy). */
    static final String NO_DATA_HEALTH = "LastKnownStatus";

    public final Output<String> zoneId;
    public final Output<String> recordName;
    /** The zone and both record sets as deployed: what a shift must write back with new weights. */
    public final Output<WeightedName.Zone> zone;

    /**
     * @param alarms the alarms that fire when the legacy backend has no healthy target and when the service has no
     *               healthy task, which the records' health checks follow
     */
    public WeightedDns(String name, StackContext stack, List<Network> clientVpcs, PaymentService service,
                       Monitoring.Alarms alarms, Parameters parameters) {
        super(TYPE, name, stack);
        var dns = stack.config().dns();
        this.zoneId = dns.createsZone() ? privateZone(name, clientVpcs).zoneId() : Output.of(dns.hostedZoneId());
        this.recordName = dns.domainName().isEmpty()
                ? Route53Functions.getZone(GetZoneArgs.builder().zoneId(dns.hostedZoneId()).build(),
                        InvokeOptions.builder().provider(Region.PRIMARY.provider(stack)).build())
                        .applyValue(zone -> dns.recordName(zone.name()))
                : Output.of(dns.recordName(dns.domainName()));

        var legacyCheck = alarmHealthCheck(name + "-legacy-health", "dns-legacy", alarms.name(AlarmCatalog.LEGACY_DOWN));
        var newCheck = alarmHealthCheck(name + "-new-health", "dns-new", alarms.name(AlarmCatalog.SERVICE_DOWN));
        var legacyIps = stack.config().api().legacy().ips();
        this.zone = Output.tuple(zoneId, legacyCheck.id(), newCheck.id(), service.loadBalancerDnsName,
                service.loadBalancerZoneId, recordName).applyValue(t -> new WeightedName.Zone(t.t1,
                new WeightedName.RecordSets(t.t6, legacyIps, t.t2, t.t4, t.t5, t.t3)));

        new Record(name + "-legacy", weighted(WeightedName.LEGACY, WeightedName.INITIAL_LEGACY_WEIGHT, legacyCheck)
                .ttl(WeightedName.TTL_SECONDS)
                .records(legacyIps)
                .build(), primary(o -> o.ignoreChanges(RUNTIME_MANAGED)));
        // An alias takes the load balancer's own TTL (60 s) and follows its addresses as they change.
        new Record(name + "-new", weighted(WeightedName.NEW, WeightedName.INITIAL_NEW_WEIGHT, newCheck)
                .aliases(RecordAliasArgs.builder()
                        .name(service.loadBalancerDnsName)
                        .zoneId(service.loadBalancerZoneId)
                        .evaluateTargetHealth(true)
                        .build())
                .build(), primary(o -> o.ignoreChanges(RUNTIME_MANAGED)));

        mirror(parameters);
        registerOutputs(Map.of("zoneId", zoneId, "recordName", recordName));
    }

    /** The deployed zone and record sets, or empty when the stack has no weighted name. */
    public static Output<Optional<WeightedName.Zone>> zoneOf(Optional<WeightedDns> dns) {
        return dns.map(d -> d.zone.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
    }

    private Zone privateZone(String name, List<Network> clientVpcs) {
        return new Zone(name + "-zone", ZoneArgs.builder()
                .name(stack.config().dns().domainName())
                .comment("Weighted name of the payment service during the migration (" + stack.names().suffix() + ")")
                .vpcs(clientVpcs.stream().map(vpc -> ZoneVpcArgs.builder().vpcId(vpc.vpcId)
                        .vpcRegion(vpc.role.region.code(stack)).build()).toList())
                // Records the stack did not create must not block a destroy of a zone that exists only for it.
                .forceDestroy(true)
                .build(), primary());
    }

    private HealthCheck alarmHealthCheck(String logicalName, String purpose, Output<String> alarmName) {
        return new HealthCheck(logicalName, HealthCheckArgs.builder()
                .type("CLOUDWATCH_METRIC")
                .cloudwatchAlarmName(alarmName)
                .cloudwatchAlarmRegion(stack.config().regions().primary())
                .insufficientDataHealthStatus(NO_DATA_HEALTH)
                .referenceName(stack.names().of(NameRule.GENERIC, purpose))
                .tags(Map.of("Name", stack.names().of(NameRule.GENERIC, purpose)))
                .build(), primary());
    }

    private RecordArgs.Builder weighted(String setIdentifier, int weight, HealthCheck check) {
        return RecordArgs.builder()
                .zoneId(zoneId)
                .name(recordName)
                .type("A")
                .setIdentifier(setIdentifier)
                .weightedRoutingPolicies(RecordWeightedRoutingPolicyArgs.builder().weight(weight).build())
                .healthCheckId(check.id());
    }

    /** Where the weights and the record live, for the state machines and operators that shift them. */
    private void mirror(Parameters parameters) {
        parameters.publish(ParameterKey.DNS_ZONE_ID, zoneId, ParameterSpec.Kind.CONFIGURED,
                "hosted zone of the weighted name");
        parameters.publish(ParameterKey.DNS_RECORD_NAME, recordName, ParameterSpec.Kind.CONFIGURED,
                "the weighted name clients use");
        parameters.publish(WeightedName.LEGACY_WEIGHT_PARAMETER, Output.of(String.valueOf(WeightedName.INITIAL_LEGACY_WEIGHT)),
                ParameterSpec.Kind.RUNTIME, "weight of the legacy record set; written by whoever shifts traffic by DNS");
        parameters.publish(WeightedName.NEW_WEIGHT_PARAMETER, Output.of(String.valueOf(WeightedName.INITIAL_NEW_WEIGHT)),
                ParameterSpec.Kind.RUNTIME, "weight of the new record set; written by whoever shifts traffic by DNS");
    }
}
