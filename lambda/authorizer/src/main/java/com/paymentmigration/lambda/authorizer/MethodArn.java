package com.paymentmigration.lambda.authorizer;

import java.util.regex.Pattern;

/**
 * The {@code methodArn} API Gateway sends: {@code arn:aws:execute-api:region:account:apiId/stage/METHOD/path}.
 * The policy allows exactly this ARN, so a path holding a character IAM reads as a wildcard ({@code *}, {@code ?})
 * is refused rather than echoed into a policy where it would match other paths.
 */
record MethodArn(String arn, String method, String path) {

    static final int MAX_LENGTH = 2048;
    private static final Pattern FORM = Pattern.compile(
            "arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\\d{12}:[A-Za-z0-9]+/[A-Za-z0-9_-]+/([A-Z]+)/([^*?\\x00-\\x1F\\x7F]*)");

    /** The parsed ARN, or null when it is not an execute-api method ARN this authorizer can grant exactly. */
    static MethodArn parse(String arn) {
        if (arn.length() > MAX_LENGTH) {
            return null;
        }
        var matcher = FORM.matcher(arn);
        if (!matcher.matches() || !ScopeRoutes.METHODS.contains(matcher.group(1))) {
            return null;
        }
        return new MethodArn(arn, matcher.group(1), matcher.group(2));
    }
}
