package com.paymentmigration.executor;

import java.util.List;
import java.util.Set;

/**
 * The predefined {@code States.*} error names and how an {@code ErrorEquals} list matches an error, as AWS documents
 * them ("Handling errors in Step Functions workflows", error names):
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
final class ErrorNames {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String RUNTIME = "States.Runtime";
    static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    static final String BRANCH_FAILED = "States.BranchFailed";
    static final String PERMISSIONS = "States.Permissions";
    static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

    private static final Set<String> TERMINAL = Set.of(RUNTIME, DATA_LIMIT_EXCEEDED);
    private static final Set<String> TIMEOUTS = Set.of(TIMEOUT, HEARTBEAT_TIMEOUT);

    private ErrorNames() {
    }

    static boolean matches(List<String> errorEquals, String error) {
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
