package com.paymentmigration.parameters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentmigration.config.MigrationConfig;
import com.paymentmigration.parameters.ParameterSpec.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter that config alone decides, in one list. Components that own other values (task ARNs, API ids,
 * endpoints) add theirs through {@link Parameters#publish}. The README's hierarchy table mirrors this.
 */
public final class ParameterCatalog {

    public static final String NOT_STARTED = "not-started";
    public static final String ACTIVE_WRITER_ONPREM = "onprem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterCatalog() {
    }

    public static List<ParameterSpec> of(MigrationConfig config) {
        var t = config.thresholds();
        return List.of(
                spec(Kind.CONFIGURED, config.mode().configValue(), "forward or rollback, from migration:mode", ParameterKey.MODE),
                spec(Kind.RUNTIME, NOT_STARTED, "current migration phase; written by the state machines", ParameterKey.PHASE),
                spec(Kind.RUNTIME, "0", "share of API requests sent to the new backend (0-100); mirrors the API stage "
                        + "setting the state machines change", ParameterKey.TRAFFIC_NEW_BACKEND_PERCENT),
                spec(Kind.CONFIGURED, json(config.trafficSteps()), "traffic steps and bake minutes, as JSON",
                        ParameterKey.TRAFFIC_STEPS),
                spec(Kind.RUNTIME, ACTIVE_WRITER_ONPREM, "which database takes writes: onprem or aurora; flipped only "
                        + "by the cutover and rollback state machines", ParameterKey.DATABASE_ACTIVE_WRITER),
                spec(Kind.RUNTIME, "off", "on while the cutover freezes writes; writers poll it", ParameterKey.DATABASE_WRITE_FREEZE),
                spec(Kind.RUNTIME, "none", "seconds writes were frozen at the last cutover; written by the migration "
                        + "state machine", ParameterKey.DATABASE_LAST_FREEZE_SECONDS),
                spec(Kind.CONFIGURED, String.valueOf(config.writerContract().flagMaxAgeSeconds()), "longest a writer "
                        + "may act on a cached write-freeze or active-writer value, s; the state machines wait it out",
                        ParameterKey.DATABASE_WRITER_FLAG_MAX_AGE_SECONDS),
                spec(Kind.CONFIGURED, String.valueOf(config.writerContract().longestWriteTransactionSeconds()),
                        "longest a write transaction may stay open, s; the drain is measured only after it",
                        ParameterKey.DATABASE_LONGEST_WRITE_TRANSACTION_SECONDS),
                spec(Kind.CONFIGURED, String.valueOf(t.cdcLatencySeconds()), "CDC latency gate, seconds",
                        ParameterKey.THRESHOLD_CDC_LATENCY_SECONDS),
                spec(Kind.CONFIGURED, String.valueOf(t.cdcLatencyConsecutiveChecks()),
                        "consecutive checks under the CDC gate", ParameterKey.THRESHOLD_CDC_CONSECUTIVE_CHECKS),
                spec(Kind.CONFIGURED, String.valueOf(t.api5xxRatePercent()), "API 5XX rate that stops a traffic step, %",
                        ParameterKey.THRESHOLD_API_5XX_RATE_PERCENT),
                spec(Kind.CONFIGURED, String.valueOf(t.apiLatencyP99Ms()), "API p99 latency that stops a traffic step, ms",
                        ParameterKey.THRESHOLD_API_LATENCY_P99_MS),
                spec(Kind.CONFIGURED, String.valueOf(t.globalDbLagMs()), "global database lag alarm, ms",
                        ParameterKey.THRESHOLD_GLOBAL_DB_LAG_MS),
                spec(Kind.CONFIGURED, String.valueOf(t.writeFreezeMaxSeconds()), "longest write freeze before rollback, s",
                        ParameterKey.THRESHOLD_WRITE_FREEZE_MAX_SECONDS),
                spec(Kind.CONFIGURED, String.valueOf(config.cutoverBakeMinutes()), "bake after cutover, minutes",
                        ParameterKey.THRESHOLD_CUTOVER_BAKE_MINUTES),
                spec(Kind.SECURE, config.onPrem().dbHost() + ":" + config.onPrem().dbPort() + "/" + config.onPrem().dbName(),
                        "on-prem PostgreSQL primary as host:port/database (internal topology, so encrypted)",
                        ParameterKey.REPLICATION_SOURCE_ENDPOINT),
                spec(Kind.CONFIGURED, tables(config.dms().tables()), "tables replicated and validated, as JSON",
                        ParameterKey.REPLICATION_TABLES),
                spec(Kind.RUNTIME, NOT_STARTED, "result of the last validation run; written by the migration state machine",
                        ParameterKey.VALIDATION_STATUS),
                spec(Kind.RUNTIME, "none", "S3 key of the last validation report", ParameterKey.VALIDATION_LAST_REPORT));
    }

    private static ParameterSpec spec(Kind kind, String value, String description, ParameterKey key) {
        return new ParameterSpec(key, value, kind, description);
    }

    private static String tables(MigrationConfig.TableSelection tables) {
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("include", tables.included().stream().map(Object::toString).toList());
        selection.put("exclude", tables.excluded().stream().map(Object::toString).toList());
        return json(selection);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
