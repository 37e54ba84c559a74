package com.paymentmigration.cli;

import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.plan.OfflineEngine;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.scenarios.Scenario;
import com.paymentmigration.rehearsal.scenarios.Scenarios;
import com.paymentmigration.rehearsal.scenarios.Timeline;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.pulumi.Context;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * {@code rehearse [--stack dev] [--set key=value]... [--scenario NAME|all] [--project-dir DIR]}: plans the stack
 * in-process, runs the scenario on the plan's own state machine definitions, role policies and resources, and prints
 * the timeline (virtual time, execution, state, AWS call, outcome) and every invariant checked. Exit 0 when all hold,
 * 1 when one does not, 2 for a config or program error. With {@code --data}, real payments move between two real
 * servers ({@link DataRehearseCommand}).
 */
public final class RehearseCommand {

    public static final int HELD = 0;
    public static final int VIOLATED = 1;
    public static final int ERROR = 2;
    static final String USAGE = "usage: rehearse [--stack NAME] [--set key=value]... [--scenario NAME|all] [--project-dir DIR]"
            + "\n       " + DataRehearseCommand.USAGE;

    private RehearseCommand() {
    }

    /** @param program the Pulumi program to plan ({@code Main::stack}); passed in so this package needs no Main */
    public static int run(String[] args, PrintStream out, PrintStream err, Consumer<Context> program) {
        var arguments = List.of(args);
        if (arguments.contains("--data")) {
            var rest = new ArrayList<>(arguments);
            rest.remove("--data");
            return DataRehearseCommand.run(rest, out, err, program);
        }
        String stack = "dev";
        String scenarioName = "happy-path";
        Path projectDir = Path.of(".");
        var overrides = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            var flag = args[i];
            if (i + 1 >= args.length || !List.of("--stack", "--set", "--scenario", "--project-dir").contains(flag)) {
                err.println("rehearse: unknown or incomplete argument '" + flag + "'");
                err.println(USAGE);
                return ERROR;
            }
            var value = args[++i];
            switch (flag) {
                case "--stack" -> stack = value;
                case "--set" -> overrides.add(value);
                case "--scenario" -> scenarioName = value;
                default -> projectDir = Path.of(value);
            }
        }
        List<Scenario> scenarios;
        try {
            scenarios = scenarioName.equals("all") ? Scenarios.all() : List.of(Scenarios.named(scenarioName));
        } catch (NoSuchElementException e) {
            err.println("rehearse: " + e.getMessage());
            return ERROR;
        }
        int exit = HELD;
        for (var scenario : scenarios) {
            var result = rehearse(scenario, projectDir, stack, overrides, program, out, err);
            exit = Math.max(exit, result);
        }
        return exit;
    }

    private static int rehearse(Scenario scenario, Path projectDir, String stack, List<String> overrides,
                                Consumer<Context> program, PrintStream out, PrintStream err) {
        var settings = new ArrayList<>(overrides);
        settings.addAll(scenario.overrides());
        PlannedStack planned;
        try {
            var config = StackFiles.config(projectDir, stack, settings);
            ConfigReader.read(ConfigSource.of(config));
            var run = OfflineEngine.run(StackFiles.projectName(projectDir), stack, config, program);
            if (!run.succeeded()) {
                err.println("rehearse: the program failed for stack '" + stack + "': " + run.errors());
                return ERROR;
            }
            planned = new PlannedStack(run);
        } catch (InvalidConfigException e) {
            err.println("rehearse: stack '" + stack + "' has " + e.getMessage());
            return ERROR;
        } catch (IllegalArgumentException e) {
            err.println("rehearse: " + e.getMessage());
            return ERROR;
        }
        out.printf("rehearse: scenario %s on stack %s%s: %s%n", scenario.name(), stack,
                settings.isEmpty() ? "" : " " + settings, scenario.summary());
        var result = scenario.run(new Rehearsal(planned));
        new Timeline(result.rehearsal()).print(out);
        for (var execution : result.rehearsal().runs()) {
            out.printf("execution %s: %s%s%n", execution.executionArn(), execution.status(),
                    execution.succeeded() ? "" : " (" + execution.error() + ": " + execution.cause() + ")");
        }
        for (var check : result.checks()) {
            out.printf("  %s %s%s%n", check.held() ? "HOLDS " : "BROKEN", check.description(),
                    check.held() ? "" : ": " + check.detail());
        }
        out.printf("rehearse: %s: %d of %d invariants hold%n", scenario.name(),
                result.checks().stream().filter(c -> c.held()).count(), result.checks().size());
        return result.held() ? HELD : VIOLATED;
    }
}
