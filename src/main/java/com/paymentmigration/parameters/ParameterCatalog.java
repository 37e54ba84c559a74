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

    /** The writers' contract as writers and the rehearsal read it (paths under the stack's root). */
    public static final String WRITER_FLAG_MAX_AGE = "database/writer-flag-max-age-seconds";
    public static final String LONGEST_WRITE_TRANSACTION = "database/longest-write-transaction-seconds";

    private ParameterCatalog() {
    }

    public static List<ParameterSpec> of(MigrationConfig config) {
        var t = config.thresholds();
        return List.of(
                spec(Kind.CONFIGURED, config.mode().configValue(), "forward or rollback, from migration:mode", "mode"),
                spec(Kind.RUNTIME, NOT_STARTED, "current migration phase; written by the state machines", "phase"),
                spec(Kind.RUNTIME, "0", "share of API requests sent to the new backend (0-100); mirrors the API stage "
                        + "setting the state machines change", "traffic", "new-backend-percent"),
                spec(Kind.CONFIGURED, json(config.trafficSteps()), "traffic steps and bake minutes, as JSON",
                        "traffic", "steps"),
                spec(Kind.RUNTIME, ACTIVE_WRITER_ONPREM, "which database takes writes: onprem or aurora; flipped only "
                        + "by the cutover and rollback state machines", "database", "active-writer"),
                spec(Kind.RUNTIME, "off", "on while the cutover freezes writes; writers poll it", "database", "write-freeze"),
                spec(Kind.RUNTIME, "none", "seconds writes were frozen at the last cutover; written by the migration "
                        + "state machine", "database", "last-freeze-seconds"),
                spec(Kind.CONFIGURED, String.valueOf(config.writerContract().flagMaxAgeSeconds()), "longest a writer "
                        + "may act on a cached write-freeze or active-writer value, s; the state machines wait it out",
                        WRITER_FLAG_MAX_AGE.split("/")),
                spec(Kind.CONFIGURED, String.valueOf(config.writerContract().longestWriteTransactionSeconds()),
                        "longest a write transaction may stay open, s; the drain is measured only after it",
                        LONGEST_WRITE_TRANSACTION.split("/")),
                spec(Kind.CONFIGURED, String.valueOf(t.cdcLatencySeconds()), "CDC latency gate, seconds",
                        "thresholds", "cdc-latency-seconds"),
                spec(Kind.CONFIGURED, String.valueOf(t.cdcLatencyConsecutiveChecks()),
                        "consecutive checks under the CDC gate", "thresholds", "cdc-consecutive-checks"),
                spec(Kind.CONFIGURED, String.valueOf(t.api5xxRatePercent()), "API 5XX rate that stops a traffic step, %",
                        "thresholds", "api-5xx-rate-percent"),
                spec(Kind.CONFIGURED, String.valueOf(t.apiLatencyP99Ms()), "API p99 latency that stops a traffic step, ms",
                        "thresholds", "api-latency-p99-ms"),
                spec(Kind.CONFIGURED, String.valueOf(t.globalDbLagMs()), "global database lag alarm, ms",
                        "thresholds", "global-db-lag-ms"),
                spec(Kind.CONFIGURED, String.valueOf(t.writeFreezeMaxSeconds()), "longest write freeze before rollback, s",
                        "thresholds", "write-freeze-max-seconds"),
                spec(Kind.CONFIGURED, String.valueOf(config.cutoverBakeMinutes()), "bake after cutover, minutes",
                        "thresholds", "cutover-bake-minutes"),
                spec(Kind.SECURE, config.onPrem().dbHost() + ":" + config.onPrem().dbPort() + "/" + config.onPrem().dbName(),
                        "on-prem PostgreSQL primary as host:port/database (internal topology, so encrypted)",
                        "replication", "source-endpoint"),
                spec(Kind.CONFIGURED, tables(config.dms().tables()), "tables replicated and validated, as JSON",
                        "replication", "tables"),
                spec(Kind.RUNTIME, NOT_STARTED, "result of the last validation run; written by the migration state machine",
                        "validation", "status"),
                spec(Kind.RUNTIME, "none", "S3 key of the last validation report", "validation", "last-report"));
    }

    private static ParameterSpec spec(Kind kind, String value, String description, String... path) {
        return new ParameterSpec(List.of(path), value, kind, description);
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
