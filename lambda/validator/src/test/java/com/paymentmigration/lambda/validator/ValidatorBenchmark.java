package com.paymentmigration.lambda.validator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The validator's benchmark (not a unit test; run by benchmark.sh): on two databases holding the same payments
 * table except for planted differences, it times (a) the floor, one scan per side hashing every column's typed
 * value, both sides at once, and (b) the validator end to end (plan, validate, aggregate), checks that the
 * validator found exactly the planted differences, and reports rows/s and peak heap.
 *
 * <p>Arguments: source JDBC URL, target JDBC URL, file of planted differences (kind,id per line), runs.
 */
public final class ValidatorBenchmark {

    private static final String ROW_HASH = "hash_record_extended(ROW(id, merchant_id, amount, currency, status, "
            + "reference, created_at, metadata), 0)";

    public static void main(String[] args) throws Exception {
        var source = args[0];
        var target = args[1];
        var planted = plantedDifferences(args[2]);
        int runs = Integer.parseInt(args[3]);
        long rows = count(source);

        var floor = new ArrayList<Double>();
        floorScan(source, target);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            floorScan(source, target);
            floor.add((System.nanoTime() - start) / 1e9);
        }

        var validator = new ArrayList<Double>();
        long peakHeap = 0;
        Set<String> found = Set.of();
        runValidator(source, target);
        for (int i = 0; i < runs; i++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            found = runValidator(source, target);
            validator.add((System.nanoTime() - start) / 1e9);
            peakHeap = Math.max(peakHeap, peakHeap());
        }
        double floorMedian = median(floor);
        double validatorMedian = median(validator);
        System.out.printf("rows per side           %,d%n", rows);
        System.out.printf("floor (both at once)    median %.2f s, min %.2f s   runs %s%n", floorMedian, Collections.min(floor), floor);
        System.out.printf("validator end to end    median %.2f s, min %.2f s   runs %s%n", validatorMedian, Collections.min(validator), validator);
        System.out.printf("ratio validator/floor   %.2f%n", validatorMedian / floorMedian);
        System.out.printf("validator rows/s        %,.0f (per side)%n", rows / validatorMedian);
        System.out.printf("peak heap (validator)   %.1f MB%n", peakHeap / 1048576.0);
        System.out.printf("planted differences     %d, found %d, exact: %s%n", planted.size(), found.size(), found.equals(planted));
        if (!found.equals(planted)) {
            var missed = new HashSet<>(planted);
            missed.removeAll(found);
            var extra = new HashSet<>(found);
            extra.removeAll(planted);
            System.out.println("missed " + missed + " unexpected " + extra);
            System.exit(1);
        }
    }

    private static void floorScan(String source, String target) {
        var sql = "SELECT count(*), sum(" + ROW_HASH + ") FROM payments";
        var onTarget = CompletableFuture.runAsync(() -> query(target, sql));
        query(source, sql);
        onTarget.join();
    }

    private static Set<String> runValidator(String source, String target) throws Exception {
        var reports = Files.createTempDirectory("validator-bench");
        var from = new DatabaseAddress(source, null, null);
        var to = new DatabaseAddress(target, null, null);
        var validator = new Validator(() -> Sides.open(from, to), new DirectoryReportStore(reports),
                new EmbeddedMetrics(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "bench"),
                Recheck.Sleeper.REAL, System::currentTimeMillis);
        // Nothing replicates here, so the re-check need not wait: one immediate re-read.
        var options = "{\"recheckDelaySeconds\": 0, \"recheckAttempts\": 1, \"maxReportedRows\": 10000}";
        var result = Cli.runAll(validator, Json.MAPPER.valueToTree(List.of("public.payments")), 1, options);
        var report = Json.read(Files.readAllBytes(reports.resolve(result.get("reportKey").asText())), RunReport.class, "report");
        var found = new HashSet<String>();
        for (var difference : report.tables().get(0).differences()) {
            found.add(difference.kind() + "," + difference.key().get(0));
        }
        return found;
    }

    private static Set<String> plantedDifferences(String file) throws Exception {
        var set = new HashSet<String>();
        for (var line : Files.readAllLines(java.nio.file.Path.of(file))) {
            if (!line.isBlank()) {
                set.add(line.trim());
            }
        }
        return set;
    }

    private static long count(String url) {
        return query(url, "SELECT count(*) FROM payments");
    }

    private static long query(String url, String sql) {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("SET max_parallel_workers_per_gather = 0");
            try (var rows = s.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
