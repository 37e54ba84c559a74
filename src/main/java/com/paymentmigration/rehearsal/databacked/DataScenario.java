package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.scenarios.Invariant;
import com.paymentmigration.rehearsal.scenarios.Invariants;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A rehearsal on real data: the stack config it needs (short bakes and traffic steps, the replicated selection), what
 * it does while the writer writes, and what must hold of the timeline (the {@link Invariants#always() general
 * invariants} included) and of the data afterwards.
 *
 * @param overrides {@code --set} values on top of the stack's config
 * @param expected  what must hold of the timeline
 * @param data      what must hold of the data, given what the rehearsal measured
 */
public record DataScenario(String name, String summary, List<String> overrides, Consumer<DataRehearsal> act,
                           List<Invariant> expected, List<DataInvariants.Check> data) {

    public DataScenario {
        overrides = List.copyOf(overrides);
        var all = new ArrayList<>(Invariants.always());
        all.addAll(expected);
        expected = List.copyOf(all);
        data = List.copyOf(data);
    }

    /** What a run saw: every check, and the measurements behind the data ones. */
    public record Result(DataScenario scenario, DataRehearsal rehearsal, DataInvariants.Measured measured,
                         List<Invariant.Check> checks) {

        public boolean held() {
            return checks.stream().allMatch(Invariant.Check::held);
        }
    }

    public Result run(DataRehearsal rehearsal) throws SQLException, InterruptedException {
        rehearsal.run(act);
        var measured = DataInvariants.measure(rehearsal);
        var checks = new ArrayList<Invariant.Check>();
        expected.forEach(invariant -> checks.add(invariant.check(rehearsal.rehearsal())));
        data.forEach(check -> checks.add(check.check(measured)));
        return new Result(this, rehearsal, measured, List.copyOf(checks));
    }
}
