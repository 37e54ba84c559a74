package com.paymentmigration.executor;

import java.util.List;

/** A definition that breaks a rule of the Amazon States Language (JSONata mode); every problem names state and field. */
public final class InvalidDefinitionException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("invalid state machine definition:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
