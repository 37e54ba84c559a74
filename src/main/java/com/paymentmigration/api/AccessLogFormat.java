package com.paymentmigration.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage's access log line: one JSON object per request, with what an investigation needs (who, which backend,
 * how long, which status) and no request or response body, since bodies carry card and account data.
 */
public final class AccessLogFormat {

    /** Field to API Gateway context variable. */
    static final Map<String, String> FIELDS = fields();

    private AccessLogFormat() {
    }

    private static Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("requestId", "$context.requestId");
        fields.put("extendedRequestId", "$context.extendedRequestId");
        fields.put("requestTime", "$context.requestTimeEpoch");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("resourcePath", "$context.resourcePath");
        fields.put("status", "$context.status");
        fields.put("responseLength", "$context.responseLength");
        fields.put("responseLatency", "$context.responseLatency");
        fields.put("integrationLatency", "$context.integration.latency");
        fields.put("integrationStatus", "$context.integration.status");
        fields.put("integrationError", "$context.integration.error");
        fields.put("backendHost", "$stageVariables.backendHost");
        fields.put("canary", "$context.isCanaryRequest");
        fields.put("sourceIp", "$context.identity.sourceIp");
        fields.put("userAgent", "$context.identity.userAgent");
        fields.put("subject", "$context.authorizer.principalId");
        fields.put("tenantId", "$context.authorizer.tenantId");
        fields.put("authorizerStatus", "$context.authorizer.status");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("authorizerLatency", "$context.authorizer.latency");
        fields.put("errorMessage", "$context.error.message");
        return fields;
    }

    public static String json() {
        return new ObjectMapper().valueToTree(FIELDS).toString();
    }
}
