package com.paymentmigration.lambda.rotation;

import java.util.Map;

/** What Secrets Manager sends: {@code {"SecretId": ..., "ClientRequestToken": ..., "Step": ...}}. */
public record RotationEvent(String secretId, String token, Step step) {

    public static RotationEvent parse(Map<String, ?> event) {
        if (event == null) {
            throw new RotationException("empty event; expected SecretId, ClientRequestToken and Step");
        }
        return new RotationEvent(required(event, "SecretId"), required(event, "ClientRequestToken"),
                Step.of(required(event, "Step")));
    }

    private static String required(Map<String, ?> event, String key) {
        var value = event.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new RotationException("event field " + key + " is missing or not a string; got keys " + event.keySet());
        }
        return text;
    }
}
