package com.paymentmigration.rehearsal.scenarios;

import com.paymentmigration.parameters.ParameterKey;
import com.paymentmigration.rehearsal.scenarios.Rehearsal;
import com.paymentmigration.rehearsal.standins.AwsStandIns.CallRecord;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads a rehearsal's calls: who wrote what when, and the printed timeline. */
public final class Timeline {

    /** A parameter write that succeeded: when, by which execution, the value. */
    public record Write(Instant time, String executionArn, String state, String value) {
    }

    private final Rehearsal rehearsal;

    public Timeline(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
    }

    public List<CallRecord> calls() {
        return rehearsal.aws().calls();
    }

    public List<CallRecord> succeeded(String operation) {
        return calls().stream().filter(c -> c.succeeded() && c.operation().equals(operation)).toList();
    }

    /** Successful writes of the stack parameter whose path ends with {@code key}, in order. */
    public List<Write> writes(ParameterKey key) {
        var name = rehearsal.aws().parameters.nameOf(key);
        return succeeded("ssm:putParameter").stream().filter(c -> c.arguments().path("Name").asText().equals(name))
                .map(c -> new Write(c.time(), c.executionArn(), c.state(), c.arguments().path("Value").asText())).toList();
    }

    public String value(ParameterKey key) {
        var aws = rehearsal.aws();
        return aws.parameters.value(aws.parameters.nameOf(key)).orElseThrow();
    }

    /** {@code T+01:02:03} from the virtual rehearsals' start. */
    static String offset(Instant time) {
        return offset(Rehearsal.START, time);
    }

    /** {@code T+01:02:03} from {@code start}. */
    public static String offset(Instant start, Instant time) {
        var elapsed = Duration.between(start, time);
        return String.format("T+%02d:%02d:%02d", elapsed.toHours(), elapsed.toMinutesPart(), elapsed.toSecondsPart());
    }

    /** The execution as a reader knows it: the machine's short name, or a distributed Map's child. */
    static String who(String executionArn) {
        var parts = executionArn.split(":");
        if (parts.length < 8) {
            return executionArn;
        }
        var machine = parts[6];
        return machine.contains("/") ? "  partition " + parts[7].substring(0, 8) : machine.replaceFirst("^migration-", "")
                .replaceFirst("-[a-z0-9]+$", "") + "/" + parts[7];
    }

    /** One line per call: virtual time, execution, state, AWS call, outcome; repeated partition calls folded. */
    public void print(PrintStream out) {
        String folded = null;
        int repeats = 0;
        for (var call : calls()) {
            var outcome = call.succeeded() ? "ok" : call.error() + ": " + abbreviate(call.cause());
            var line = String.format("%-11s %-26s %-44s %-46s %s", offset(rehearsal.start(), call.time()), abbreviate(who(call.executionArn()), 26),
                    abbreviate(call.state(), 44), call.operation(), outcome);
            var key = who(call.executionArn()).startsWith("  partition") ? call.state() + call.operation() + outcome : null;
            if (key != null && key.equals(folded)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                out.printf("%-11s %-26s ... %d more partition calls like the one above%n", "", "", repeats);
            }
            repeats = 0;
            folded = key;
            out.println(line);
        }
        if (repeats > 0) {
            out.printf("%-11s %-26s ... %d more partition calls like the one above%n", "", "", repeats);
        }
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String abbreviate(String text) {
        return abbreviate(text == null ? "" : text.replace('\n', ' '), 120);
    }
}
