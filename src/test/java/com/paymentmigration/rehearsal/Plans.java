package com.paymentmigration.rehearsal;

import com.paymentmigration.rehearsal.standins.PlannedStack;
import com.paymentmigration.stack.StackFixture;

import java.util.HashMap;
import java.util.Map;

/** The dev stack's plan with overrides, run once per JVM for each set of overrides the rehearsal tests use. */
public final class Plans {

    private static final Map<String, PlannedStack> PLANS = new HashMap<>();

    private Plans() {
    }

    /** The committed dev stack (shifts by API and DNS). */
    public static PlannedStack dev() {
        return of();
    }

    public static synchronized PlannedStack of(String... overrides) {
        return PLANS.computeIfAbsent(String.join("\n", overrides),
                k -> new PlannedStack(overrides.length == 0 ? StackFixture.dev() : StackFixture.dev(overrides)));
    }
}
