package com.paymentmigration.policy;

import com.paymentmigration.plan.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.paymentmigration.policy.Resources.check;
import static com.paymentmigration.policy.Resources.dependingOn;
import static com.paymentmigration.policy.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The log group Enhanced Monitoring writes to is the stack's, in the instance's region, and made first. */
class AuroraOsMetricsLogGroupTest {

    private static final String INSTANCE = AuroraEnhancedMonitoring.INSTANCE;
    private static final String LOG_GROUP = AuroraOsMetricsLogGroupManaged.LOG_GROUP;
    private final AuroraOsMetricsLogGroupManaged rule = new AuroraOsMetricsLogGroupManaged();

    private static RecordedResource instance(String name, Map<String, Object> inputs) {
        return resource(INSTANCE, name, inputs);
    }

    private static RecordedResource osMetrics(String name) {
        return resource(LOG_GROUP, name, Map.of("name", "RDSOSMetrics", "kmsKeyId", "arn:kms", "retentionInDays", 365));
    }

    /** The same resource under the other region's provider. */
    private static RecordedResource inSecondary(RecordedResource r) {
        return new RecordedResource(r.urn(), r.type(), r.name(), r.parent(),
                "urn:pulumi:dev::migration::pulumi:providers:aws::aws-secondary::aws-secondary-provider-id",
                r.dependsOn(), r.custom(), r.read(), r.options(), r.inputs());
    }

    @Test
    void aMonitoredInstanceDependsOnTheGroupOfItsOwnRegion() {
        var group = osMetrics("os-metrics");
        var monitored = instance("db-0", Map.of("monitoringInterval", 60));
        assertThat(check(rule, group, dependingOn(monitored, group))).isEmpty();

        assertThat(check(rule, group, monitored)).extracting(Finding::message).containsExactly(
                "does not depend on the RDSOSMetrics log group of its region; RDS may create the group first and the "
                        + "stack's create then fails");
        var secondaryOnly = inSecondary(group);
        assertThat(check(rule, secondaryOnly, dependingOn(monitored, secondaryOnly))).extracting(Finding::message)
                .containsExactly("writes Enhanced Monitoring to a RDSOSMetrics group the stack does not hold in its "
                        + "region; RDS would create it without our key or retention");
        var otherName = resource(LOG_GROUP, "other", Map.of("name", "/migration/dev/db", "kmsKeyId", "arn:kms"));
        assertThat(check(rule, otherName, dependingOn(monitored, otherName))).hasSize(1);
    }

    @Test
    void onlyMonitoredInstancesNeedItAndAnotherStacksGroupIsDeclaredByTag() {
        assertThat(check(rule, instance("off", Map.of("monitoringInterval", 0)), instance("unset", Map.of()))).isEmpty();
        var elsewhere = instance("db-0", Map.of("monitoringInterval", 60,
                "tags", Map.of(AuroraOsMetricsLogGroupManaged.ELSEWHERE_TAG, "true")));
        assertThat(check(rule, elsewhere)).isEmpty();
        var notQuite = instance("db-0", Map.of("monitoringInterval", 60,
                "tags", Map.of(AuroraOsMetricsLogGroupManaged.ELSEWHERE_TAG, "false")));
        assertThat(check(rule, notQuite)).hasSize(1);
    }

    @Test
    void theGroupItselfIsHeldToTheKeyAndRetentionOfEveryLogGroup() {
        var unencrypted = resource(LOG_GROUP, "os-metrics", Map.of("name", "RDSOSMetrics"));
        assertThat(check(new LogGroupsEncryptedWithRetention(), unencrypted)).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("has no kmsKeyId"));
        assertThat(List.of(osMetrics("g"))).allSatisfy(g -> assertThat(check(new LogGroupsEncryptedWithRetention(), g)).isEmpty());
    }
}
