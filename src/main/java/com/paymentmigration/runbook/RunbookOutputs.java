package com.paymentmigration.runbook;

import com.paymentmigration.api.Api;
import com.paymentmigration.core.Combined;
import com.paymentmigration.core.StackContext;
import com.paymentmigration.dns.WeightedDns;
import com.paymentmigration.orchestration.Orchestration;
import com.paymentmigration.storage.Storage;
import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;

/** The runbook as a stack output: {@link Runbook}'s commands, once the names and ARNs in them are known. */
public final class RunbookOutputs {

    private RunbookOutputs() {
    }

    public static Output<Map<String, String>> of(String pulumiStack, StackContext stack, Orchestration orchestration,
                                                 Api.Refs api, Storage.Refs storage, Optional<WeightedDns> dns) {
        var values = new Combined();
        var migration = values.add(orchestration.migrationStateMachineArn);
        var rollback = values.add(orchestration.rollbackStateMachineArn);
        var restApi = values.add(api.restApiId());
        var stage = values.add(api.stageName());
        var endpoint = values.add(api.endpoint());
        var checkpoints = values.add(storage.checkpoints().name());
        var zone = values.add(WeightedDns.zoneOf(dns));
        var config = stack.config();
        return values.apply(v -> Runbook.steps(new Runbook.Facts(config.regions().primary(), pulumiStack,
                v.get(migration), v.get(rollback), v.get(restApi), v.get(stage), v.get(endpoint), v.get(checkpoints),
                stack.names().parameter(), v.get(zone))));
    }
}
