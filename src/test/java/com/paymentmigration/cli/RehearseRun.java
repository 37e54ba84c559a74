package com.paymentmigration.cli;

import com.paymentmigration.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The rehearse command run as its users run it (on the program's stacks), with what it printed kept. */
final class RehearseRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The command's exit code; what it printed accumulates in {@link #printed} and {@link #errors}. */
    int rehearse(String... args) {
        return RehearseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Main::stack);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
