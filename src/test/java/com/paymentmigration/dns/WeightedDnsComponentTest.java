package com.paymentmigration.dns;

import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.monitoring.AlarmCatalog;
import com.paymentmigration.monitoring.Monitoring;
import com.paymentmigration.network.SecurityRules;
import com.paymentmigration.network.SubnetPlan;
import com.paymentmigration.network.VpcRole;
import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.parameters.Parameters;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.service.PaymentService;
import com.paymentmigration.stack.ComponentFixture;
import com.paymentmigration.storage.Storage;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.paymentmigration.stack.ComponentFixture.given;
import static com.paymentmigration.stack.ComponentFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment service and the weighted name built without the rest of the stack: the service reads the given
 * database endpoint and secret, and each record's health check follows the alarm it is given by purpose.
 */
class WeightedDnsComponentTest {

    private final StackRun run = ComponentFixture.run(stack -> {
        var keys = new EncryptionKeys("keys", stack);
        var migration = ComponentFixture.network(stack, VpcRole.MIGRATION, keys);
        var config = stack.config();
        var plans = new EnumMap<VpcRole, SubnetPlan>(VpcRole.class);
        for (var role : VpcRole.values()) {
            plans.put(role, SubnetPlan.of(role.cidr(config), config.networks().availabilityZoneCount()));
        }
        var parameters = new Parameters("parameters", stack, keys);
        var service = new PaymentService("service", stack, keys, migration,
                SecurityRules.serviceClients(plans, config.networks().onPrem(), true), secret("given-service-db", ""),
                given("given-writer.cluster"), parameters,
                new Storage("storage", stack, keys).loadBalancerLogs.orElseThrow());
        new WeightedDns("dns", stack, List.of(migration), service, new Monitoring.Alarms(List.of(), Map.of(
                AlarmCatalog.LEGACY_DOWN, given("given-legacy-down"), AlarmCatalog.SERVICE_DOWN, given("given-service-down"))),
                parameters);
    });

    @Test
    void eachRecordsHealthCheckFollowsTheAlarmOfItsBackend() {
        assertThat(run.one("aws:route53/healthCheck:HealthCheck", "dns-legacy-health").stringInput("cloudwatchAlarmName"))
                .isEqualTo("given-legacy-down");
        assertThat(run.one("aws:route53/healthCheck:HealthCheck", "dns-new-health").stringInput("cloudwatchAlarmName"))
                .isEqualTo("given-service-down");
        assertThat(run.one("aws:ssm/parameter:Parameter", "dns-new-weight").stringInput("name"))
                .isEqualTo(ParameterKey.DNS_NEW_WEIGHT.nameUnder("/migration/dev"));
    }

    @Test
    void theServiceConnectsToTheGivenEndpointWithTheGivenSecret() {
        assertThat(run.one("aws:ssm/parameter:Parameter", "service-database-endpoint").stringInput("insecureValue"))
                .isEqualTo("given-writer.cluster");
        assertThat(run.one("aws:ssm/parameter:Parameter", "service-database-secret-arn").stringInput("insecureValue"))
                .contains("given-service-db");
        assertThat(run.one("aws:iam/rolePolicy:RolePolicy", "service-task-policy").stringInput("policy"))
                .contains("given-service-db", "parameter/migration/dev/service/*");
    }
}
