package com.paymentmigration.rehearsal.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentmigration.executor.TaskFailure;

/** One service's stand-in: answers the operations our definitions call, strictly, or fails as the service would. */
interface StandIn {

    /** The service as Step Functions names it in error names. */
    String errorPrefix();

    /** The error the service answers a request that breaks its model with. */
    default String validationError() {
        return "ValidationException";
    }

    /** @param operation the API action as the Task's Resource names it ({@code getParameter}) */
    JsonNode call(String operation, Call call) throws TaskFailure;
}
