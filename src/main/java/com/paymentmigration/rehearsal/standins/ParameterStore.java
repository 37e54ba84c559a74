package com.paymentmigration.rehearsal.standins;

import com.paymentmigration.parameters.ParameterKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parameter Store, seeded with the plan's parameters and their initial values. */
public final class ParameterStore implements StandIn {

    private record Stored(String value, ParameterType type, long version, Instant modified) {
    }

    private final String region;
    private final String account;
    /** Synchronized: a data rehearsal's writers read the flags from their own threads while executions write them. */
    private final Map<String, Stored> parameters = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    ParameterStore(PlannedStack stack, Instant start) {
        this.region = stack.primaryRegion();
        this.account = stack.account();
        stack.parameters().forEach(p -> parameters.put(p.name(), new Stored(p.value(), ParameterType.fromValue(p.type()),
                1, start)));
    }

    @Override
    public String errorPrefix() {
        return "Ssm";
    }

    /** The value now, for scenarios and invariants (empty when the parameter does not exist). */
    public Optional<String> value(String name) {
        return Optional.ofNullable(parameters.get(name)).map(Stored::value);
    }

    /** When the parameter last changed (its creation by the stack at first). */
    public Optional<Instant> modified(String name) {
        return Optional.ofNullable(parameters.get(name)).map(Stored::modified);
    }

    /** The full name of the stack's parameter whose path ends with {@code key} ({@code database/write-freeze}). */
    public String nameOf(ParameterKey parameter) {
        var key = parameter.key();
        return parameters.keySet().stream().filter(n -> n.endsWith("/" + key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan creates no parameter ending in " + key));
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        return switch (operation) {
            case "getParameter" -> get(call);
            case "putParameter" -> put(call);
            default -> throw new IllegalArgumentException("ssm:" + operation + " has no stand-in");
        };
    }

    private JsonNode get(Call call) throws TaskFailure {
        var request = call.request(GetParameterRequest.class);
        call.authorize("ssm:GetParameter", arn(request.name()));
        var stored = parameters.get(request.name());
        if (stored == null) {
            throw call.error("ParameterNotFound", "Parameter " + request.name() + " not found");
        }
        return SdkShapes.write(GetParameterResponse.builder().parameter(Parameter.builder().name(request.name())
                .type(stored.type()).value(stored.value()).version(stored.version()).lastModifiedDate(stored.modified())
                .arn(arn(request.name())).dataType("text").build()).build());
    }

    private JsonNode put(Call call) throws TaskFailure {
        var request = call.request(PutParameterRequest.class);
        call.authorize("ssm:PutParameter", arn(request.name()));
        if (request.value().isEmpty()) {
            throw call.error("ValidationException", "1 validation error detected: Value '' at 'value' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        var existing = parameters.get(request.name());
        if (existing != null && !Boolean.TRUE.equals(request.overwrite())) {
            throw call.error("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set "
                    + "the overwrite option in the request to true.");
        }
        if (existing == null && request.type() == null) {
            throw call.error("ValidationException", "A parameter type is required when you create a parameter.");
        }
        var type = request.type() != null ? request.type() : existing.type();
        long version = existing == null ? 1 : existing.version() + 1;
        parameters.put(request.name(), new Stored(request.value(), type, version, call.time()));
        return SdkShapes.write(PutParameterResponse.builder().version(version).tier("Standard").build());
    }

    private String arn(String name) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? name : "/" + name);
    }
}
