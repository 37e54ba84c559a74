package com.paymentmigration.cli;

import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.config.InvalidConfigException;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.plan.OfflineEngine;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.plan.StackRun;
import com.paymentmigration.policy.PolicyContext;
import com.paymentmigration.policy.PolicyEngine;
import com.pulumi.Context;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code plan [--stack dev] [--set key=value]... [--out DIR] [--project-dir DIR]}: runs the program offline under
 * the mock engine with the stack's own config, checks it against the policy rules and writes the plan. Exit 0 clean,
 * 1 policy findings, 2 config or program error. The program is a parameter, so this package needs nothing of the
 * entry point that calls it.
 */
public final class PlanCommand {

    public static final int CLEAN = 0;
    public static final int POLICY_VIOLATIONS = 1;
    public static final int ERROR = 2;

    private PlanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Consumer<Context> program) {
        long started = System.nanoTime();
        String stack = "dev";
        Path projectDir = Path.of(".");
        Path outDir = null;
        var overrides = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            var flag = args[i];
            if (i + 1 >= args.length || !List.of("--stack", "--set", "--out", "--project-dir").contains(flag)) {
                err.println("plan: unknown or incomplete argument '" + flag + "'");
                err.println("usage: plan [--stack NAME] [--set key=value]... [--out DIR] [--project-dir DIR]");
                return ERROR;
            }
            var value = args[++i];
            switch (flag) {
                case "--stack" -> stack = value;
                case "--set" -> overrides.add(value);
                case "--out" -> outDir = Path.of(value);
                default -> projectDir = Path.of(value);
            }
        }
        if (outDir == null) {
            outDir = projectDir.resolve("build").resolve("plan");
        }

        String project;
        Map<String, String> config;
        MigrationConfig parsed;
        try {
            project = StackFiles.projectName(projectDir);
            config = StackFiles.config(projectDir, stack, overrides);
            parsed = ConfigReader.read(ConfigSource.of(config));
        } catch (InvalidConfigException e) {
            err.println("plan: stack '" + stack + "' has " + e.getMessage());
            return ERROR;
        } catch (IllegalArgumentException e) {
            err.println("plan: " + e.getMessage());
            return ERROR;
        }

        var run = OfflineEngine.run(project, stack, config, program);
        if (!run.succeeded()) {
            err.println("plan: the program failed for stack '" + stack + "':");
            run.errors().forEach(e -> err.println("  " + e));
            run.exceptions().stream().map(PlanCommand::rootCause).distinct()
                    .forEach(e -> err.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            return ERROR;
        }
        var findings = PolicyEngine.standard().evaluate(run, PolicyContext.of(parsed));
        int documents = PlanWriter.write(outDir, run, findings);

        out.printf("plan: stack %s (mode %s), %d resources, %d documents, %d findings -> %s%n", stack,
                parsed.mode().configValue(), run.resources().size(), documents, findings.size(), outDir.normalize());
        summary(run).forEach((component, count) -> out.printf("  %-40s %4d%n", component, count));
        findings.forEach(f -> out.println("  FINDING " + f));
        out.printf("plan: done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return findings.isEmpty() ? CLEAN : POLICY_VIOLATIONS;
    }

    /** Resources per component (or "stack" for those outside any). */
    static Map<String, Long> summary(StackRun run) {
        var byUrn = run.byUrn();
        return run.resources().stream().filter(r -> r.custom() && !r.isProvider())
                .collect(Collectors.groupingBy(r -> StackRun.componentOf(r, byUrn).map(c -> c.name() + " (" + c.type() + ")")
                        .orElse("stack"), TreeMap::new, Collectors.counting()));
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}
