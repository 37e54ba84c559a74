package com.paymentmigration.lambda.authorizer;

import java.util.Map;

/** The only two outcomes: allow exactly the requested method ARN with this context, or deny with a reason for the log. */
public sealed interface Decision {

    record Allow(String principalId, String methodArn, Map<String, String> context) implements Decision {
    }

    record Deny(String reason) implements Decision {
    }
}
