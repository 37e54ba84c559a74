package com.paymentmigration.orchestration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentmigration.functions.ValidatorFunction;

import java.util.List;

import static com.paymentmigration.orchestration.Flow.expr;
import static com.paymentmigration.orchestration.Flow.obj;

/**
 * The migration's validations, each a plan, a Distributed Map over the partitions and an aggregate: the full one
 * before the traffic shift, the full one just before the freeze (with the change slots created first), the one inside
 * the freeze (only what changed since, strictly), and the full one of the pair replicating back after the thaw.
 */
final class ValidationSteps {

    /** One partition's validation may resume this many times (15 minutes each) before it counts as failed. */
    static final int PARTITION_INVOCATIONS = 20;
    /** Validator errors that a retry cannot fix (the Lambda error type is the exception's class name). */
    static final List<String> VALIDATOR_PERMANENT_ERRORS = List.of(
            "com.paymentmigration.lambda.validator.MalformedEventException",
            "com.paymentmigration.lambda.validator.UnknownTableException",
            "com.paymentmigration.lambda.validator.SchemaMismatchException",
            "com.paymentmigration.lambda.validator.PermissionDeniedException",
            "com.paymentmigration.lambda.validator.IncompleteRunException",
            "com.paymentmigration.lambda.validator.ChangeTrackingException");
    /** The validation inside the write freeze: nothing may move, so no re-check excuses a difference as transient. */
    static final String MATCH = "$validation.status = 'MATCH'";
    static final String STRICT_MATCH = MATCH + " and $validation.transientDifferences = 0";
    /** The error of a mismatch of the pair replicating back to on-prem after the thaw. */
    static final String REVERSE_MISMATCH = "ReverseValidationMismatch";
    /** The phase then: outside the in-flight phases, so an alarm no longer starts a rollback onto on-prem. */
    static final String REVERSE_OUT_OF_STEP = "reverse-out-of-step";

    private final Flow flow;
    private final Steps steps;
    private final ReplicationSteps replication;
    private final Targets t;
    private final Settings settings;

    ValidationSteps(Flow flow, Steps steps, ReplicationSteps replication, Targets targets, Settings settings) {
        this.flow = flow;
        this.steps = steps;
        this.replication = replication;
        this.t = targets;
        this.settings = settings;
    }

    /** Plan, validate every partition (Distributed Map), aggregate; record the result; anything but MATCH fails. */
    String full(String label, String next) {
        return validation(label, obj(), MATCH, next, steps.failWith(label + " validation failed", "ValidationMismatch",
                "the validator did not report MATCH (see the validation report)"));
    }

    /**
     * The full validation just before the freeze, with the change slots created first: the freeze-time check compares
     * only what changed since it (lambda/validator ChangePlanner argues why that suffices).
     */
    String beforeFreeze(String next) {
        var label = "pre-freeze";
        replication.op("Create the change slots", obj("operation", "createChangeSlots", "slotName", t.changeSlotName()),
                validation(label, obj("changeSlot", t.changeSlotName()), MATCH, next, steps.failWith(
                        label + " validation failed", "ValidationMismatch",
                        "the validator did not report MATCH before the freeze (see the validation report)")));
        return "Create the change slots";
    }

    /**
     * Inside the freeze: the rows the change slots saw change since the pre-freeze run (and what it listed), with no
     * re-check: a difference that would resolve itself is a write still landing, and fails the cutover.
     */
    String inFreeze(String next) {
        var label = "final";
        return validation(label, obj("changesSince", reportPrefix("pre-freeze"), "options", obj("recheckAttempts", 0)),
                STRICT_MATCH, next, steps.failWith(label + " validation failed", "ValidationMismatch",
                        "the validation inside the write freeze found a difference (transient ones included: nothing may "
                                + "move then); see the validation report"));
    }

