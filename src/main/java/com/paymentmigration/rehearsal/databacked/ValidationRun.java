package com.paymentmigration.rehearsal.databacked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.Functions;

/**
 * A whole validation run outside the state machines, the way they drive it (plan, every partition until complete,
 * aggregate), over the same selection the migration's last validation planned.
 */
final class ValidationRun {

    /** A partition that is not complete after this many invocations is reported as such, not waited on forever. */
    private static final int MAX_INVOCATIONS = 20;

    private ValidationRun() {
    }

    /** @return the aggregate's answer ({@code status}, {@code mismatches}, ...) */
    static JsonNode run(Rehearsal rehearsal, Functions.Code validator, String label) {
        var planned = rehearsal.aws().calls().stream()
                .filter(c -> c.succeeded() && c.operation().equals("lambda:invoke")
                        && c.arguments().path("Payload").path("action").asText().equals("plan"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("the migration planned no validation to repeat"));
        var event = (ObjectNode) planned.arguments().get("Payload").deepCopy();
        event.put("reportPrefix", "validation/rehearsal/" + label);
        var plan = validator.handle(event);
        var partitions = JsonNodeFactory.instance.arrayNode();
        for (var item : plan.path("items")) {
            JsonNode result = validator.handle(item);
            for (int i = 1; i < MAX_INVOCATIONS && !result.path("complete").asBoolean(); i++) {
                result = validator.handle(item);
            }
            partitions.add(result);
        }
        var aggregate = JsonNodeFactory.instance.objectNode().put("action", "aggregate");
        aggregate.set("partitions", partitions);
        aggregate.put("reportKey", plan.path("reportKey").asText());
        return validator.handle(aggregate);
    }
}
