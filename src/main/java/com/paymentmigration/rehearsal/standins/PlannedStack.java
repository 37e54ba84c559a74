package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.plan.MockArns;
import com.paymentmigration.plan.PlanMocks;
import com.paymentmigration.plan.RecordedResource;
import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What a plan creates, as the AWS stand-ins need it: every resource by the ARN the plan gave it, the state machines'
 * definitions and execution roles' policies, the parameters' initial values, the stage's canary, the record sets.
 * Read from the plan's own recorded resources and nothing else, so the rehearsal acts on exactly what {@code up}
 * would deploy.
 */
public final class PlannedStack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackRun run;
    private final Map<String, String> providerRegions = new LinkedHashMap<>();

    public PlannedStack(StackRun run) {
        if (!run.succeeded()) {
            throw new IllegalArgumentException("the plan failed: " + run.errors());
        }
        this.run = run;
        run.resources().stream().filter(RecordedResource::isProvider)
                .forEach(p -> providerRegions.put(p.name(), String.valueOf(p.inputs().getOrDefault("region",
                        PlanMocks.DEFAULT_PROVIDER_REGION))));
    }

    /** A stack output as the plan exported it (a text output such as a state machine's ARN). */
    public String output(String name) {
        var value = run.outputs().get(name);
        if (value == null) {
            throw new NoSuchElementException("the plan exports no output " + name + "; it has " + run.outputs().keySet());
        }
        return String.valueOf(value);
    }

    public String account() {
        return PlanMocks.ACCOUNT_ID;
    }

    public List<RecordedResource> ofType(String type) {
        return run.ofType(type);
    }

    public String region(RecordedResource resource) {
        return resource.providerName().map(providerRegions::get).orElse(PlanMocks.DEFAULT_PROVIDER_REGION);
    }

    public String physicalName(RecordedResource resource) {
        return PlanMocks.physicalName(resource.name(), resource.inputs());
    }

    public String arn(RecordedResource resource) {
        return MockArns.arn(resource.type(), physicalName(resource), region(resource), account());
    }

    /** The ARNs of every resource of {@code type}. */
    public List<String> arns(String type) {
        return ofType(type).stream().map(this::arn).toList();
    }

    /** A state machine the plan creates. */
    public record Machine(String arn, String name, String roleArn, String definition) {
    }

    public List<Machine> machines() {
        return ofType("aws:sfn/stateMachine:StateMachine").stream().map(r -> new Machine(arn(r), physicalName(r),
                r.stringInput("roleArn"), r.stringInput("definition"))).toList();
    }

    public Machine machine(String arn) {
        return machines().stream().filter(m -> m.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the plan creates no state machine " + arn));
    }

    /** The identity policies attached to a role (inline role policies; the stack attaches no managed ones here). */
    public List<JsonNode> rolePolicies(String roleArn) {
        var roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        var documents = new ArrayList<JsonNode>();
        for (var policy : ofType("aws:iam/rolePolicy:RolePolicy")) {
            if (roleName.equals(policy.stringInput("role"))) {
                documents.add(parse(policy.stringInput("policy"), policy.name()));
            }
        }
        return documents;
    }

    /** A Lambda function: its ARN, its execution role, its environment. */
    public record Function(String arn, String name, String roleArn, Map<String, String> environment) {
    }

    @SuppressWarnings("unchecked")
    public List<Function> functions() {
        return ofType("aws:lambda/function:Function").stream().map(r -> new Function(arn(r), physicalName(r),
                r.stringInput("role"), (Map<String, String>) r.input("environment.variables").orElse(Map.of()))).toList();
    }

    /** Parameter name to its initial value and type. */
    public record Parameter(String name, String value, String type) {
    }

    public List<Parameter> parameters() {
        return ofType("aws:ssm/parameter:Parameter").stream().map(r -> new Parameter(r.stringInput("name"),
                Optional.ofNullable(r.stringInput("insecureValue")).orElse(r.stringInput("value")),
                r.stringInput("type"))).toList();
    }

    /** The existing secrets the program fetched by name (it never creates them). */
    public List<String> secretArns() {
        return run.invokes("aws:secretsmanager/getSecret:getSecret").stream()
                .map(i -> PlanMocks.existingSecretArn(String.valueOf(i.args().get("name")),
                        primaryRegion())).distinct().toList();
    }

    /** The region of the state machines: where the migration's control plane runs. */
    public String primaryRegion() {
        return region(ofType("aws:sfn/stateMachine:StateMachine").get(0));
    }

    public Optional<RecordedResource> invocation() {
        return ofType("aws:lambda/invocation:Invocation").stream().findFirst();
    }

    static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
