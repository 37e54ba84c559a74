package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.compare.ComparedTable;
import com.paymentmigration.lambda.validator.compare.Difference;
import com.paymentmigration.lambda.validator.compare.PartitionReport;
import com.paymentmigration.lambda.validator.compare.Recheck;
import com.paymentmigration.lambda.validator.database.DatabaseAddress;
import com.paymentmigration.lambda.validator.database.Sides;
import com.paymentmigration.lambda.validator.report.DirectoryReportStore;
import com.paymentmigration.lambda.validator.report.EmbeddedMetrics;
import com.paymentmigration.lambda.validator.report.Json;
import com.paymentmigration.lambda.validator.report.RunReport;
import com.paymentmigration.lambda.validator.schema.Catalog;
import com.paymentmigration.lambda.validator.schema.TableName;
import com.paymentmigration.lambda.validator.schema.TableSelection;

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

/**
 * The validator's benchmark (not a unit test; run by benchmark.sh): on two databases holding the same payments
 * table except for planted differences, it times, each with both sides at once,
 * (a) the unsound floor: one scan per side summing PostgreSQL's typed row hash ({@code hash_record_extended}),
 * (b) the sound floor: one scan per side summing the validator's own row fingerprint, no grouping,
 * (c) the validator end to end (plan, validate, aggregate),
 * checks that the validator found exactly the planted differences (key, kind, and columns for DIFFERENT), and
 * reports the ratios, rows/s and peak heap. Runs are interleaved (floor, floor, validator) so that a load change on
 * the machine hits all three alike.
 *
 * <p>Arguments: source JDBC URL, target JDBC URL, file of planted differences (kind,id per line), runs.
 */
public final class ValidatorBenchmark {

    private static final String TYPED_HASH = "hash_record_extended(ROW(id, merchant_id, amount, currency, status, "
            + "reference, created_at, metadata), 0)";
    /** The planted updates change this column only. */
    private static final List<String> CHANGED = List.of("amount");

    public static void main(String[] args) throws Exception {
        var source = args[0];
        var target = args[1];
        var planted = plantedDifferences(args[2]);
        int runs = Integer.parseInt(args[3]);
        long rows = count(source);
        if (args.length > 4 && args[4].equals("--every-row-differs")) {
            everyRowDiffers(source, target, rows);
            return;
        }
        var fingerprint = fingerprint(source, target);

        var typed = new ArrayList<Double>();
        var sound = new ArrayList<Double>();
        var validator = new ArrayList<Double>();
        long peakHeap = 0;
        Set<String> found = Set.of();
        scan(source, target, TYPED_HASH);
        scan(source, target, fingerprint);
        runValidator(source, target);
        for (int i = 0; i < runs; i++) {
            typed.add(scan(source, target, TYPED_HASH));
            sound.add(scan(source, target, fingerprint));
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            found = runValidator(source, target);
            validator.add((System.nanoTime() - start) / 1e9);
            peakHeap = Math.max(peakHeap, peakHeap());
        }
        double soundMedian = median(sound);
        double validatorMedian = median(validator);
        System.out.printf("rows per side                     %,d%n", rows);
        System.out.printf("unsound floor (typed hashes)      median %.2f s, min %.2f s   runs %s%n", median(typed), Collections.min(typed), typed);
        System.out.printf("sound floor (row fingerprint)     median %.2f s, min %.2f s   runs %s%n", soundMedian, Collections.min(sound), sound);
        System.out.printf("validator end to end              median %.2f s, min %.2f s   runs %s%n", validatorMedian, Collections.min(validator), validator);
        System.out.printf("ratio validator / sound floor     %.2f (medians; per run: %s)%n", validatorMedian / soundMedian, ratios(validator, sound));
        System.out.printf("ratio sound floor / unsound floor %.2f%n", soundMedian / median(typed));
        System.out.printf("validator rows/s                  %,.0f (per side)%n", rows / validatorMedian);
        System.out.printf("peak heap (validator)             %.1f MB%n", peakHeap / 1048576.0);
        System.out.printf("planted differences               %d, found %d, exact (key, kind, columns): %s%n", planted.size(),
                found.size(), found.equals(planted));
        if (!found.equals(planted)) {
            var missed = new HashSet<>(planted);
            missed.removeAll(found);
            var extra = new HashSet<>(found);
            extra.removeAll(planted);
            System.out.println("missed " + missed + " unexpected " + extra);
            System.exit(1);
        }
    }

