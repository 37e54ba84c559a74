package com.paymentmigration.executor;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The functions Step Functions adds to JSONata ("Transforming data with JSONata in Step Functions", JSONata functions
 * provided by Step Functions), and the built-ins it changes: {@code $eval} is not available, and {@code $now()} /
 * {@code $millis()} read the execution's virtual clock. Argument errors surface as JSONata errors, which the executor
 * reports as {@code States.QueryEvaluationError}.
 */
final class StepFunctionsFunctions {

    /** Same bound as the States.ArrayRange intrinsic; the JSONata page does not state one for $range (UNVERIFIED). */
    static final int MAX_RANGE_ITEMS = 1000;
    static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final Supplier<Instant> clock;
    private final Random random;

    StepFunctionsFunctions(Supplier<Instant> clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    void bindInto(Jsonata.Frame frame) {
        // $now() and $millis() give the same instant throughout one evaluation, as JSONata specifies.
        long millis = clock.get().toEpochMilli();
        frame.bind("millis", fn((input, args) -> millis));
        frame.bind("now", fn((input, args) -> Functions.dateTimeFromMillis(millis,
                args.isEmpty() ? null : (String) args.get(0), args.size() < 2 ? null : (String) args.get(1))));
        frame.bind("eval", fn((input, args) -> {
            throw new IllegalArgumentException("$eval is not available in Step Functions; use $parse");
        }));
        frame.bind("partition", fn((input, args) -> partition(list(args, 0, "$partition"), integer(args, 1, "$partition"))));
        frame.bind("range", fn((input, args) -> range(integer(args, 0, "$range"), integer(args, 1, "$range"),
                integer(args, 2, "$range"))));
        frame.bind("hash", fn((input, args) -> hash(string(args, 0, "$hash"), string(args, 1, "$hash"))));
        frame.bind("random", fn((input, args) -> args.isEmpty() || args.get(0) == null
                ? random.nextDouble() : new Random(integer(args, 0, "$random")).nextDouble()));
        frame.bind("uuid", fn((input, args) -> uuid(random)));
        frame.bind("parse", fn((input, args) -> parse(string(args, 0, "$parse"))));
    }

    static List<Object> partition(List<?> items, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("$partition: the chunk size must be a positive integer, not " + size);
        }
        var chunks = new ArrayList<Object>();
        for (int from = 0; from < items.size(); from += (int) size) {
            chunks.add(new ArrayList<>(items.subList(from, (int) Math.min(items.size(), from + size))));
        }
        return chunks;
    }

    /** Start to end inclusive, by step (negative to count down), as States.ArrayRange does. */
    static List<Object> range(long start, long end, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("$range: the step must not be 0");
        }
        var values = new ArrayList<Object>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (values.size() == MAX_RANGE_ITEMS) {
                throw new IllegalArgumentException("$range: more than " + MAX_RANGE_ITEMS + " items");
            }
            values.add(v);
        }
        return values;
    }

    static String hash(String data, String algorithm) {
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("$hash: the algorithm must be one of " + HASH_ALGORITHMS + ", not '"
                    + algorithm + "'");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    /** A version 4 UUID from the execution's seeded random, so a run is repeatable. */
    static String uuid(Random random) {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | bytes[i] & 0xff;
            low = low << 8 | bytes[i + 8] & 0xff;
        }
        return new UUID(high, low).toString();
    }

    static Object parse(String text) {
        try {
            return JsonataValues.toJsonata(JsonataValues.JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$parse: not JSON: " + e.getOriginalMessage());
        }
    }

    private static Jsonata.JFunction fn(Jsonata.JFunctionCallable body) {
        return new Jsonata.JFunction(body, null);
    }

    private static Object argument(List<?> args, int index, String function) {
        if (args.size() <= index || args.get(index) == null) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " is missing");
        }
        return args.get(index);
    }

    private static List<?> list(List<?> args, int index, String function) {
        var value = argument(args, index, function);
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an array");
    }

    private static long integer(List<?> args, int index, String function) {
        if (argument(args, index, function) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an integer");
    }

    private static String string(List<?> args, int index, String function) {
        if (argument(args, index, function) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be a string");
    }
}
