package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.rehearsal.scenarios.Rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rehearsal: the config it needs on top of the stack's ({@code --set} overrides), what it scripts into the
 * stand-ins before anything runs, what it starts, and the invariants that must hold along the way and at the end
 * (the {@link Invariants#always() general ones} included).
 */
public record Scenario(String name, String summary, List<String> overrides, Consumer<Rehearsal> script,
                       Consumer<Rehearsal> act, List<Invariant> invariants) {

    public Scenario {
        overrides = List.copyOf(overrides);
        var all = new ArrayList<>(Invariants.always());
        all.addAll(invariants);
        invariants = List.copyOf(all);
    }

    /** What a run of the scenario saw. */
    public record Result(Scenario scenario, Rehearsal rehearsal, List<Invariant.Check> checks) {

        public boolean held() {
            return checks.stream().allMatch(Invariant.Check::held);
        }
    }

    public Result run(Rehearsal rehearsal) {
        script.accept(rehearsal);
        act.accept(rehearsal);
        return new Result(this, rehearsal, invariants.stream().map(i -> i.check(rehearsal)).toList());
    }
}
