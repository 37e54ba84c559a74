package com.paymentmigration.lambda.validator.compare;

import com.paymentmigration.lambda.validator.QueryFailedException;
import com.paymentmigration.lambda.validator.database.Sides;

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

    /** A candidate as re-read (source and target value: row hash, or copy count), or null when it now agrees. */
    @FunctionalInterface
    public interface Reread {
        Difference judge(Difference candidate, Long source, Long target);

        /** Keyed rows: the kind as the row hashes now show it. */
        Reread BY_KEY = (candidate, source, target) -> {
            var kind = Difference.classify(source, target);
            return kind == null ? null : new Difference(candidate.key(), kind, candidate.columns(), candidate.copies());
        };
    }

    private Recheck() {
    }

    public static Result run(List<Difference> candidates, Function<List<List<String>>, Sides.Pair<Map<List<String>, Long>>> reread,
                             Reread judge, Duration delay, int attempts, Sleeper sleeper) {
        var remaining = new ArrayList<>(candidates);
        var transients = new ArrayList<Difference>();
        for (int attempt = 0; attempt < attempts && !remaining.isEmpty(); attempt++) {
            sleeper.sleep(delay);
            var now = reread.apply(remaining.stream().map(Difference::key).toList());
            var still = new ArrayList<Difference>();
            for (var candidate : remaining) {
                var judged = judge.judge(candidate, now.source().get(candidate.key()), now.target().get(candidate.key()));
                if (judged == null) {
                    transients.add(candidate);
                } else {
                    still.add(judged);
                }
            }
            remaining = still;
        }
        return new Result(remaining, transients);
    }
}
