package com.paymentmigration.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is registered; lists every problem at once so one edit fixes them all. */
public final class InvalidConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " config problem(s):\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
