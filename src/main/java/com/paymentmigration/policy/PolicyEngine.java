package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.Comparator;
import java.util.List;

/** Runs the project's rules; {@code plan} exits 1 when any finding remains. */
public final class PolicyEngine {

    private final List<PolicyRule> rules;

    public PolicyEngine(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PolicyEngine standard() {
        return new PolicyEngine(List.of(
                new NamesCarrySuffix(),
                new NothingProtectedOrRetained(),
                new EveryResourceTagged(),
                new LogGroupsEncryptedWithRetention(),
                new NoOpenIngress(NoOpenIngress.ALLOWED_NONE),
                new DocumentsAreValidJson(),
                new IamPoliciesWellFormed(),
                new IamLeastPrivilege(),
                new BucketsSecure(),
                new TopicsEncrypted(),
                new ParametersUnderRoot(),
                new VpcFlowLogs(),
                new OnPremRoutesViaTransitGateway(),
                new DataStoresEncrypted(),
                new DatabasesForceTls(),
                new SecretsFetchedAndRotated(),
                new ReplicationLocked(),
                new ReplicationTasksLeftToStateMachines(),
                new ApiProtected(),
                new TasksNeverPublic(),
                new LoadBalancersInternalOrTls(),
                new FunctionsInVpc(),
                new FunctionsTraced(),
                new DefaultSecurityGroupsClosed(),
                new AuroraEnhancedMonitoring(),
                new AuroraOsMetricsLogGroupManaged(),
                new AuroraBackupsRetained(),
                new AuroraSurvivesZoneLoss(),
                new ApiStagesBehindWaf(),
                new LoadBalancersAccessLogged()));
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    public List<Finding> evaluate(StackRun run, PolicyContext context) {
        return rules.stream().flatMap(rule -> rule.check(run, context).stream())
                .sorted(Comparator.comparing(Finding::rule).thenComparing(Finding::urn)).toList();
    }
}
