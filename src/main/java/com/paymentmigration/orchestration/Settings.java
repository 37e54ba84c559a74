package com.paymentmigration.orchestration;

import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.replication.DrainMarker;

import java.util.List;

/**
 * What config decides about the migration's pace and gates, as the definitions use it.
 *
 * @param tableIncludes          validated tables as DMS selects them ({@code schema.table}, {@code %} wildcard)
 * @param partitionsPerTable     validator partitions per table: the Distributed Map's fan-out
 * @param validationConcurrency  partitions validated at once (each holds one connection per database)
 * @param shiftsApi              traffic steps move the API stage's canary (DNS weights move when the targets
 *                               name a weighted zone)
 * @param writers                what the machines may assume of every writer: how long to wait after changing a flag
 */
public record Settings(List<MigrationConfig.TrafficStep> trafficSteps, int cdcLatencySeconds, int cdcConsecutiveChecks,
                       int cutoverBakeMinutes, int writeFreezeMaxSeconds, List<String> tableIncludes,
                       List<String> tableExcludes, int partitionsPerTable, int validationConcurrency,
                       boolean shiftsApi, MigrationConfig.WriterContract writers) {

    public Settings {
        trafficSteps = List.copyOf(trafficSteps);
        tableIncludes = List.copyOf(tableIncludes);
        tableExcludes = List.copyOf(tableExcludes);
    }

    public static Settings of(MigrationConfig config) {
        var t = config.thresholds();
        var tables = config.dms().tables();
        return new Settings(config.trafficSteps(), t.cdcLatencySeconds(), t.cdcLatencyConsecutiveChecks(),
                config.cutoverBakeMinutes(), t.writeFreezeMaxSeconds(),
                tables.included().stream().map(Object::toString).toList(),
                excludes(tables), 4, 8, config.trafficShift().movesApi(),
                config.writerContract());
    }

    /**
     * The configured exclusions plus the drain marker's schema: DMS replicates the marker table (TableMappings adds it),
     * but it is the migration's, so the validator never compares it and replication-ops never truncates or checks it.
     */
    private static List<String> excludes(MigrationConfig.TableSelection tables) {
        var excludes = new java.util.ArrayList<>(tables.excluded().stream().map(Object::toString).toList());
        excludes.add(DrainMarker.MARKER_SCHEMA.toString());
        return excludes;
    }
}
