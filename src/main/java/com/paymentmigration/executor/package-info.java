/**
 * An offline executor for JSONata-mode Amazon States Language: it runs any state machine definition on a virtual
 * clock (or, for rehearsals on real databases, a {@link com.paymentmigration.executor.WallClock} whose Waits and retry
 * delays really sleep), calls a {@link com.paymentmigration.executor.TaskHandler} for each Task, and records the execution history
 * in the event types and fields of Step Functions' {@code GetExecutionHistory}.
 *
 * <h2>What it implements, after the AWS Step Functions Developer Guide</h2>
 * <ul>
 *   <li>States: Pass, Task, Choice, Wait ({@code Seconds} / {@code Timestamp}), Succeed, Fail ({@code Error} and
 *       {@code Cause} may be JSONata), Parallel, Map inline and {@code DISTRIBUTED} ({@code Items},
 *       {@code ItemSelector}, {@code MaxConcurrency}, {@code ToleratedFailureCount} / {@code Percentage}, each item a
 *       child execution with its own history).</li>
 *   <li>Data: {@code Arguments} from the input and the variables on entry; after the work, {@code Output} and
 *       {@code Assign} evaluated against the same state of the world ({@code $states.input}, {@code .result} or
 *       {@code .errorOutput}, the variables as they were on entry); the assigned values visible from the next state.
 *       Variable scopes: Parallel branches and inline Map iterations read outer variables and keep their own
 *       assignments; distributed children see none. {@code $states.context}: Execution (Id, Input, Name, RoleArn,
 *       StartTime, RedriveCount), State (EnteredTime, Name, RetryCount), StateMachine (Id, Name), Map.Item (Index,
 *       Value) in an ItemSelector; no Task.Token.</li>
 *   <li>Errors: {@code Retry} (IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0 by default; MaxDelaySeconds;
 *       JitterStrategy FULL from a seeded random), {@code Catch} with Output and Assign, a Task's
 *       {@code TimeoutSeconds} against the virtual time a handler reports ({@link com.paymentmigration.executor.TaskResult}),
 *       the machine's TimeoutSeconds ({@code TIMED_OUT}), and the {@code States.*} names with their matching rules
 *       ({@code States.ALL} alone and last and never matching {@code States.Runtime}; {@code States.TaskFailed} all
 *       but timeouts; {@code States.NoChoiceMatched}, {@code States.QueryEvaluationError},
 *       {@code States.ExceedToleratedFailureThreshold}).</li>
 *   <li>JSONata 2.0.x (the dashjoin port, which LocalStack's Step Functions also embeds) with Step Functions'
 *       {@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}; no
 *       {@code $eval}; {@code $now()} and {@code $millis()} read the execution's clock.</li>
 *   <li>Definition rules ({@code InvalidDefinitionException}): fields per state type, JSONPath-only fields named with
 *       their JSONata replacement, transitions, unique names across nested graphs, reachability, retrier fields,
 *       and every expression parsing.</li>
 * </ul>
 *
 * <h2>Where the docs are silent, what we chose</h2>
 * Each choice is stated where it is made: an expression that yields undefined fails with
 * {@code States.QueryEvaluationError} wherever it sits ({@link com.paymentmigration.executor.Expressions});
 * FULL jitter is uniform below the computed delay ({@link com.paymentmigration.executor.Retrier});
 * {@code States.Timeout} also matches {@code States.HeartbeatTimeout} ({@link com.paymentmigration.executor.ErrorNames});
 * a failed branch or iteration fails the state with its own error, a tolerated distributed failure leaves
 * {@code {"Error", "Cause"}} in its place ({@link com.paymentmigration.executor.Branches}); a Choice's own
 * Output/Assign go with Default; the history limit fails with {@code States.Runtime}.
 *
 * <h2>Concurrency on a virtual clock</h2>
 * Branches and iterations run one after another, each on its own clock started when AWS would start it (all at once,
 * or when one of MaxConcurrency slots frees); the state ends when the last one does. Their events are appended in that
 * order, so timestamps across branches are not monotonic. A stand-in whose state depends on time sees calls from
 * concurrent branches in run order, not time order.
 *
 * <h2>Not implemented</h2>
 * JSONPath states, {@code ItemReader} / {@code ResultWriter} / {@code ItemBatcher} (refused with a clear error),
 * {@code .waitForTaskToken} and heartbeats (HeartbeatSeconds is accepted and reported, never enforced), payload size
 * limits (States.DataLimitExceeded), redrive.
 */
package com.paymentmigration.executor;
