package com.paymentmigration.stack;

import com.paymentmigration.Main;
import com.paymentmigration.config.ConfigKey;
import com.paymentmigration.config.ConfigReader;
import com.paymentmigration.config.ConfigSource;
import com.paymentmigration.policy.PolicyContext;
import com.paymentmigration.plan.OfflineEngine;
import com.paymentmigration.plan.StackFiles;
import com.paymentmigration.plan.StackRun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole program under the mock engine, as {@code plan} does, and hands the recorded resources to a test.
 * Start from the committed dev stack and change only what the test is about.
 */
public final class StackFixture {

    private StackFixture() {
    }

    /** The committed dev stack, run once and shared: a run is immutable, and every test class starts from it. */
    private static StackRun devRun;

    /** The dev stack with {@code key=value} overrides (keys unqualified, e.g. {@code mode=rollback}). */
    public static synchronized StackRun dev(String... overrides) {
        if (overrides.length > 0) {
            return run(StackFiles.config(Path.of("."), "dev", List.of(overrides)));
        }
        if (devRun == null) {
            devRun = run(StackFiles.config(Path.of("."), "dev", List.of()));
        }
        return devRun;
    }

    /** The dev stack with the new backend at configured addresses instead of the ECS service (and no DNS). */
    public static final String[] WITHOUT_SERVICE = {"serviceEnabled=false", "newBackendIps=[\"10.20.0.10\"]",
            "dnsDomainName=", "trafficShiftBy=api"};
    private static StackRun withoutServiceRun;

    public static synchronized StackRun withoutService() {
        if (withoutServiceRun == null) {
            withoutServiceRun = dev(WITHOUT_SERVICE);
        }
        return withoutServiceRun;
    }

    /** The policy context of the dev stack with the same overrides, for running the rules over a run. */
    public static PolicyContext context(String... overrides) {
        return PolicyContext.of(ConfigReader.read(ConfigSource.of(StackFiles.config(Path.of("."), "dev", List.of(overrides)))));
    }

    public static StackRun run(Map<String, String> config) {
        return OfflineEngine.run(ConfigKey.NAMESPACE, "dev", config, Main::stack);
    }
}
