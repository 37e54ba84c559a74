package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.rehearsal.scenarios.Rehearsal;

import java.util.Optional;
import java.util.function.Function;

/**
 * Something that must hold of a rehearsal's timeline and end state.
 *
 * @param violation what is wrong, or empty when it holds
 */
public record Invariant(String description, Function<Rehearsal, Optional<String>> violation) {

    /** The outcome of checking one invariant. */
    public record Check(String description, boolean held, String detail) {
    }

    public Check check(Rehearsal rehearsal) {
        var problem = violation.apply(rehearsal);
        return new Check(description, problem.isEmpty(), problem.orElse(""));
    }

    static Invariant of(String description, boolean holds, String otherwise) {
        return new Invariant(description, r -> holds ? Optional.empty() : Optional.of(otherwise));
    }
}