    /**
     * After the thaw, the pair replicating back (Aurora to on-prem) in full, re-checks allowed (writes flow again).
     * A mismatch fails the migration with {@link #REVERSE_MISMATCH}, which the rollback machine refuses to act on:
     * on-prem is then not a copy of the writer, and making it the writer would lose or resurrect payments.
     */
    String afterThaw(String next) {
        var label = "after-thaw";
        return validation(label, obj(), MATCH, next, steps.failWith(label + " validation failed", REVERSE_MISMATCH,
                "on-prem does not match Aurora after the cutover (see the validation report): rolling back onto it "
                        + "is unsafe until it is repaired"));
    }

    private static String reportPrefix(String label) {
        // Under the prefix the validator's role may write to: the report keys are the function's, not the machine's.
        return expr("'" + ValidatorFunction.VALIDATION_PREFIX + "' & $states.context.Execution.Name & '/" + label + "'");
    }

    private String validation(String label, ObjectNode planFields, String passes,
                              String next, String mismatch) {
        var plan = "Plan " + label + " validation";
        var map = "Validate " + label + " partitions";
        var aggregate = "Aggregate " + label + " validation";
        var status = "Record " + label + " validation status";
        var report = "Record " + label + " validation report";
        var passed = label + " validation passed?";
        var validator = List.of(t.validatorFunctionArn(), t.validatorFunctionArn() + ":*");
        var payload = obj("action", "plan", "include", settings.tableIncludes(), "exclude", settings.tableExcludes(),
                "partitionsPerTable", settings.partitionsPerTable(), "reportPrefix", reportPrefix(label));
        payload.setAll(planFields);
        flow.task(plan, Integration.LAMBDA_INVOKE, validator)
                .arguments(obj("FunctionName", t.validatorFunctionArn(), "Payload", payload))
                .retry(VALIDATOR_PERMANENT_ERRORS)
                .assign("validationPlan", expr("$states.result.Payload"))
                .output(expr("$states.result.Payload"))
                .next(map);

        // State names are unique across the whole machine (item processors included), so each validation's
        // processor names its states after the validation.
        var start = "Start " + label + " partition";
        var validate = "Validate " + label + " partition";
        var finished = label + " partition finished?";
        var validated = label + " partition validated";
        var failed = label + " partition failed";
        var partition = new Flow(failed);
        partition.pass(start).assign("partitionEvent", expr("$states.input")).assign("invocations", 0)
                .next(validate);
        partition.task(validate, Integration.LAMBDA_INVOKE, validator)
                .arguments(obj("FunctionName", t.validatorFunctionArn(), "Payload", expr("$partitionEvent")))
                .retry(VALIDATOR_PERMANENT_ERRORS)
                .assign("invocations", expr("$invocations + 1"))
                .output(expr("$states.result.Payload"))
                .next(finished);
        // An unfinished partition stored its progress under its report key: the same event resumes it.
        partition.choice(finished)
                .when(expr("$states.input.complete"), validated)
                .when(expr("$invocations >= " + PARTITION_INVOCATIONS), failed)
                .otherwise(validate);
        partition.succeed(validated, null);
        partition.fail(failed, "PartitionNotValidated", "a partition failed or did not finish");
        flow.map(map, expr("$states.input.items"), partition, true, settings.validationConcurrency(),
                        t.migrationMachineArn())
                .next(aggregate);

        flow.task(aggregate, Integration.LAMBDA_INVOKE, validator)
                .arguments(obj("FunctionName", t.validatorFunctionArn(), "Payload", obj(
                        "action", "aggregate", "partitions", expr("$states.input"),
                        "reportKey", expr("$validationPlan.reportKey"))))
                .retry(VALIDATOR_PERMANENT_ERRORS)
                .assign("validation", expr("$states.result.Payload"))
                .output(expr("$states.result.Payload"))
                .next(status);
        steps.putParameter(status, Targets.VALIDATION_STATUS, expr("$validation.status"), report);
        steps.putParameter(report, Targets.VALIDATION_REPORT, expr("$validation.reportKey"), passed);
        flow.choice(passed).when(expr(passes), next).otherwise(mismatch);
        return plan;
    }
}
