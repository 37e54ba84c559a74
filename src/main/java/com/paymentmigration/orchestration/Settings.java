package com.paymentmigration.orchestration;

import com.paymentmigration.config.MigrationConfig;

import java.util.List;

/**
 * What config decides about the migration's pace and gates, as the definitions use it.
 *
 * @param tableIncludes          validated tables as DMS selects them ({@code schema.table}, {@code %} wildcard)
 * @param partitionsPerTable     validator partitions per table: the Distributed Map's fan-out
 * @param validationConcurrency  partitions validated at once (each holds one connection per database)
 * @param shiftsApi              traffic steps move the API stage's canary (DNS weights move when the targets
 *                               name a weighted zone)
 */
public record Settings(List<MigrationConfig.TrafficStep> trafficSteps, int cdcLatencySeconds, int cdcConsecutiveChecks,
                       int cutoverBakeMinutes, int writeFreezeMaxSeconds, List<String> tableIncludes,
                       List<String> tableExcludes, int partitionsPerTable, int validationConcurrency,
                       boolean shiftsApi) {

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
                tables.excluded().stream().map(Object::toString).toList(), 4, 8, config.trafficShift().movesApi());
    }
}
