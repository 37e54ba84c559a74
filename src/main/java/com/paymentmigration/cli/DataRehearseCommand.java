package com.paymentmigration.cli;

import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.plan.OfflineEngine;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.rehearsal.data.EmbeddedServers;
import com.paymentmigration.rehearsal.databacked.DataPlane;
import com.paymentmigration.rehearsal.databacked.DataRehearsal;
import com.paymentmigration.rehearsal.databacked.DataReport;
import com.paymentmigration.rehearsal.databacked.DataScenario;
import com.paymentmigration.rehearsal.databacked.DataScenarios;
import com.paymentmigration.rehearsal.databacked.ServerRequirements;
import com.paymentmigration.rehearsal.scenarios.Timeline;
import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.pulumi.Context;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * {@code rehearse --data [--scenario NAME|all] [--onprem-url JDBC --aurora-url JDBC] [--preload N] [--rate N]
 * [--speed N] [--stack NAME] [--set key=value]...}: the plan's state machines move real payments between two
 * PostgreSQL servers (embedded ones, or two the operator names), and the run prints the timeline, the invariants and
 * the numbers: payments written, lost, duplicated, stale, the write freeze, time per phase. Exit 0 only when every
 * invariant holds.
 */
final class DataRehearseCommand {

    static final String USAGE = "usage: rehearse --data [--scenario NAME|all] [--onprem-url JDBC --aurora-url JDBC]"
            + " [--onprem-user U] [--onprem-password P] [--aurora-user U] [--aurora-password P] [--preload N]"
            + " [--rate PER_SECOND] [--speed N] [--stack NAME] [--set key=value]... [--project-dir DIR]";
    private static final List<String> FLAGS = List.of("--stack", "--set", "--scenario", "--project-dir", "--onprem-url",
            "--aurora-url", "--onprem-user", "--onprem-password", "--aurora-user", "--aurora-password", "--preload",
            "--rate", "--speed");
    /** 2,000 preloaded payments, 100 writes a second, 4 writers, a clock 20 times the wall's: a run of about a minute. */
    static final DataRehearsal.Settings DEFAULTS = new DataRehearsal.Settings(2_000, 100, 4, 20);

    private DataRehearseCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Consumer<Context> program) {
        var options = new HashMap<String, String>();
        var overrides = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var flag = args.get(i);
            if (i + 1 >= args.size() || !FLAGS.contains(flag)) {
                err.println("rehearse: unknown or incomplete argument '" + flag + "'");
                err.println(USAGE);
                return RehearseCommand.ERROR;
            }
            var value = args.get(++i);
            if (flag.equals("--set")) {
                overrides.add(value);
            } else {
                options.put(flag, value);
            }
        }
        try {
            var settings = new DataRehearsal.Settings(number(options, "--preload", DEFAULTS.preload()),
                    number(options, "--rate", DEFAULTS.writesPerSecond()), DEFAULTS.workers(),
                    number(options, "--speed", DEFAULTS.clockSpeed()));
            var name = options.getOrDefault("--scenario", "data-happy-path");
            var scenarios = name.equals("all") ? DataScenarios.all() : List.of(DataScenarios.named(name));
            var servers = servers(options);
            if (servers != null) {
                var missing = new ArrayList<String>(ServerRequirements.missing("on-prem", servers.onprem()));
                missing.addAll(ServerRequirements.missing("Aurora", servers.aurora()));
                if (!missing.isEmpty()) {
                    err.println("rehearse: the servers cannot replicate yet:");
                    missing.forEach(problem -> err.println("  " + problem));
                    return RehearseCommand.ERROR;
                }
            }
            int exit = RehearseCommand.HELD;
            for (var scenario : scenarios) {
                exit = Math.max(exit, rehearse(scenario, options, overrides, settings, servers, program, out, err));
            }
            return exit;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            err.println("rehearse: " + e.getMessage());
            return RehearseCommand.ERROR;
        }
    }

    private static int rehearse(DataScenario scenario, Map<String, String> options, List<String> overrides,
                                DataRehearsal.Settings settings, DataPlane named, Consumer<Context> program,
                                PrintStream out, PrintStream err) {
        var stack = options.getOrDefault("--stack", "dev");
        var projectDir = Path.of(options.getOrDefault("--project-dir", "."));
        var all = new ArrayList<>(scenario.overrides());
        all.addAll(overrides);
        Map<String, String> config;
        PlannedStack planned;
        try {
            config = StackFiles.config(projectDir, stack, all);
            ConfigReader.read(ConfigSource.of(config));
            var run = OfflineEngine.run(StackFiles.projectName(projectDir), stack, config, program);
            if (!run.succeeded()) {
                err.println("rehearse: the program failed for stack '" + stack + "': " + run.errors());
                return RehearseCommand.ERROR;
            }
            planned = new PlannedStack(run);
        } catch (InvalidConfigException e) {
            err.println("rehearse: stack '" + stack + "' has " + e.getMessage());
            return RehearseCommand.ERROR;
        }
        out.printf("rehearse: data scenario %s on stack %s %s, %s: %s%n", scenario.name(), stack, all,
                named == null ? "embedded servers" : "on-prem " + named.onprem() + ", Aurora " + named.aurora(),
                scenario.summary());
        try {
            var plane = named != null ? named : embedded();
            try (var rehearsal = new DataRehearsal(planned, plane, settings)) {
                var result = scenario.run(rehearsal);
                new Timeline(rehearsal.rehearsal()).print(out);
                for (var check : result.checks()) {
                    out.printf("  %s %s%s%n", check.held() ? "HOLDS " : "BROKEN", check.description(),
                            check.held() ? "" : ": " + check.detail());
                }
                DataReport.print(result, out);
                out.printf("rehearse: %s: %d of %d invariants hold%n", scenario.name(),
                        result.checks().stream().filter(c -> c.held()).count(), result.checks().size());
                return result.held() ? RehearseCommand.HELD : RehearseCommand.VIOLATED;
            }
        } catch (SQLException e) {
            err.println("rehearse: a database failed during " + scenario.name() + ": " + e.getMessage());
            return RehearseCommand.ERROR;
        } catch (IllegalStateException e) {
            // The data did not settle (a direction that never drained, a replication that failed): not a pass.
            err.println("rehearse: " + scenario.name() + " did not settle: " + e.getMessage());
            return RehearseCommand.VIOLATED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rehearse: interrupted");
            return RehearseCommand.ERROR;
        }
    }

    private static DataPlane embedded() throws SQLException {
        var pair = EmbeddedServers.shared().fresh("rehearsal");
        return new DataPlane(pair.onprem(), pair.aurora(), pair.prefix());
    }

    /** The two servers the operator named, or null for embedded ones; both or neither. */
    private static DataPlane servers(Map<String, String> options) {
        var onprem = options.get("--onprem-url");
        var aurora = options.get("--aurora-url");
        if (onprem == null && aurora == null) {
            return null;
        }
        if (onprem == null || aurora == null) {
            throw new IllegalArgumentException("name both servers (--onprem-url and --aurora-url), or neither for "
                    + "embedded ones");
        }
        return new DataPlane(ServerRequirements.endpoint(onprem, options.get("--onprem-user"),
                options.get("--onprem-password")), ServerRequirements.endpoint(aurora, options.get("--aurora-user"),
                options.get("--aurora-password")), "rehearsal_");
    }

    private static int number(Map<String, String> options, String flag, int fallback) {
        return (int) number(options, flag, (double) fallback);
    }

    private static double number(Map<String, String> options, String flag, double fallback) {
        var value = options.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " '" + value + "' is not a number");
        }
    }
}
