package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state calls. The executor evaluates the state's {@code Arguments} and hands them here; the handler
 * answers with the task's result ({@code $states.result}) or throws a {@link TaskFailure} carrying the error name and
 * cause that {@code Retry} and {@code Catch} match on. Mocks, strict AWS stand-ins and test doubles all implement it.
 */
@FunctionalInterface
public interface TaskHandler {

    JsonNode invoke(TaskInvocation invocation) throws TaskFailure;
}
