package com.paymentmigration.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSettingsTest {

    private static final JsonNode SETTINGS = read();

    /** Top-level sections of the task settings document, as the DMS User Guide lists them. */
    private static final Set<String> DOCUMENTED_SECTIONS = Set.of("TargetMetadata", "FullLoadSettings", "Logging",
            "ControlTablesSettings", "StreamBufferSettings", "ChangeProcessingDdlHandlingPolicy", "ErrorBehavior",
            "ChangeProcessingTuning", "ValidationSettings", "FailTaskWhenCleanTaskResourceFailed",
            "CharacterSetSettings", "BeforeImageSettings", "LoopbackPreventionSettings", "PostProcessingRules",
            "TTSettings");
    /** Sections DMS fills in when left out, so a document without them shows a diff on every up. */
    private static final Set<String> REQUIRED_SECTIONS = Set.of("TargetMetadata", "FullLoadSettings", "Logging",
            "ControlTablesSettings", "StreamBufferSettings", "ChangeProcessingDdlHandlingPolicy", "ErrorBehavior",
            "ChangeProcessingTuning", "ValidationSettings");
    private static final Set<String> ERROR_ACTIONS = Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK",
            "INSERT_RECORD", "UPDATE_RECORD", "IGNORE");

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(TaskSettings.document());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isACompleteDocumentOfDocumentedSections() {
        var sections = new HashSet<String>();
        SETTINGS.fieldNames().forEachRemaining(sections::add);
        assertThat(DOCUMENTED_SECTIONS).containsAll(sections);
        assertThat(sections).containsAll(REQUIRED_SECTIONS);
    }

    @Test
    void logsToCloudWatchWithoutTheReadOnlyGroupAndStream() {
        var logging = SETTINGS.get("Logging");
        assertThat(logging.get("EnableLogging").asBoolean()).isTrue();
        assertThat(logging.has("CloudWatchLogGroup")).isFalse();
        assertThat(logging.has("CloudWatchLogStream")).isFalse();
        var ids = new HashSet<String>();
        logging.get("LogComponents").forEach(c -> {
            assertThat(c.get("Severity").asText()).startsWith("LOGGER_SEVERITY_");
            ids.add(c.get("Id").asText());
        });
        assertThat(ids).contains("SOURCE_CAPTURE", "TARGET_APPLY", "VALIDATOR_EXT", "TASK_MANAGER")
                .hasSize(TaskSettings.LOG_COMPONENTS.size());
    }

    @Test
    void dmsValidatesEveryRow() {
        var validation = SETTINGS.get("ValidationSettings");
        assertThat(validation.get("EnableValidation").asBoolean()).isTrue();
        assertThat(validation.get("ValidationMode").asText()).isEqualTo("ROW_LEVEL");
        assertThat(validation.get("ValidationOnly").asBoolean()).as("immutable after create; must be false").isFalse();
        assertThat(validation.get("SkipLobColumns").asBoolean()).isFalse();
    }

    @Test
    void lobsArriveWholeAndTheSchemaIsKept() {
        var target = SETTINGS.get("TargetMetadata");
        assertThat(target.get("SupportLobs").asBoolean()).isTrue();
        assertThat(target.get("FullLobMode").asBoolean()).as("limited LOB mode truncates").isTrue();
        assertThat(target.get("LimitedSizeLobMode").asBoolean()).isFalse();
        assertThat(target.get("BatchApplyEnabled").asBoolean()).as("commit order preserved").isFalse();
    }

    @Test
    void changesApplyOneTransactionAtATimeInCommitOrderWhichTheDrainMarkerProves() {
        var target = SETTINGS.get("TargetMetadata");
        assertThat(target.get("BatchApplyEnabled").asBoolean()).as("no batch-optimized apply").isFalse();
        assertThat(target.get("ParallelApplyThreads").asInt()).as("no parallel apply threads").isZero();
    }

    @Test
    void dmsLeavesThePreCreatedTablesAloneBecauseItWouldTruncateReferencedTablesOneByOne() {
        // PostgreSQL refuses TRUNCATE of a table a foreign key references unless the referencing table is truncated in
        // the same statement; DMS truncates table by table. replication-ops empties them together instead.
        assertThat(SETTINGS.at("/FullLoadSettings/TargetTablePrepMode").asText()).isEqualTo("DO_NOTHING");
        assertThat(SETTINGS.at("/ControlTablesSettings/ControlSchema").asText()).isEqualTo(TaskSettings.CONTROL_SCHEMA)
                .as("never public: PostgreSQL 15+ denies CREATE there to ordinary users").isNotIn("", "public");
    }

    /**
     * The values DMS documents for each enum-like setting (AWS DMS User Guide, "Error handling task settings" and
     * "Full-load task settings"): the settings document is not part of the API model, so the SDK has no enums for it.
     */
    private static final Map<String, Set<String>> DOCUMENTED_VALUES = Map.ofEntries(
            Map.entry("/FullLoadSettings/TargetTablePrepMode", Set.of("DO_NOTHING", "DROP_AND_CREATE", "TRUNCATE_BEFORE_LOAD")),
            Map.entry("/ErrorBehavior/DataErrorPolicy", Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/DataTruncationErrorPolicy",
                    Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/DataErrorEscalationPolicy", Set.of("SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/TableErrorPolicy", Set.of("SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/TableErrorEscalationPolicy", Set.of("STOP_TASK")),
            Map.entry("/ErrorBehavior/ApplyErrorDeletePolicy", Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/ApplyErrorInsertPolicy",
                    Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK", "INSERT_RECORD")),
            Map.entry("/ErrorBehavior/ApplyErrorUpdatePolicy",
                    Set.of("IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK", "UPDATE_RECORD")),
            Map.entry("/ErrorBehavior/ApplyErrorEscalationPolicy", Set.of("LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK")),
            Map.entry("/ErrorBehavior/EventErrorPolicy", Set.of("IGNORE", "STOP_TASK")));

    @Test
    void everyEnumLikeSettingHasADocumentedValue() {
        var policies = new HashSet<String>();
        SETTINGS.get("ErrorBehavior").fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Policy")) {
                policies.add("/ErrorBehavior/" + name);
            }
        });
        assertThat(DOCUMENTED_VALUES.keySet()).as("every policy the document sets has its documented values here")
                .containsAll(policies);
        DOCUMENTED_VALUES.forEach((path, values) ->
                assertThat(values).as(path).contains(SETTINGS.at(path).asText()));
        SETTINGS.at("/Logging/LogComponents").forEach(component -> assertThat(Set.of("LOGGER_SEVERITY_DEFAULT",
                "LOGGER_SEVERITY_ERROR", "LOGGER_SEVERITY_WARNING", "LOGGER_SEVERITY_INFO", "LOGGER_SEVERITY_DEBUG",
                "LOGGER_SEVERITY_DETAILED_DEBUG")).contains(component.get("Severity").asText()));
    }

    @Test
    void aRowThatCannotBeWrittenStopsTheTask() {
        var errors = SETTINGS.get("ErrorBehavior");
        errors.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("Policy")) {
                assertThat(ERROR_ACTIONS).as(e.getKey()).contains(e.getValue().asText());
            }
        });
        Map.of("DataErrorPolicy", "STOP_TASK", "DataTruncationErrorPolicy", "STOP_TASK", "TableErrorPolicy", "STOP_TASK",
                "ApplyErrorUpdatePolicy", "STOP_TASK", "ApplyErrorInsertPolicy", "INSERT_RECORD")
                .forEach((key, value) -> assertThat(errors.get(key).asText()).as(key).isEqualTo(value));
        assertThat(errors.get("FailOnNoTablesCaptured").asBoolean()).isTrue();
    }
}
