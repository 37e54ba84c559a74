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

    /**
     * The executor calls this one. A handler whose calls take virtual time (a long-running job, a slow API) overrides it
     * to say how long; a handler can also signal a timeout directly by throwing {@code States.Timeout}.
     */
    default TaskResult call(TaskInvocation invocation) throws TaskFailure {
        return TaskResult.immediate(invoke(invocation));
    }
}
