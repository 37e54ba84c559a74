package com.paymentmigration.policy;

import com.paymentmigration.plan.StackRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The payments API: every method runs an authorizer (only an explicit {@code GET /health} is open), an API key is
 * never the only protection, every stage writes access logs, and a custom domain allows TLS 1.2 or later only.
 */
final class ApiProtected extends PolicyRule {

    static final String METHOD = "aws:apigateway/method:Method";
    static final String RESOURCE = "aws:apigateway/resource:Resource";
    static final String STAGE = "aws:apigateway/stage:Stage";
    static final String DOMAIN = "aws:apigateway/domainName:DomainName";
    static final String HEALTH_PATH = "health";
    private static final Set<String> AUTHORIZED = Set.of("CUSTOM", "COGNITO_USER_POOLS", "AWS_IAM");

    ApiProtected() {
        super("api-authorized-and-logged", "Every API method has an authorizer (except GET /health), no method relies "
                + "on an API key alone, every stage has access logs, custom domains require TLS 1.2.");
    }

    @Override
    public List<Finding> check(StackRun run, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        var byUrn = run.byUrn();
        for (var method : run.ofType(METHOD)) {
            var authorization = method.stringInput("authorization");
            var path = method.dependsOn().stream().map(byUrn::get)
                    .filter(r -> r != null && r.type().equals(RESOURCE)).map(r -> r.stringInput("pathPart"))
                    .findFirst().orElse("");
            boolean openHealth = "NONE".equals(authorization) && HEALTH_PATH.equals(path)
                    && "GET".equals(method.stringInput("httpMethod"));
            if (!openHealth && !AUTHORIZED.contains(authorization)) {
                var message = Boolean.TRUE.equals(method.inputs().get("apiKeyRequired"))
                        ? "relies on an API key alone; add the authorizer (authorization CUSTOM)"
                        : "has authorization " + authorization + " on /" + path + "; only GET /" + HEALTH_PATH
                        + " may be open, every other method needs the authorizer";
                findings.add(Finding.of(this, method, message));
            }
            if ("CUSTOM".equals(authorization) && method.stringInput("authorizerId") == null) {
                findings.add(Finding.of(this, method, "authorization CUSTOM without an authorizerId"));
            }
        }
        for (var stage : run.ofType(STAGE)) {
            if (stage.stringInput("accessLogSettings.destinationArn") == null || stage.stringInput("accessLogSettings.format") == null) {
                findings.add(Finding.of(this, stage, "has no access logs; set accessLogSettings (destination and format)"));
            }
        }
        for (var domain : run.ofType(DOMAIN)) {
            if (!"TLS_1_2".equals(domain.stringInput("securityPolicy"))) {
                findings.add(Finding.of(this, domain, "securityPolicy is " + domain.stringInput("securityPolicy")
                        + "; use TLS_1_2"));
            }
        }
        return findings;
    }
}
