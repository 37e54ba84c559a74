package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import software.amazon.awssdk.services.apigateway.model.CanarySettings;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.UpdateStageRequest;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway stages as the plan creates them, with their canary. UpdateStage applies the patch operations the
 * stage's canary takes (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html#UpdateStage-Patch);
 * any other path is refused as the service refuses it.
 */
public final class ApiStages implements StandIn {

    private final String region;
    private final String restApiId;
    private final String stageName;
    private final String deploymentId;
    private Double percentTraffic;
    private final String canaryDeployment;
    private final List<Double> canaryHistory = new ArrayList<>();

    @SuppressWarnings("unchecked")
    ApiStages(PlannedStack stack) {
        var stage = stack.ofType("aws:apigateway/stage:Stage").get(0);
        this.region = stack.region(stage);
        this.restApiId = stage.stringInput("restApi");
        this.stageName = stage.stringInput("stageName");
        this.deploymentId = stage.stringInput("deployment");
        var canary = (Map<String, Object>) stage.inputs().get("canarySettings");
        this.percentTraffic = canary == null ? null : ((Number) canary.getOrDefault("percentTraffic", 0)).doubleValue();
        this.canaryDeployment = canary == null ? null : String.valueOf(canary.get("deploymentId"));
        canaryHistory.add(percentTraffic);
    }

    @Override
    public String errorPrefix() {
        return "ApiGateway";
    }

    @Override
    public String validationError() {
        return "BadRequestException";
    }

    /** The canary's share now; empty when the stage has no canary. */
    public Optional<Double> canaryPercent() {
        return Optional.ofNullable(percentTraffic);
    }

    /** Every share the canary has had, in order (null: no canary). */
    public List<Double> canaryHistory() {
        return List.copyOf(canaryHistory);
    }

    @Override
    public JsonNode call(String operation, Call call) throws TaskFailure {
        return switch (operation) {
            case "getStage" -> getStage(call);
            case "updateStage" -> updateStage(call);
            default -> throw new IllegalArgumentException("apigateway:" + operation + " has no stand-in");
        };
    }

    private JsonNode getStage(Call call) throws TaskFailure {
        var request = call.request(GetStageRequest.class);
        call.authorize("apigateway:GET", arn(request.restApiId(), request.stageName()));
        exists(call, request.restApiId(), request.stageName());
        var response = GetStageResponse.builder().stageName(stageName).deploymentId(deploymentId).tracingEnabled(true);
        canary().ifPresent(response::canarySettings);
        return SdkShapes.write(response.build());
    }

    private JsonNode updateStage(Call call) throws TaskFailure {
        var request = call.request(UpdateStageRequest.class);
        call.authorize("apigateway:PATCH", arn(request.restApiId(), request.stageName()));
        exists(call, request.restApiId(), request.stageName());
        var share = percentTraffic;
        for (var patch : request.patchOperations()) {
            if (patch.op() != Op.REPLACE || !"/canarySettings/percentTraffic".equals(patch.path())) {
                throw call.error("BadRequestException", "Invalid patch path " + patch.path() + " for op "
                        + patch.opAsString() + "; the rehearsal models replace /canarySettings/percentTraffic");
            }
            if (share == null) {
                throw call.error("BadRequestException", "Canary settings do not exist for stage " + stageName);
            }
            try {
                share = Double.parseDouble(patch.value());
            } catch (NumberFormatException | NullPointerException e) {
                throw call.error("BadRequestException", "Invalid percentTraffic '" + patch.value() + "'");
            }
            if (share < 0 || share > 100) {
                throw call.error("BadRequestException", "percentTraffic must be between 0.0 and 100.0");
            }
        }
        percentTraffic = share;
        canaryHistory.add(share);
        var response = UpdateStageResponse.builder().stageName(stageName).deploymentId(deploymentId).tracingEnabled(true);
        canary().ifPresent(response::canarySettings);
        return SdkShapes.write(response.build());
    }

    private Optional<CanarySettings> canary() {
        return percentTraffic == null ? Optional.empty() : Optional.of(CanarySettings.builder()
                .percentTraffic(percentTraffic).deploymentId(canaryDeployment).useStageCache(false).build());
    }

    private void exists(Call call, String api, String stage) throws TaskFailure {
        if (!restApiId.equals(api) || !stageName.equals(stage)) {
            throw call.error("NotFoundException", "Invalid stage identifier specified");
        }
    }

    private String arn(String api, String stage) {
        return "arn:aws:apigateway:" + region + "::/restapis/" + api + "/stages/" + stage;
    }
}
