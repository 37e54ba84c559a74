package com.paymentmigration.executor;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code execute --definition FILE [--input JSON|@FILE] [--mock-config FILE --test-case NAME] [--state-machine NAME]
 * [--seed N] [--start-time ISO-8601]}: runs a JSONata-mode definition offline and prints {@code {"status", "output" |
 * "error" and "cause", ..., "events"}}. A Task that no mock answers fails the execution naming the state and resource.
 * Exit 0 succeeded, 1 failed or timed out, 2 bad arguments, files or definition.
 */
public final class ExecuteCommand {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int ERROR = 2;
    static final String USAGE = "usage: execute --definition FILE [--input JSON|@FILE] [--mock-config FILE --test-case NAME] "
            + "[--state-machine NAME] [--seed N] [--start-time 2026-01-01T00:00:00Z]";
    private static final List<String> FLAGS = List.of("--definition", "--input", "--mock-config", "--test-case",
            "--state-machine", "--seed", "--start-time");

    private ExecuteCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String definition = null;
        String input = "{}";
        String mockConfig = null;
        String testCase = null;
        String stateMachine = null;
        var options = ExecutorOptions.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length || !FLAGS.contains(args[i])) {
                    throw new IllegalArgumentException("unknown or incomplete argument '" + args[i] + "'");
                }
                var value = args[++i];
                switch (args[i - 1]) {
                    case "--definition" -> definition = value;
                    case "--input" -> input = value;
                    case "--mock-config" -> mockConfig = value;
                    case "--test-case" -> testCase = value;
                    case "--state-machine" -> stateMachine = value;
                    case "--seed" -> options = options.withSeed(Long.parseLong(value));
                    default -> options = options.withStartTime(Instant.parse(value));
                }
            }
            if (definition == null) {
                throw new IllegalArgumentException("--definition is required");
            }
            if (mockConfig == null != (testCase == null)) {
                throw new IllegalArgumentException("--mock-config and --test-case go together");
            }
            var handler = handler(mockConfig, testCase, stateMachine);
            if (stateMachine == null && mockConfig != null) {
                stateMachine = MockConfiguration.read(readJson(mockConfig, "mock configuration")).stateMachines()
                        .iterator().next();
            }
            if (stateMachine != null) {
                options = options.withStateMachineName(stateMachine);
            }
            var executionInput = input.startsWith("@") ? readJson(input.substring(1), "input")
                    : parse(input, "--input");
            var execution = new Executor(handler, options).execute(read(definition, "definition"), executionInput);
            out.println(execution.toJson().toPrettyString());
            return execution.succeeded() ? SUCCEEDED : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("execute: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
    }

    /** No mock: the Task fails the execution (States.Runtime is caught by no Catch), naming state and resource. */
    static TaskHandler unanswered() {
        return invocation -> {
            throw new TaskFailure(ErrorNames.RUNTIME, "no mocked response and no handler for state '"
                    + invocation.stateName() + "' (resource " + invocation.resource() + ", attempt "
                    + invocation.attempt() + ")");
        };
    }

    private static TaskHandler handler(String mockConfig, String testCase, String stateMachine) {
        if (mockConfig == null) {
            return unanswered();
        }
        var config = MockConfiguration.read(readJson(mockConfig, "mock configuration"));
        var machines = config.stateMachines();
        if (stateMachine == null && machines.size() != 1) {
            throw new IllegalArgumentException("the mock configuration has state machines " + machines
                    + ": say which with --state-machine");
        }
        return config.testCase(stateMachine == null ? machines.iterator().next() : stateMachine, testCase, unanswered());
    }

    private static JsonNode readJson(String file, String what) {
        return parse(read(file, what), what + " " + file);
    }

    private static String read(String file, String what) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JsonataValues.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage());
        }
    }
}
