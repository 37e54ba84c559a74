package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.orchestration.Targets;
import com.paymentmigration.rehearsal.scenarios.Timeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The numbers a data rehearsal reports after its timeline: payments, what was lost, the freeze, time per phase. */
public final class DataReport {

    private DataReport() {
    }

    public static void print(DataScenario.Result result, PrintStream out) {
        var rehearsal = result.rehearsal();
        var measured = result.measured();
        var stats = measured.stats();
        var audit = measured.audit();
        double speed = rehearsal.clock().speed();
        out.printf(Locale.ROOT, "payments: %d written (%d acknowledged writes, %d of them by Aurora; %d preloaded), "
                        + "checked in %s: %d lost, %d duplicated, %d stale%n", audit.payments(), stats.acknowledged(),
                stats.acknowledgedByAurora(), rehearsal.settings().preload(), measured.endWriter(), audit.lost(),
                audit.duplicated(), audit.stale());
        for (var freeze : stats.freezes()) {
            out.printf(Locale.ROOT, "write freeze felt by the writer: %.2f s (real time: first write refused to first "
                    + "write acknowledged after it)%n", freeze.toMillis() / 1000.0);
        }
        var aws = rehearsal.rehearsal().aws();
        // The parameter holds a placeholder until a cutover records a freeze.
        aws.parameters.value(aws.parameters.nameOf(Targets.FREEZE_SECONDS)).filter(s -> !Double.isNaN(parse(s)))
                .ifPresent(seconds -> out.printf(Locale.ROOT, "write freeze the migration recorded: %s s on the "
                        + "rehearsal clock (%.2f s real at speed %s)%n", seconds, parse(seconds) / speed, speed(speed)));
        for (var validation : measured.validations()) {
            out.printf("%s: %s%n", validation.state(), validation.result());
        }
        measured.settled().ifPresent(settled -> out.printf("validation once settled: %s%n", settled));
        out.printf(Locale.ROOT, "time per phase (rehearsal clock at speed %s; real time in brackets):%n", speed(speed));
        var phases = new Timeline(rehearsal.rehearsal()).writes(Targets.PHASE);
        var start = rehearsal.rehearsal().start();
        for (int i = 0; i < phases.size(); i++) {
            Instant from = phases.get(i).time();
            Instant to = i + 1 < phases.size() ? phases.get(i + 1).time() : rehearsal.rehearsal().end();
            var length = Duration.between(from, to);
            out.printf(Locale.ROOT, "  %-14s from %s  %7.1f s  (%6.2f s)%n", phases.get(i).value(),
                    Timeline.offset(start, from), length.toMillis() / 1000.0, length.toMillis() / 1000.0 / speed);
        }
        out.printf(Locale.ROOT, "wall time of the rehearsal (writer started to data settled): %.1f s%n",
                rehearsal.realDuration().toMillis() / 1000.0);
    }

    private static double parse(String seconds) {
        try {
            return Double.parseDouble(seconds);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String speed(double speed) {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }
}
