package com.paymentmigration.lambda.rotation;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

import java.util.HashMap;
import java.util.Map;

/** Parameter Store's GetParameter: the value by name, ParameterNotFoundException for a name that does not exist. */
final class FakeParameters implements SsmClient {

    static final String FREEZE = "/migration/test/database/write-freeze";
    static final String PHASE = "/migration/test/phase";
    private final Map<String, String> values = new HashMap<>(Map.of(FREEZE, "off", PHASE, "replicating"));

    void put(String name, String value) {
        values.put(name, value);
    }

    void remove(String name) {
        values.remove(name);
    }

    @Override
    public GetParameterResponse getParameter(GetParameterRequest request) {
        var value = values.get(request.name());
        if (value == null) {
            throw ParameterNotFoundException.builder().message("parameter " + request.name() + " not found").build();
        }
        return GetParameterResponse.builder().parameter(Parameter.builder().name(request.name()).value(value).build()).build();
    }

    @Override
    public String serviceName() {
        return "ssm";
    }

    @Override
    public void close() {
    }
}
