package com.paymentmigration.executor;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One execution under way: what it is (for {@code $states.context}), its history, its handler and its limits. */
final class RunContext {

    final ExecutorOptions options;
    final JsonNode input;
    final History history;
    final TaskHandler handler;
    final Expressions expressions;
    final Map<String, Jsonata> compiled;
    final Random random;
    /** Start plus the machine's TimeoutSeconds, or null. */
    final Instant deadline;
    final List<Execution> children = new ArrayList<>();

    RunContext(ExecutorOptions options, JsonNode input, ExecutionClock clock, TaskHandler handler, Random random,
               Instant deadline, Map<String, Jsonata> compiled) {
        this.options = options;
        this.input = input;
        this.history = new History(clock);
        this.handler = handler;
        this.random = random;
        this.deadline = deadline;
        this.compiled = compiled;
        this.expressions = new Expressions(new StepFunctionsFunctions(clock::now, random), compiled);
    }

    String executionArn() {
        return options.executionArn();
    }

    /**
     * {@code $states.context} of a state: Execution (Id, Input, Name, RoleArn, StartTime, RedriveCount), State
     * (EnteredTime, Name, RetryCount), StateMachine (Id, Name). There is no Task.Token: only
     * {@code .waitForTaskToken} integrations have one, and this executor runs none.
     */
    ObjectNode context(String stateName, Instant entered, int retryCount) {
        var context = JsonNodeFactory.instance.objectNode();
        var execution = context.putObject("Execution");
        execution.put("Id", executionArn());
        execution.set("Input", input);
        execution.put("Name", options.executionName());
        execution.put("RoleArn", options.roleArn());
        execution.put("StartTime", options.startTime().toString());
        execution.put("RedriveCount", 0);
        var state = context.putObject("State");
        state.put("EnteredTime", entered.toString());
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        var machine = context.putObject("StateMachine");
        machine.put("Id", options.stateMachineArn());
        machine.put("Name", options.stateMachineName());
        return context;
    }
}
