package com.paymentmigration.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The complete {@code replicationTaskSettings} document of both tasks. Complete, because DMS fills every section a
 * fragment leaves out and the provider then shows a diff on every {@code pulumi up}. Every choice that differs from
 * DMS's default is made for one reason: a payment that cannot be applied stops the task, loudly, instead of being
 * logged and skipped.
 */
public final class TaskSettings {

    /** Task log components; each is logged at the default severity (errors and warnings, plus info for a few). */
    static final List<String> LOG_COMPONENTS = List.of("SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY",
            "TASK_MANAGER", "TABLES_MANAGER", "SORTER", "VALIDATOR_EXT", "DATA_STRUCTURE", "COMMUNICATION", "IO",
            "PERFORMANCE", "METADATA_MANAGER", "TRANSFORMATION", "REST_SERVER", "FILE_FACTORY", "COMMON", "ADDONS");
    /**
     * DMS's own tables (status, suspended tables, history, validation failures, and the heartbeat on each source) go
     * to this schema on both databases instead of public: on PostgreSQL 15+ ordinary users may not create in public,
     * and one known schema is what the table mappings exclude, so DMS's bookkeeping never loops between the databases.
     */
    public static final String CONTROL_SCHEMA = "dms_control";
    /** LOBs up to this size (KB) travel inline with the row; larger ones are fetched by key. */
    static final int INLINE_LOB_KB = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskSettings() {
    }

    public static String document() {
        var root = JSON.createObjectNode();
        var target = root.putObject("TargetMetadata");
        target.put("TargetSchema", "");
        target.put("SupportLobs", true);
        // Limited LOB mode truncates larger values silently: a payment's JSON document must arrive whole.
        target.put("FullLobMode", true);
        target.put("LimitedSizeLobMode", false);
        target.put("LobMaxSize", 0);
        target.put("InlineLobMaxSize", INLINE_LOB_KB);
        target.put("LobChunkSize", 64);
        target.put("LoadMaxFileSize", 0);
        target.put("ParallelLoadThreads", 0);
        target.put("ParallelLoadBufferSize", 0);
        target.put("ParallelLoadQueuesPerThread", 0);
        // No parallel apply: its threads apply changes out of the source's commit order.
        target.put("ParallelApplyThreads", 0);
        target.put("ParallelApplyBufferSize", 0);
        target.put("ParallelApplyQueuesPerThread", 0);
        // Transactional apply keeps the source's commit order (a refund never lands before its payment), and the
        // cutover's drain gate depends on it: a marker committed on the source after the freeze, once seen on the
        // target, proves every earlier commit was applied. AWS DMS User Guide, "Target metadata task settings":
        // BatchApplyEnabled "determines if each transaction is applied individually or if changes are committed in
        // batches"; "Change processing tuning settings": by default DMS "processes changes in a transactional mode,
        // which preserves transactional integrity", while batch-optimized apply groups transactions (and can apply a
        // marker's batch before an earlier one). PostgreSQL decodes concurrent transactions in commit order
        // (PostgreSQL docs, "Logical Decoding Output Plugins", output plugin callbacks).
        target.put("BatchApplyEnabled", false);
        target.put("TaskRecoveryTableEnabled", false);

        var fullLoad = root.putObject("FullLoadSettings");
        // The schema is created beforehand from pg_dump --schema-only (DMS would drop defaults, sequences and
        // constraints). DMS truncates table by table, which PostgreSQL refuses for a table another one references
        // (AWS DMS User Guide, "Using a PostgreSQL database as a target", foreign keys): so DMS leaves the tables
        // alone and the migration machine empties them all in one TRUNCATE before a full load (replication-ops).
        fullLoad.put("TargetTablePrepMode", "DO_NOTHING");
        fullLoad.put("CreatePkAfterFullLoad", false);
        fullLoad.put("StopTaskCachedChangesApplied", false);
        fullLoad.put("StopTaskCachedChangesNotApplied", false);
        fullLoad.put("MaxFullLoadSubTasks", 8);
        fullLoad.put("TransactionConsistencyTimeout", 600);
        fullLoad.put("CommitRate", 10000);

        // Needs dms-cloudwatch-logs-role. CloudWatchLogGroup/Stream are read-only and must never be sent.
        var logging = root.putObject("Logging");
        logging.put("EnableLogging", true);
        logging.put("EnableLogContext", false);
        var components = logging.putArray("LogComponents");
        for (var id : LOG_COMPONENTS) {
            components.addObject().put("Id", id).put("Severity", "LOGGER_SEVERITY_DEFAULT");
        }

        var control = root.putObject("ControlTablesSettings");
        control.put("ControlSchema", CONTROL_SCHEMA);
        control.put("HistoryTimeslotInMinutes", 5);
        control.put("HistoryTableEnabled", true);
        control.put("SuspendedTablesTableEnabled", true);
        control.put("StatusTableEnabled", true);
        control.put("FullLoadExceptionTableEnabled", false);

        var buffers = root.putObject("StreamBufferSettings");
        buffers.put("StreamBufferCount", 3);
        buffers.put("StreamBufferSizeInMB", 8);
        buffers.put("CtrlStreamBufferSizeInMB", 5);

        var ddl = root.putObject("ChangeProcessingDdlHandlingPolicy");
        ddl.put("HandleSourceTableDropped", true);
        ddl.put("HandleSourceTableTruncated", true);
        ddl.put("HandleSourceTableAltered", true);

        errorBehavior(root.putObject("ErrorBehavior"));

        var tuning = root.putObject("ChangeProcessingTuning");
        tuning.put("BatchApplyPreserveTransaction", true);
        tuning.put("BatchApplyTimeoutMin", 1);
        tuning.put("BatchApplyTimeoutMax", 30);
        tuning.put("BatchApplyMemoryLimit", 500);
        tuning.put("BatchSplitSize", 0);
        tuning.put("MinTransactionSize", 1000);
        tuning.put("CommitTimeout", 1);
        tuning.put("MemoryLimitTotal", 1024);
        tuning.put("MemoryKeepTime", 60);
        tuning.put("StatementCacheSize", 50);
        tuning.put("RecoveryTimeout", -1);

        // DMS's own row-level validation runs alongside our validator: a second, independent opinion.
        var validation = root.putObject("ValidationSettings");
        validation.put("EnableValidation", true);
        validation.put("ValidationMode", "ROW_LEVEL");
        validation.put("ValidationOnly", false);
        validation.put("ThreadCount", 5);
        validation.put("PartitionSize", 10000);
        validation.put("FailureMaxCount", 10000);
        validation.put("TableFailureMaxCount", 1000);
        validation.put("RecordFailureDelayLimitInMinutes", 0);
        validation.put("RecordSuspendDelayInMinutes", 30);
        validation.put("HandleCollationDiff", false);
        validation.put("SkipLobColumns", false);
        validation.put("ValidationPartialLobSize", 0);
        validation.put("ValidationQueryCdcDelaySeconds", 0);

        root.put("FailTaskWhenCleanTaskResourceFailed", false);
        return root.toString();
    }

