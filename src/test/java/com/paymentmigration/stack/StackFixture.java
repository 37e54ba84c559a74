package com.paymentmigration.stack;

import com.paymentmigration.Main;
import com.paymentmigration.config.ConfigKey;
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

    /** The dev stack with {@code key=value} overrides (keys unqualified, e.g. {@code mode=rollback}). */
    public static StackRun dev(String... overrides) {
        return run(StackFiles.config(Path.of("."), "dev", List.of(overrides)));
    }

    public static StackRun run(Map<String, String> config) {
        return OfflineEngine.run(ConfigKey.NAMESPACE, "dev", config, Main::stack);
    }
}
