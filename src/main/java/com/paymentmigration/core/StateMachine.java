package com.paymentmigration.core;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;
import com.paymentmigration.naming.NameRule;
import com.pulumi.core.Output;

/**
 * The stack's two state machines, named before they exist: the function that starts the rollback and the alarms
 * that watch the migration need an ARN first, and a machine's own role names the machine.
 */
public enum StateMachine {
    MIGRATION("migration"),
    ROLLBACK("rollback");

    /** The name's purpose segment, e.g. {@code migration-rollback-dev} for ROLLBACK. */
    public final String purpose;

    StateMachine(String purpose) {
        this.purpose = purpose;
    }

    public String name(StackContext stack) {
        return stack.names().of(NameRule.STATE_MACHINE, purpose);
    }

    public String arn(StackContext stack, String account) {
        return "arn:aws:states:" + stack.config().regions().primary() + ":" + account + ":stateMachine:" + name(stack);
    }

    public Output<String> arn(StackContext stack) {
        return stack.accountId().applyValue(account -> arn(stack, account));
    }

    /**
     * What whoever starts the rollback needs (the alarm rule's role, the trigger function): the start, and the key,
     * since starting an encrypted state machine encrypts the input.
     */
    public static PolicyDocument startRollbackPolicy(String rollbackMachineArn, String keyArn) {
        return PolicyDocument.of(
                Statement.allow("StartTheRollback").actions("states:StartExecution").resources(rollbackMachineArn),
                Statement.allow("UseTheKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(keyArn));
    }
}
