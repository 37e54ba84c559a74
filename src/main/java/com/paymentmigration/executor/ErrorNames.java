package com.paymentmigration.executor;

import java.util.List;
import java.util.Set;

/**
 * The predefined {@code States.*} error names and how an {@code ErrorEquals} list matches an error, as AWS documents
 * them ("Handling errors in Step Functions workflows", error names):
 * Stand-ins and handlers raise these names through {@link TaskFailure} ({@code States.Timeout},
 * {@code States.Permissions}, ...); the executor raises the others itself.
 * <ul>
 *   <li>{@code States.ALL} matches any error name except {@code States.Runtime} and {@code States.DataLimitExceeded},
 *       which are terminal: no Retry or Catch takes them;</li>
 *   <li>{@code States.TaskFailed} matches any error name except {@code States.Timeout} (and, the docs being silent,
 *       we also leave {@code States.HeartbeatTimeout} out, being a timeout, and the terminal two);</li>
 *   <li>{@code States.Timeout} is raised when a Task runs past {@code TimeoutSeconds} or misses a heartbeat; we let it
 *       match {@code States.HeartbeatTimeout} too, the docs describing both under it;</li>
 *   <li>any other name matches itself only (exact, case-sensitive).</li>
 * </ul>
 */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

    private static final Set<String> TERMINAL = Set.of(RUNTIME, DATA_LIMIT_EXCEEDED);
    private static final Set<String> TIMEOUTS = Set.of(TIMEOUT, HEARTBEAT_TIMEOUT);

    private ErrorNames() {
    }

    /** Whether an ErrorEquals list takes this error. */
    public static boolean matches(List<String> errorEquals, String error) {
        if (TERMINAL.contains(error)) {
            return false;
        }
        for (var name : errorEquals) {
            if (name.equals(error)
                    || name.equals(ALL)
                    || name.equals(TASK_FAILED) && !TIMEOUTS.contains(error)
                    || name.equals(TIMEOUT) && error.equals(HEARTBEAT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
