package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One call of a Task state.
 *
 * @param executionArn the execution making the call (a distributed Map's child has its own)
 * @param stateName    the Task state's name
 * @param resource     the state's {@code Resource}, e.g. {@code arn:aws:states:::aws-sdk:ssm:getParameter}
 * @param arguments    the evaluated {@code Arguments} (the state input when the state has none, as AWS passes it)
 * @param attempt      0 for the first call, 1.. for retries
 * @param time         the virtual time of the call
 */
public record TaskInvocation(String executionArn, String stateName, String resource, JsonNode arguments, int attempt,
                             Instant time) {
}
