package com.paymentmigration.runbook;

import com.paymentmigration.api.Api;
import com.paymentmigration.core.Outputs;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.dns.WeightedDns;
import com.paymentmigration.dns.WeightedName;
import com.paymentmigration.orchestration.Orchestration;
import com.paymentmigration.service.PaymentService;
import com.paymentmigration.storage.Storage;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The runbook as a stack output: {@link Runbook}'s commands, once the names and ARNs in them are known. */
public final class RunbookOutputs {

    private RunbookOutputs() {
    }

    public static Output<Map<String, String>> of(String pulumiStack, StackContext stack, Orchestration orchestration,
                                                 Api api, Storage storage, Optional<PaymentService> service,
                                                 Optional<WeightedDns> dns) {
        var facts = new LinkedHashMap<String, Output<String>>();
        facts.put("migration", orchestration.migrationStateMachineArn);
        facts.put("rollback", orchestration.rollbackStateMachineArn);
        facts.put("restApi", api.restApiId);
        facts.put("stage", api.stageName);
        facts.put("endpoint", api.endpoint);
        facts.put("checkpoints", storage.checkpoints.name);
        var weighted = service.flatMap(s -> dns);
        weighted.ifPresent(d -> {
            facts.put("zone", d.zoneId);
            facts.put("legacyCheck", d.legacyHealthCheckId);
            facts.put("newCheck", d.newHealthCheckId);
            facts.put("aliasName", service.get().loadBalancerDnsName);
            facts.put("aliasZone", service.get().loadBalancerZoneId);
        });
        var config = stack.config();
        return Outputs.resolved(facts).applyValue(v -> Runbook.steps(new Runbook.Facts(config.regions().primary(),
                pulumiStack, v.get("migration"), v.get("rollback"), v.get("restApi"), v.get("stage"), v.get("endpoint"),
                v.get("checkpoints"), stack.names().parameter(),
                weighted.map(d -> new Runbook.Dns(v.get("zone"), new WeightedName.RecordSets(d.recordName,
                        config.api().legacy().ips(), v.get("legacyCheck"), v.get("aliasName"), v.get("aliasZone"),
                        v.get("newCheck")))))));
    }
}
