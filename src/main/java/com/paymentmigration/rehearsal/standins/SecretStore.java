package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Secrets Manager DescribeSecret on the existing secrets the plan fetched; any can be scheduled for deletion. */
public final class SecretStore implements StandIn {

    private final List<String> arns;
    private final Set<String> scheduledForDeletion = new HashSet<>();

    SecretStore(PlannedStack stack) {
        this.arns = stack.secretArns();
    }

    @Override
    public String errorPrefix() {
        return "SecretsManager";
    }

    public void scheduleDeletion(String arn) {
        scheduledForDeletion.add(arn);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        var request = call.request(DescribeSecretRequest.class);
        var arn = arns.stream().filter(a -> a.equals(request.secretId()) || name(a).equals(request.secretId()))
                .findFirst();
        call.authorize("secretsmanager:DescribeSecret", arn.orElse(request.secretId()));
        if (arn.isEmpty()) {
            throw call.error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        var response = DescribeSecretResponse.builder().arn(arn.get()).name(name(arn.get()))
                .rotationEnabled(true).lastChangedDate(Instant.parse("2026-01-01T00:00:00Z"));
        if (scheduledForDeletion.contains(arn.get())) {
            response.deletedDate(call.time().plusSeconds(7 * 24 * 3600));
        }
        return SdkShapes.write(response.build());
    }

    /** The name is the ARN's resource part without the 6-character suffix Secrets Manager adds. */
    private static String name(String arn) {
        var resource = arn.substring(arn.indexOf(":secret:") + ":secret:".length());
        return resource.substring(0, resource.length() - 7);
    }
}
