package com.paymentmigration.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.core.RegionalProviders;
import com.paymentmigration.naming.Tags;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags come from the providers' default tags, so a resource is tagged exactly when it is created through one of
 * our providers and that provider carries every required tag. A resource on Pulumi's default provider is not.
 */
final class EveryResourceTagged extends PolicyRule {

    private static final ObjectMapper JSON = new ObjectMapper();

    EveryResourceTagged() {
        super("every-resource-tagged",
                "Every AWS resource uses an explicit provider whose default tags include " + Tags.REQUIRED + ".");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        Map<String, List<String>> missingByProvider = new HashMap<>();
        for (var provider : run.ofType(RegionalProviders.TYPE)) {
            var tags = defaultTags(provider);
            var missing = Tags.REQUIRED.stream().filter(k -> !tags.hasNonNull(k) || tags.get(k).asText().isEmpty()).toList();
            missingByProvider.put(provider.name(), missing);
            if (!missing.isEmpty()) {
                findings.add(Finding.of(this, provider, "default tags lack " + missing));
            }
        }
        for (var resource : run.resources()) {
            if (!resource.custom() || resource.isProvider() || !resource.type().startsWith("aws:")) {
                continue;
            }
            var provider = resource.providerName();
            if (provider.isEmpty() || !missingByProvider.containsKey(provider.get())) {
                findings.add(Finding.of(this, resource, "uses the default AWS provider, which carries no tags; "
                        + "create it with MigrationComponent.primary() or secondary()"));
            }
        }
        return findings;
    }

    private static JsonNode defaultTags(RecordedResource provider) {
        // Nested provider inputs reach the engine as JSON text.
        var raw = provider.inputs().get("defaultTags");
        try {
            var node = raw instanceof String text ? JSON.readTree(text) : JSON.valueToTree(raw);
            return node == null ? JSON.createObjectNode() : node.path("tags");
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
