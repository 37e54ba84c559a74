package com.paymentmigration.lambda.authorizer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log event as one line of JSON, whatever the strings in it hold: written by Jackson with every non-ASCII
 * character escaped (see {@link Json#line}), so quotes, newlines and Unicode line or paragraph separators from a
 * crafted token can neither break the JSON nor split the line. The metric filter {@code { $.decision = "deny" }} must
 * see every deny.
 */
final class LogLine {

    /** Attacker-supplied text in a reason is cut to this length: a log line is not a place to store a payload. */
    static final int MAX_VALUE_LENGTH = 200;

    private LogLine() {
    }

    static String deny(String reason) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("decision", "deny");
        fields.put("reason", reason);
        return of(fields);
    }

    static String error(String message, Throwable cause) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("level", "ERROR");
        fields.put("message", message);
        fields.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return of(fields);
    }

    static String of(Map<String, Object> fields) {
        var bounded = new LinkedHashMap<String, Object>();
        for (var field : fields.entrySet()) {
            var value = field.getValue();
            bounded.put(field.getKey(), value instanceof String text && text.length() > MAX_VALUE_LENGTH
                    ? text.substring(0, MAX_VALUE_LENGTH) + "..." : value);
        }
        return Json.line(bounded);
    }
}
