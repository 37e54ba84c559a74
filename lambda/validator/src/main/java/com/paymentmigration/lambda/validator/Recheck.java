package com.paymentmigration.lambda.validator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows still being replicated look different for a moment. Every difference is read again on both sides after a
 * delay, up to a number of attempts; one that agrees on any re-read is transient, one that never does is confirmed
 * (with its kind as last seen).
 */
public final class Recheck {

    /** Sleeps; a parameter so tests can count the waits instead of taking them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);

        Sleeper REAL = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryFailedException("interrupted while waiting to re-check differences", e);
            }
        };
    }

    public record Result(List<Difference> confirmed, List<Difference> transients) {
    }

    private Recheck() {
    }

    public static Result run(List<Difference> candidates, Function<List<List<String>>, Sides.Pair<Map<List<String>, Long>>> reread,
                             Duration delay, int attempts, Sleeper sleeper) {
        var remaining = new ArrayList<>(candidates);
        var transients = new ArrayList<Difference>();
        for (int attempt = 0; attempt < attempts && !remaining.isEmpty(); attempt++) {
            sleeper.sleep(delay);
            var now = reread.apply(remaining.stream().map(Difference::key).toList());
            var still = new ArrayList<Difference>();
            for (var candidate : remaining) {
                var kind = Difference.classify(now.source().get(candidate.key()), now.target().get(candidate.key()));
                if (kind == null) {
                    transients.add(candidate);
                } else {
                    still.add(new Difference(candidate.key(), kind, candidate.columns(), candidate.copies()));
                }
            }
            remaining = still;
        }
        return new Result(remaining, transients);
    }
}
