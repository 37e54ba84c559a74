package com.paymentmigration.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** The JSON documents a resource carries as text inputs: IAM policies, state machine definitions, dashboards... */
public final class Documents {

    /** Inputs that AWS takes as a JSON document in a string. */
    public static final List<String> DOCUMENT_INPUTS = List.of("policy", "assumeRolePolicy", "definition",
            "dashboardBody", "body", "tableMappings", "replicationTaskSettings", "containerDefinitions", "eventPattern");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {
    }

    /** One document; {@code parsed} is null and {@code parseError} says why when the text is not JSON. */
    public record Document(RecordedResource resource, String input, String text, JsonNode parsed, String parseError) {

        /** {@code <logical name>.<input>.json}: named after the resource that carries it. */
        public String fileName() {
            return resource.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "." + input + ".json";
        }
    }

    public static List<Document> of(RecordedResource resource) {
        var documents = new ArrayList<Document>();
        for (var input : DOCUMENT_INPUTS) {
            if (resource.inputs().get(input) instanceof String text && !text.equals(RecordedResource.UNKNOWN)
                    && !text.equals(RecordedResource.SECRET)) {
                try {
                    documents.add(new Document(resource, input, text, JSON.readTree(text), null));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    documents.add(new Document(resource, input, text, null, e.getOriginalMessage()));
                }
            }
        }
        return documents;
    }
}