    private static void errorBehavior(ObjectNode errors) {
        // A row DMS cannot write is a payment missing from the target: stop, alarm, and let a person decide.
        errors.put("DataErrorPolicy", "STOP_TASK");
        errors.put("DataTruncationErrorPolicy", "STOP_TASK");
        errors.put("DataErrorEscalationPolicy", "STOP_TASK");
        errors.put("DataErrorEscalationCount", 0);
        // A table that cannot be loaded or applied is a table of payments missing on the other side. SUSPEND_TABLE
        // (DMS's default) would let the task, the CDC gate and the cutover go on without it: stop instead.
        errors.put("TableErrorPolicy", "STOP_TASK");
        errors.put("TableErrorEscalationPolicy", "STOP_TASK");
        errors.put("TableErrorEscalationCount", 0);
        errors.put("RecoverableErrorCount", -1);
        errors.put("RecoverableErrorInterval", 5);
        errors.put("RecoverableErrorThrottling", true);
        errors.put("RecoverableErrorThrottlingMax", 1800);
        errors.put("RecoverableErrorStopRetryAfterThrottlingMax", true);
        // A replayed insert (full load and cached changes overlap) updates the row it finds: idempotent.
        errors.put("ApplyErrorInsertPolicy", "INSERT_RECORD");
        // An update that finds no row means the copies diverged; a delete that finds none ends in the same state.
        errors.put("ApplyErrorUpdatePolicy", "STOP_TASK");
        errors.put("ApplyErrorDeletePolicy", "IGNORE_RECORD");
        errors.put("ApplyErrorEscalationPolicy", "STOP_TASK");
        errors.put("ApplyErrorEscalationCount", 0);
        errors.put("ApplyErrorFailOnTruncationDdl", false);
        errors.put("FullLoadIgnoreConflicts", true);
        errors.put("FailOnTransactionConsistencyBreached", false);
        // A selection that matches no table is a typo in config, not an empty migration.
        errors.put("FailOnNoTablesCaptured", true);
        errors.put("EventErrorPolicy", "IGNORE");
    }
}
