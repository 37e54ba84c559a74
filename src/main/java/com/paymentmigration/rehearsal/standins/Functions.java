package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lambda through Step Functions' optimised integration ({@code arn:aws:states:::lambda:invoke}): Invoke's request
 * with {@code Payload} as JSON; the result {@code {ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata,
 * StatusCode}}; a function error fails the task with the error type the function reported
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html). The plan's functions answer by their
 * handler: the validator's contract ({@link ValidatorFunction}), replication-ops' ({@link ReplicationOpsFunction}) and the rollback trigger's ({@link #trigger}).
 */
public final class Functions implements StandIn {

    static final String VALIDATOR_HANDLER = "com.paymentmigration.lambda.validator.ValidatorHandler::handleRequest";
    static final String TRIGGER_HANDLER = "com.paymentmigration.lambda.trigger.TriggerHandler::handleRequest";

    private final List<PlannedStack.Function> functions;
    private final List<String> handlers;
    private final ReplicationOpsFunction replicationOps = new ReplicationOpsFunction();
    private final ValidatorFunction validator = new ValidatorFunction(replicationOps);
    private final AwsStandIns aws;
    private Code validatorCode;
    private Code replicationOpsCode;

    /**
     * A function's own code run in the rehearsal (its handler's classes against real databases): the payload in,
     * the function's answer out, a failure as the exception the function would throw.
     */
    @FunctionalInterface
    public interface Code {
        JsonNode handle(JsonNode payload);
    }

    Functions(PlannedStack stack, AwsStandIns aws) {
        this.functions = stack.functions();
        this.handlers = stack.ofType("aws:lambda/function:Function").stream().map(f -> f.stringInput("handler")).toList();
        this.aws = aws;
    }

    @Override
    public String errorPrefix() {
        return "Lambda";
    }

    public ValidatorFunction validator() {
        return validator;
    }

    public ReplicationOpsFunction replicationOps() {
        return replicationOps;
    }

    /** The validator's invocations run {@code code} (the real validator) instead of the contract's scripted answers. */
    public void runValidator(Code code) {
        this.validatorCode = code;
    }

    /**
     * replication-ops' invocations run {@code code} (the real function) after the contract stand-in has accepted the
     * event and kept its record of slots and sequence syncs (which the invariants read).
     */
    public void runReplicationOps(Code code) {
        this.replicationOpsCode = code;
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        var request = call.request(InvokeRequest.class, "Payload");
        var index = find(request.functionName());
        // IAM names the function as called: a qualified ARN is checked as such (hence the role's "arn:*" grant).
        var named = request.functionName().startsWith("arn:") || index.isEmpty() ? request.functionName()
                : functions.get(index.get()).arn();
        call.authorize("lambda:InvokeFunction", request.qualifier() == null ? named : named + ":" + request.qualifier());
        if (index.isEmpty()) {
            throw call.error("ResourceNotFoundException", "Function not found: " + request.functionName());
        }
        var payload = call.arguments().has("Payload") ? call.arguments().get("Payload") : SdkShapes.JSON.nullNode();
        JsonNode answer;
        try {
            answer = invoke(functions.get(index.get()), handlers.get(index.get()), payload, call.time());
        } catch (FunctionError e) {
            var cause = SdkShapes.JSON.createObjectNode().put("errorMessage", e.getMessage()).put("errorType", e.type);
            cause.putArray("stackTrace");
            throw new TaskFailure(e.type, cause.toString());
        }
        var result = SdkShapes.JSON.createObjectNode().put("ExecutedVersion", "$LATEST");
        result.set("Payload", answer);
        result.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        result.putObject("SdkResponseMetadata").put("RequestId", "rehearsal");
        return result.put("StatusCode", 200);
    }

    /** Invokes a function as {@code pulumi up}'s aws:lambda/Invocation does: payload in, payload out. */
    public JsonNode invokeDirectly(String functionName, JsonNode payload, Instant at) throws TaskFailure {
        var index = find(functionName).orElseThrow(() -> new IllegalArgumentException("no function " + functionName));
        try {
            return invoke(functions.get(index), handlers.get(index), payload, at);
        } catch (FunctionError e) {
            throw new TaskFailure(e.type, e.getMessage());
        }
    }

    private JsonNode invoke(PlannedStack.Function function, String handler, JsonNode payload, Instant at)
            throws FunctionError {
        if (VALIDATOR_HANDLER.equals(handler)) {
            return validatorCode != null ? run(validatorCode, payload) : validator.handle(payload);
        }
        if (ReplicationOpsFunction.HANDLER.equals(handler)) {
            var contract = replicationOps.handle(payload, at);
            return replicationOpsCode != null ? run(replicationOpsCode, payload) : contract;
        }
        if (TRIGGER_HANDLER.equals(handler)) {
            return trigger(function, payload, at);
        }
        throw new FunctionError("java.lang.UnsupportedOperationException", "the rehearsal has no stand-in for "
                + function.name() + " (" + handler + ")");
    }

    /** The Java runtime reports an unhandled exception by its class name: what the state machines' Retry/Catch match. */
    private static JsonNode run(Code code, JsonNode payload) throws FunctionError {
        try {
            return code.handle(payload);
        } catch (RuntimeException e) {
            throw new FunctionError(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * lambda/trigger's TriggerHandler: the event must be an object with a text {@code trigger}; it starts the machine
     * named by its {@code STATE_MACHINE_ARN} with the event as input, under its own role, and answers
     * {@code {executionArn, startDate}}.
     */
    private JsonNode trigger(PlannedStack.Function function, JsonNode event, Instant at) throws FunctionError {
        if (event == null || !event.isObject() || !event.path("trigger").isTextual() || event.get("trigger").asText().isBlank()) {
            throw new FunctionError("java.lang.IllegalArgumentException", "the event must be a JSON object with a text "
                    + "'trigger' (mode, manual...), e.g. {\"trigger\": \"mode\", \"reason\": \"...\"}");
        }
        var machine = function.environment().get("STATE_MACHINE_ARN");
        if (machine == null || !machine.startsWith("arn:aws:states:")) {
            throw new FunctionError("java.lang.IllegalStateException", "STATE_MACHINE_ARN must be the rollback state "
                    + "machine's ARN, not '" + machine + "'");
        }
        var arguments = SdkShapes.JSON.createObjectNode().put("StateMachineArn", machine).put("Input", event.toString());
        try {
            var response = aws.callAs(function.roleArn(), function.name(), "arn:aws:states:::aws-sdk:sfn:startExecution",
                    arguments, at);
            return SdkShapes.JSON.createObjectNode().put("executionArn", response.get("ExecutionArn").asText())
                    .put("startDate", response.get("StartDate").asText());
        } catch (TaskFailure e) {
            throw new FunctionError("software.amazon.awssdk.services.sfn.model.SfnException", e.cause());
        }
    }

    private Optional<Integer> find(String name) {
        for (int i = 0; i < functions.size(); i++) {
            var f = functions.get(i);
            if (name.equals(f.name()) || name.equals(f.arn()) || name.startsWith(f.arn() + ":")) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
