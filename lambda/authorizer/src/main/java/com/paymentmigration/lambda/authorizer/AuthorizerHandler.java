package com.paymentmigration.lambda.authorizer;

import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.authorizer.AuthorizerHandler::handleRequest}).
 * Environment: {@code KEY_SET_SECRET_ID}, {@code ISSUER}, {@code AUDIENCE}, {@code SCOPE_ROUTES}, and
 * {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} (the extension's, default 2773). A deny throws "Unauthorized",
 * which API Gateway turns into a 401; the reason goes to the log only.
 */
public final class AuthorizerHandler {

    private static final Authorizer AUTHORIZER = create();

    private static Authorizer create() {
        var port = Integer.parseInt(System.getenv().getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773"));
        var keys = new Keys(new ExtensionKeySource(env("KEY_SET_SECRET_ID"), port), Clock.systemUTC());
        var verifier = new JwtVerifier(keys, env("ISSUER"), env("AUDIENCE"), Clock.systemUTC());
        return new Authorizer(verifier, ScopeRoutes.parse(env("SCOPE_ROUTES")));
    }

    public Map<String, Object> handleRequest(Map<String, Object> event) {
        var decision = AUTHORIZER.decide(event);
        if (decision instanceof Decision.Allow allow) {
            return Authorizer.policy(allow);
        }
        System.out.println("{\"decision\":\"deny\",\"reason\":\"" + ((Decision.Deny) decision).reason().replace("\"", "'") + "\"}");
        throw new IllegalStateException("Unauthorized");
    }

    private static String env(String name) {
        var value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
