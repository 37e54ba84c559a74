package com.paymentmigration.lambda.authorizer;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Lambda entry point ({@code com.paymentmigration.lambda.authorizer.AuthorizerHandler::handleRequest}).
 * Environment: {@code KEY_SET_SECRET_ID}, {@code ISSUER}, {@code AUDIENCE}, {@code SCOPE_ROUTES},
 * {@code KEY_SET_MAX_AGE_SECONDS} (how long a key set is used before it is read again, so how long a removed key
 * may still verify; default 300, 30-3600) and {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} (the extension's,
 * default 2773). A deny throws "Unauthorized", which API Gateway turns into a 401; the reason goes to the log only,
 * as one JSON line per deny. The native signature provider is loaded during initialisation when the container is
 * initialised ahead of its requests, and otherwise after the first decision (see {@link SignatureEngines}).
 */
public final class AuthorizerHandler {

    /** Built on first use from the environment, once per container. */
    private static final class FromEnvironment {
        static final Authorizer AUTHORIZER = fromEnvironment();
    }

    private final Authorizer authorizer;
    private final PrintStream log;
    private final Runnable afterFirstDecision;
    private boolean decided;

    public AuthorizerHandler() {
        this(FromEnvironment.AUTHORIZER, System.out, () -> SignatureEngines.loadInBackground(System.err));
    }

    AuthorizerHandler(Authorizer authorizer, PrintStream log) {
        this(authorizer, log, () -> { });
    }

    AuthorizerHandler(Authorizer authorizer, PrintStream log, Runnable afterFirstDecision) {
        this.authorizer = authorizer;
        this.log = log;
        this.afterFirstDecision = afterFirstDecision;
    }

    /** The authorizer as the environment configures it; package-private for the benchmark. */
    static Authorizer fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The authorizer as {@code environment} configures it, loading ACCP first where no request waits for it. */
    static Authorizer fromEnvironment(Map<String, String> environment) {
        var port = Integer.parseInt(environment.getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773"));
        var maxAge = Duration.ofSeconds(Long.parseLong(environment.getOrDefault("KEY_SET_MAX_AGE_SECONDS",
                String.valueOf(Keys.DEFAULT_MAX_AGE.toSeconds()))));
        var keys = new Keys(new ExtensionKeySource(required(environment, "KEY_SET_SECRET_ID"), port), Clock.systemUTC(),
                maxAge);
        var verifier = new JwtVerifier(keys, required(environment, "ISSUER"), required(environment, "AUDIENCE"),
                Clock.systemUTC());
        var authorizer = new Authorizer(verifier, ScopeRoutes.parse(required(environment, "SCOPE_ROUTES")));
        if (SignatureEngines.initialisedAheadOfRequests(environment.get(SignatureEngines.INITIALIZATION_TYPE))) {
            SignatureEngines.loadNow(System.err);
        }
        return authorizer;
    }

    public Map<String, Object> handleRequest(Map<String, Object> event) {
        var decision = authorizer.decide(event);
        if (!decided) {
            decided = true;
            afterFirstDecision.run();
        }
        if (decision instanceof Decision.Allow allow) {
            return Authorizer.policy(allow);
        }
        log.println(LogLine.deny(((Decision.Deny) decision).reason()));
        throw new IllegalStateException("Unauthorized");
    }

    private static String required(Map<String, String> environment, String name) {
        var value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
