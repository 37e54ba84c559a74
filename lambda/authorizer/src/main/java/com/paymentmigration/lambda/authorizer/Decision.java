package com.paymentmigration.lambda.authorizer;

import java.util.List;
import java.util.Map;

/** The only two outcomes: allow these resources with this context, or deny with a reason for the log. */
public sealed interface Decision {

    record Allow(String principalId, List<String> resources, Map<String, String> context) implements Decision {
    }

    record Deny(String reason) implements Decision {
    }
}