    /** One run where (nearly) every row differs: exact counts, bounded heap (the JVM's -Xmx caps it). */
    private static void everyRowDiffers(String source, String target, long rows) throws Exception {
        resetPeaks();
        long start = System.nanoTime();
        var table = validate(source, target, "{\"recheckDelaySeconds\": 0, \"recheckAttempts\": 1}");
        System.out.printf("every row differs: %,d rows, %,d different, %,d missing, %,d extra, %d listed, %.1f s, "
                        + "peak heap %.1f MB (max %d MB)%n", rows, table.different(), table.missingInTarget(),
                table.extraInTarget(), table.differences().size(), (System.nanoTime() - start) / 1e9,
                peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** The validator's own fingerprint of the benchmark table, as it would compare it. */
    private static String fingerprint(String source, String target) {
        try (var sides = Sides.open(new DatabaseAddress(source, null, null), new DatabaseAddress(target, null, null))) {
            var shapes = sides.both(side -> Catalog.describe(side, TableName.parse("public.payments")));
            return ComparedTable.of(TableSelection.of("public.payments"), shapes.source(), shapes.target())
                    .fingerprint(true).row();
        }
    }

    private static List<String> ratios(List<Double> validator, List<Double> floor) {
        var list = new ArrayList<String>();
        for (int i = 0; i < validator.size(); i++) {
            list.add(String.format("%.2f", validator.get(i) / floor.get(i)));
        }
        return list;
    }

    /** One scan per side summing a row expression, both sides at once, in the validator's session settings. */
    private static double scan(String source, String target, String rowExpression) {
        var sql = "SELECT count(*), sum(" + rowExpression + ") FROM payments";
        long start = System.nanoTime();
        try (var sides = Sides.open(new DatabaseAddress(source, null, null), new DatabaseAddress(target, null, null))) {
            sides.both(side -> side.query(sql, s -> { }, r -> r.next()));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Set<String> runValidator(String source, String target) throws Exception {
        // Nothing replicates here, so the re-check need not wait: one immediate re-read.
        var table = validate(source, target, "{\"recheckDelaySeconds\": 0, \"recheckAttempts\": 1, \"maxReportedRows\": 10000}");
        var found = new HashSet<String>();
        for (var difference : table.differences()) {
            boolean columnsRight = difference.kind() != Difference.Kind.DIFFERENT || CHANGED.equals(difference.columns());
            found.add(difference.kind() + "," + difference.key().get(0) + (columnsRight ? "" : ",columns " + difference.columns()));
        }
        return found;
    }

    /** The validator end to end (plan, validate, aggregate) on the payments table: its merged report. */
    private static PartitionReport validate(String source, String target, String options) throws Exception {
        var reports = Files.createTempDirectory("validator-bench");
        var from = new DatabaseAddress(source, null, null);
        var to = new DatabaseAddress(target, null, null);
        var validator = new Validator(() -> Sides.open(from, to), new DirectoryReportStore(reports),
                new EmbeddedMetrics(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "bench"),
                Recheck.Sleeper.REAL, System::currentTimeMillis);
        var result = Cli.runAll(validator, Json.MAPPER.valueToTree(List.of("public.payments")), 1, options);
        return Json.read(Files.readAllBytes(reports.resolve(result.get("reportKey").asText())), RunReport.class, "report")
                .tables().get(0);
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
