package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One element of a state's {@code Retry}, with the documented defaults: IntervalSeconds 1, MaxAttempts 3 (0: never
 * retried), BackoffRate 2.0, no MaxDelaySeconds, JitterStrategy NONE.
 *
 * <p>The n-th retry (n from 0) waits {@code IntervalSeconds × BackoffRate^n}, capped at {@code MaxDelaySeconds}. With
 * {@code FULL} jitter the wait is a random number between 0 and that delay (AWS CDK's JitterType.FULL: "a random
 * number between 0 and the computed backoff for the given retry attempt count"); we draw it uniformly from the
 * execution's seeded random, the distribution not being documented.
 * Each retrier counts its own attempts; once a matching retrier is spent, later retriers are not tried and the error
 * goes to Catch.
 */
record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
               Double maxDelaySeconds, boolean fullJitter) {

    static final double DEFAULT_INTERVAL_SECONDS = 1;
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final double DEFAULT_BACKOFF_RATE = 2.0;

    static List<Retrier> of(JsonNode retry) {
        var retriers = new ArrayList<Retrier>();
        for (var r : retry) {
            var errors = new ArrayList<String>();
            r.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
            retriers.add(new Retrier(List.copyOf(errors),
                    r.path("IntervalSeconds").asDouble(DEFAULT_INTERVAL_SECONDS),
                    r.path("MaxAttempts").asInt(DEFAULT_MAX_ATTEMPTS),
                    r.path("BackoffRate").asDouble(DEFAULT_BACKOFF_RATE),
                    r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asDouble() : null,
                    "FULL".equals(r.path("JitterStrategy").asText("NONE"))));
        }
        return retriers;
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    Duration delay(int retry, Random random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retry);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
