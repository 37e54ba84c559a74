package com.paymentmigration.runbook;

import com.paymentmigration.api.Api;
import com.paymentmigration.core.Outputs;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.dns.WeightedDns;
import com.paymentmigration.orchestration.Orchestration;
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
                                                 Api api, Storage storage, Optional<WeightedDns> dns) {
        var facts = new LinkedHashMap<String, Output<String>>();
        facts.put("migration", orchestration.migrationStateMachineArn);
        facts.put("rollback", orchestration.rollbackStateMachineArn);
        facts.put("restApi", api.restApiId);
        facts.put("stage", api.stageName);
        facts.put("endpoint", api.endpoint);
        facts.put("checkpoints", storage.checkpoints.name);
        var config = stack.config();
        return Output.tuple(Outputs.resolved(facts), WeightedDns.zoneOf(dns)).applyValue(t -> {
            var v = t.t1;
            return Runbook.steps(new Runbook.Facts(config.regions().primary(), pulumiStack, v.get("migration"),
                    v.get("rollback"), v.get("restApi"), v.get("stage"), v.get("endpoint"), v.get("checkpoints"),
                    stack.names().parameter(), t.t2));
        });
    }
}
